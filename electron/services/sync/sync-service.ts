import type { SaveSyncSettings, SyncConflict, SyncSettings, SyncStatus } from '../../../shared/api/calls/sync-calls';
import { ApiFailure } from '../../../shared/api/result';
import type { Database } from '../../../shared/domain/database';
import { MouSchema } from '../../../shared/domain/mou';
import { ProposalSchema } from '../../../shared/domain/proposal';
import { deepEqual, mergeRecords, pathKey } from '../../../shared/domain/record-merge';
import { mergeConflictLists, mergeForSync, setAtPath, type StoredConflict } from '../../../shared/domain/sync-merge';
import { systemClock, systemScheduler, type Clock, type Scheduler, type SecretStore } from '../platform';
import { nextUpdatedAt } from '../record-stamp';
import { committed } from '../storage/drafts';
import type { ParkStore } from '../storage/park-store';
import { CouchClient, CouchError, ServerUnreachable, type CouchDoc } from './couch-client';
import type { SyncCallsService } from './sync-handlers';
import {
  canonicalJson,
  docIdOf,
  kindOfDocId,
  readSyncState,
  sha256,
  syncStateFile,
  writeSyncState,
  type DocBody,
  type RecordKind,
  type SyncStateFile,
} from './sync-state';

export const PASSWORD_SECRET = 'sync-password';
/** Every five minutes while a server is set (and on Sync now). */
export const DEFAULT_SYNC_INTERVAL_MS = 5 * 60_000;
/** Each pulled page is one write of the data file, so pages are large (a first pull of 100,000 records is 100 writes). */
const PUSH_BATCH = 500;
const PULL_PAGE = 1000;
const MAX_PUSH_ROUNDS = 5;
const STATE_SAVE_EVERY_MS = 3_000;
const KEEP_RESOLVED = 2000;

export const REFUSED_CREDENTIALS = 'The server refused the user name or password.';

export interface SyncServiceOptions {
  store: ParkStore;
  dataDir: string;
  clock?: Clock;
  secrets?: SecretStore;
  scheduler?: Scheduler;
  /** 0 turns automatic sync off (tests sync by hand). */
  intervalMs?: number;
  fetchImpl?: typeof fetch;
  log?: (message: string) => void;
}

type Records = { proposal: Database['proposals']; mou: Database['mous'] };
type AnyRecord = DocBody['record'];

const SCHEMAS = { proposal: ProposalSchema, mou: MouSchema } as const;

function titleOf(kind: RecordKind, record: AnyRecord | undefined): string {
  const fields = (record?.fields ?? {}) as Record<string, unknown>;
  return String((kind === 'proposal' ? fields.title : fields.mouNumber) ?? record?.id ?? '');
}

/**
 * Replicates the register through a CouchDB server: each proposal and MoU is one document
 * (`proposal:<id>`, `mou:<id>`); push sends the records whose hash moved since they were last
 * synced (`_bulk_docs` with their `_rev`; a conflict fetches the server's copy, merges, pushes
 * again); pull applies `_changes` since the last sequence applied. What this PC knows about the
 * server lives in park-desk-sync.json, written after each step is applied, so a sync cut off at
 * any point resumes without losing or doubling anything: applying the same revision twice merges
 * to the same record.
 */
export class SyncService implements SyncCallsService {
  private state!: SyncStateFile;
  private readonly file: string;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly intervalMs: number;
  private current: { state: SyncStatus['state']; message?: string } = { state: 'off' };
  private running: Promise<SyncStatus> | undefined;
  private cancelTimer: (() => void) | undefined;
  private closed = false;
  /** Record object -> hash: the store copies only records that change, so unchanged ones hash once. */
  private readonly hashes = new WeakMap<object, string>();

  private constructor(private readonly options: SyncServiceOptions) {
    this.file = syncStateFile(options.dataDir);
    this.clock = options.clock ?? systemClock;
    this.scheduler = options.scheduler ?? systemScheduler;
    this.intervalMs = options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  }

  static async open(options: SyncServiceOptions): Promise<SyncService> {
    const service = new SyncService(options);
    service.state = await readSyncState(service.file);
    if (service.state.settings) {
      service.current = { state: 'idle' };
      service.scheduleNext(1_000);
    }
    return service;
  }

  private get store() {
    return this.options.store;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer?.();
    await this.running?.catch(() => undefined);
    if (this.changed || this.lastSyncedUnsaved) await this.saveState().catch(() => undefined);
  }

  // ——— settings ———

  getSettings(): SyncSettings {
    const s = this.state.settings;
    return s ? { ...s, hasPassword: true } : { hasPassword: false };
  }

  async saveSettings(input: SaveSyncSettings): Promise<SyncSettings> {
    const secrets = this.options.secrets;
    if (!secrets) throw new ApiFailure('forbidden', 'This PC cannot keep a password safely, so Park Desk cannot sync here.');
    const previous = this.state.settings;
    const sameServer = previous && previous.serverUrl === input.serverUrl && previous.database === input.database;
    const password = input.password ?? (sameServer && previous.userName === input.userName ? await secrets.read(PASSWORD_SECRET) : undefined);
    if (!password) throw new ApiFailure('invalid-input', 'Enter the password.', { password: 'Enter the password.' });
    await this.running?.catch(() => undefined);
    await checkServer(new CouchClient({ ...input, password }, this.options.fetchImpl));
    try {
      await secrets.write(PASSWORD_SECRET, password);
    } catch {
      throw new ApiFailure('forbidden', 'This PC cannot keep a password safely (no protected store is available), so Park Desk cannot sync here.');
    }
    // Another server or database starts afresh: its revisions and sequence mean nothing here.
    this.state = sameServer ? { ...this.state } : { ...this.state, since: '0', docs: {}, conflicts: {}, lastSyncedAt: undefined };
    this.state.settings = { serverUrl: input.serverUrl, database: input.database, userName: input.userName };
    await this.saveState();
    await this.store.update((db) => void (db.settings.syncUserName = input.userName));
    this.current = { state: 'idle' };
    this.scheduleNext(0);
    return this.getSettings();
  }

  async forgetSettings(): Promise<SyncSettings> {
    this.cancelTimer?.();
    await this.running?.catch(() => undefined);
    await this.options.secrets?.remove(PASSWORD_SECRET);
    this.state = { ...this.state, settings: undefined, since: '0', docs: {}, conflicts: {}, lastSyncedAt: undefined };
    await this.saveState();
    if (this.store.data.settings.syncUserName !== undefined) await this.store.update((db) => void delete db.settings.syncUserName);
    this.current = { state: 'off' };
    return this.getSettings();
  }

  // ——— status ———

  status(): SyncStatus {
    const conflictCount = Object.values(this.state.conflicts).reduce((n, list) => n + list.length, 0);
    return {
      state: this.state.settings ? this.current.state : 'off',
      ...(this.state.lastSyncedAt ? { lastSyncedAt: this.state.lastSyncedAt } : {}),
      waitingChanges: this.state.settings ? this.changedRecords().length : 0,
      conflictCount,
      ...(this.current.message ? { message: this.current.message } : {}),
    };
  }

  /** Syncs now (or waits for the sync under way) and answers the status after. */
  syncNow(): Promise<SyncStatus> {
    if (!this.state.settings) return Promise.resolve(this.status());
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
      this.scheduleNext(this.intervalMs);
    });
    return this.running;
  }

  private scheduleNext(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (this.closed || !this.state.settings || this.intervalMs <= 0) return;
    this.cancelTimer = this.scheduler.after(ms, () => void this.syncNow().catch(() => undefined));
  }

  private async runOnce(): Promise<SyncStatus> {
    const settings = this.state.settings!;
    this.current = { state: 'syncing' };
    try {
      const password = await this.options.secrets?.read(PASSWORD_SECRET);
      if (!password) {
        this.current = { state: 'refused', message: 'The password for the server is no longer kept on this PC. Enter it again under Data → Sync.' };
        return this.status();
      }
      const client = new CouchClient({ ...settings, password }, this.options.fetchImpl);
      await this.push(client);
      await this.pull(client);
      await this.push(client);
      // Written with the next change of state (or on closing): a sync that changed nothing writes nothing.
      this.state.lastSyncedAt = this.clock.now().toISOString();
      this.lastSyncedUnsaved = true;
      await this.saveStateIfChanged();
      this.current = { state: 'idle' };
    } catch (error) {
      this.current = describeSyncFailure(error, settings.serverUrl, settings.database);
      if (!(error instanceof ServerUnreachable) && !(error instanceof CouchError)) this.options.log?.(`Sync stopped: ${String(error)}`);
    }
    return this.status();
  }

  // ——— records and hashes ———

  private recordHash(record: AnyRecord): string {
    let hash = this.hashes.get(record);
    if (hash === undefined) {
      hash = sha256(canonicalJson(record));
      this.hashes.set(record, hash);
    }
    return hash;
  }

  private bodyHash(record: AnyRecord, conflicts: readonly StoredConflict[]): string {
    return conflicts.length === 0 ? this.recordHash(record) : sha256(`${this.recordHash(record)}:${canonicalJson(conflicts)}`);
  }

  private hashOfBody(body: DocBody): string {
    return this.bodyHash(body.record, body.conflicts);
  }

  private *localRecords(): Generator<{ kind: RecordKind; record: AnyRecord }> {
    for (const record of this.store.data.proposals) yield { kind: 'proposal', record: record as unknown as AnyRecord };
    for (const record of this.store.data.mous) yield { kind: 'mou', record: record as unknown as AnyRecord };
  }

  private findLocal(kind: RecordKind, id: string): AnyRecord | undefined {
    const list = (kind === 'proposal' ? this.store.data.proposals : this.store.data.mous) as unknown as AnyRecord[];
    return list.find((r) => r.id === id);
  }

  /** Records whose content (with their conflicts) differs from what was last synced. */
  private changedRecords(): { docId: string; body: DocBody; hash: string }[] {
    const changed = [];
    for (const { kind, record } of this.localRecords()) {
      const docId = docIdOf(kind, record.id);
      const conflicts = this.state.conflicts[docId] ?? [];
      const hash = this.bodyHash(record, conflicts);
      if (this.state.docs[docId]?.hash !== hash) changed.push({ docId, body: { kind, record, conflicts }, hash });
    }
    return changed;
  }

  // ——— push ———

  private async push(client: CouchClient): Promise<void> {
    const userName = this.state.settings!.userName;
    for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
      const changed = this.changedRecords();
      if (changed.length === 0) return;
      const conflicted: string[] = [];
      for (let start = 0; start < changed.length; start += PUSH_BATCH) {
        const batch = changed.slice(start, start + PUSH_BATCH);
        const docs: CouchDoc[] = batch.map(({ docId, body }) => ({
          ...body.record,
          _id: docId,
          ...(this.state.docs[docId] ? { _rev: this.state.docs[docId]!.rev } : {}),
          parkDeskKind: body.kind,
          parkDeskConflicts: body.conflicts,
          parkDeskBy: userName,
        }));
        const results = await client.bulkDocs(docs);
        const byId = new Map(batch.map((c) => [c.docId, c]));
        for (const result of results) {
          const pushed = byId.get(result.id);
          if (!pushed) continue;
          if (result.ok !== false && result.rev && !result.error) {
            this.state.docs[result.id] = { rev: result.rev, hash: pushed.hash, base: { ...pushed.body, by: userName } };
            this.changed = true;
          } else if (result.error === 'conflict') {
            conflicted.push(result.id);
          } else if (result.error === 'unauthorized' || result.error === 'forbidden') {
            throw new CouchError(403, result.error, result.reason ?? '');
          } else {
            this.options.log?.(`The server did not take ${result.id}: ${result.error ?? 'unknown'} ${result.reason ?? ''}`);
          }
        }
        await this.saveStateAtTimes();
      }
      await this.saveStateIfChanged();
      if (conflicted.length === 0) return;
      // The server moved on since we last saw these: merge its copies in, then push again.
      await this.applyRemote(await client.getDocs(conflicted), client);
    }
  }

  // ——— pull ———

  private async pull(client: CouchClient): Promise<void> {
    for (;;) {
      const page = await client.changes(this.state.since, PULL_PAGE);
      const docs = page.results.flatMap((r) => (r.doc && !r.deleted ? [r.doc] : []));
      await this.applyRemote(docs, client);
      // Only once applied (and the data file written) does the cursor move on.
      if (this.state.since !== String(page.last_seq)) this.changed = true;
      this.state.since = String(page.last_seq);
      if (page.results.length < PULL_PAGE) return this.saveStateIfChanged();
      await this.saveStateAtTimes();
    }
  }

  private bodyOf(doc: CouchDoc): DocBody | undefined {
    const kind = (doc.parkDeskKind as RecordKind | undefined) ?? kindOfDocId(doc._id);
    if (kind !== 'proposal' && kind !== 'mou') return undefined;
    const { _id, _rev, _conflicts, _deleted, _revisions, parkDeskKind, parkDeskConflicts, parkDeskBy, ...record } = doc;
    void _id, _rev, _conflicts, _deleted, _revisions, parkDeskKind;
    const parsed = SCHEMAS[kind].safeParse(record);
    if (!parsed.success) return undefined;
    return {
      kind,
      record: parsed.data as unknown as AnyRecord,
      conflicts: Array.isArray(parkDeskConflicts) ? (parkDeskConflicts as StoredConflict[]) : [],
      ...(typeof parkDeskBy === 'string' ? { by: parkDeskBy } : {}),
    };
  }

  /** Merges server documents into the store (one write), then records their revisions. */
  private async applyRemote(docs: CouchDoc[], client: CouchClient): Promise<void> {
    const writes: { kind: RecordKind; record: AnyRecord; docId: string; conflicts: StoredConflict[]; by?: string }[] = [];
    const synced: SyncStateFile['docs'] = {};
    const losers: CouchDoc[] = [];
    let unreadable = 0;
    for (const doc of docs) {
      if (doc._id.startsWith('_design/')) continue;
      const known = this.state.docs[doc._id];
      if (known && known.rev === doc._rev && !doc._conflicts?.length) continue;
      let remote = this.bodyOf(doc);
      if (!remote) {
        unreadable += 1;
        continue;
      }
      // Revisions the server keeps side by side (two nodes took changes to one record): the losers
      // are merged into the winner here and deleted on the server once the merge is saved.
      for (const rev of doc._conflicts ?? []) {
        const loser = this.bodyOf(await client.getDocRev(doc._id, rev));
        if (!loser) continue;
        const both: { merged: AnyRecord } = mergeRecords(remote.record, loser.record);
        remote = { ...remote, record: both.merged as AnyRecord };
        losers.push({ _id: doc._id, _rev: rev, _deleted: true });
      }
      const local = this.findLocal(remote.kind, remote.record.id);
      const localConflicts = this.state.conflicts[doc._id] ?? [];
      let next: { record: AnyRecord; conflicts: StoredConflict[] };
      if (!local || (known && this.bodyHash(local, localConflicts) === known.hash)) {
        next = { record: remote.record, conflicts: remote.conflicts };
      } else {
        next = this.merge(doc._id, known?.base, { ...remote, record: remote.record }, local, localConflicts);
      }
      if (!local || !deepEqual(local, next.record) || !deepEqual(localConflicts, next.conflicts)) {
        writes.push({ kind: remote.kind, record: next.record, docId: doc._id, conflicts: next.conflicts, ...(remote.by ? { by: remote.by } : {}) });
      }
      if (doc._rev) synced[doc._id] = { rev: doc._rev, hash: this.hashOfBody(remote), base: remote };
    }
    if (writes.length > 0) {
      const authors = new Map<string, string>(writes.flatMap((w) => (w.by ? [[`${w.kind}:${w.record.id}`, w.by] as [string, string]] : [])));
      await this.store.update((db) => {
        const lists = { proposal: db.proposals, mou: db.mous } as unknown as Record<RecordKind, AnyRecord[]>;
        const indexes = { proposal: new Map<string, number>(), mou: new Map<string, number>() };
        // Indexed from what is saved, not the draft (scanning a draft drafts every record).
        for (const kind of ['proposal', 'mou'] as const) committed(lists[kind]).forEach((r, i) => indexes[kind].set(r.id, i));
        for (const { kind, record } of writes) {
          const list = lists[kind];
          const index = indexes[kind].get(record.id);
          if (index === undefined) indexes[kind].set(record.id, list.push(record) - 1);
          else list[index] = record;
        }
        // The change log records a pulled change as made by the official who pushed it.
      }, { authorOf: (kind, id) => authors.get(`${kind}:${id}`) });
    }
    for (const { docId, conflicts } of writes) {
      if (conflicts.length > 0) this.state.conflicts[docId] = conflicts;
      else delete this.state.conflicts[docId];
    }
    Object.assign(this.state.docs, synced);
    if (writes.length > 0 || Object.keys(synced).length > 0) this.changed = true;
    if (losers.length > 0) {
      // The merged record (a change here) is pushed next with the winning revision; the losers go.
      for (const [docId, known] of Object.entries(synced)) if (losers.some((l) => l._id === docId)) this.state.docs[docId] = { ...known, hash: '' };
      await this.saveState();
      await client.bulkDocs(losers);
    }
    if (unreadable > 0) this.options.log?.(`${unreadable} documents on the server are not Park Desk records this version can read; they were left on the server.`);
  }

  private merge(docId: string, base: DocBody | undefined, remote: DocBody, local: AnyRecord, localConflicts: StoredConflict[]): { record: AnyRecord; conflicts: StoredConflict[] } {
    const kind = remote.kind;
    const me = this.state.settings?.userName ?? '';
    const toStored = (c: { path: StoredConflict['path']; field: string; local: unknown; remote: unknown }): StoredConflict => {
      const kept = { value: c.local, by: me, at: local.updatedAt };
      const other = { value: c.remote, by: remote.by ?? '', at: remote.record.updatedAt };
      return { id: sha256(canonicalJson([docId, c.field, kept, other])).slice(0, 24), path: c.path, field: c.field, kept, other };
    };
    let { merged, conflicts } = mergeForSync(base?.record, local, remote.record);
    if (!SCHEMAS[kind].safeParse(merged).success) {
      // The merged whole breaks a rule (say, usable area above gross): keep this PC's record and list every difference.
      merged = local;
      conflicts = mergeRecords(local, remote.record).conflicts.map((c) => ({ path: c.path, field: pathKey(c.path), local: c.mine, remote: c.theirs }));
    }
    const record = deepEqual(merged, remote.record) ? remote.record : { ...merged, updatedAt: nextUpdatedAt(later(local.updatedAt, remote.record.updatedAt), this.clock.now()) };
    const fresh = conflicts.map(toStored);
    return { record, conflicts: mergeConflictLists(base?.conflicts ?? [], localConflicts, remote.conflicts, fresh, record) };
  }

  // ——— conflicts ———

  listConflicts(): SyncConflict[] {
    const out: SyncConflict[] = [];
    for (const [docId, conflicts] of Object.entries(this.state.conflicts)) {
      const kind = kindOfDocId(docId);
      if (!kind) continue;
      const recordId = docId.slice(kind.length + 1);
      const record = this.findLocal(kind, recordId);
      for (const c of conflicts) {
        out.push({ id: c.id, recordKind: kind, recordId, recordTitle: titleOf(kind, record), field: c.field, local: c.kept, remote: c.other });
      }
    }
    return out;
  }

  async resolveConflict(id: string, keep: 'local' | 'remote'): Promise<SyncStatus> {
    const found = Object.entries(this.state.conflicts).flatMap(([docId, list]) => list.filter((c) => c.id === id).map((c) => ({ docId, conflict: c })))[0];
    if (!found) throw new ApiFailure('not-found', 'This conflict was settled already (here or on another PC). The list is up to date now.');
    const { docId, conflict } = found;
    const kind = kindOfDocId(docId)!;
    const recordId = docId.slice(kind.length + 1);
    const who = this.state.settings?.userName || this.store.data.settings.officialName;
    const now = this.clock.now();
    await this.store.update((db) => {
      const list = (kind === 'proposal' ? db.proposals : db.mous) as unknown as AnyRecord[];
      const index = committed(list).findIndex((r) => r.id === recordId);
      if (index === -1) throw new ApiFailure('not-found', 'The record of this conflict is no longer here.');
      if (keep === 'remote') {
        const next = setAtPath(list[index]!, conflict.path, conflict.other.value) as AnyRecord;
        const checked = SCHEMAS[kind].safeParse(next);
        if (!checked.success) throw new ApiFailure('conflict', `The other value cannot be kept with the record as it is: ${checked.error.issues[0]?.message ?? 'it breaks a rule'}. Edit the record instead.`);
        list[index] = { ...next, updatedAt: nextUpdatedAt(next.updatedAt, now) };
      } else {
        list[index] = { ...list[index]!, updatedAt: nextUpdatedAt(list[index]!.updatedAt, now) };
      }
    });
    const remaining = (this.state.conflicts[docId] ?? []).filter((c) => c.id !== id);
    if (remaining.length > 0) this.state.conflicts[docId] = remaining;
    else delete this.state.conflicts[docId];
    this.state.resolved = [
      ...this.state.resolved,
      { ...conflict, recordId, kind, keep, discarded: keep === 'local' ? conflict.other.value : conflict.kept.value, resolvedBy: who, resolvedAt: now.toISOString() },
    ].slice(-KEEP_RESOLVED);
    await this.saveState();
    // The choice travels to the other PCs with the next sync; start it now.
    void this.syncNow().catch(() => undefined);
    return this.status();
  }

  private lastSaved = 0;
  /** The state differs from the file (beyond lastSyncedAt). */
  private changed = false;
  private lastSyncedUnsaved = false;

  private async saveState(): Promise<void> {
    this.changed = false;
    this.lastSyncedUnsaved = false;
    await writeSyncState(this.file, this.state);
    this.lastSaved = performance.now();
  }

  private async saveStateIfChanged(): Promise<void> {
    if (this.changed) await this.saveState();
  }

  /**
   * Inside a long push or pull the state is written every few seconds, not per batch: it holds
   * every record's ancestor, so at 100,000 records a write is large. Losing the last few seconds
   * of it costs nothing but time: the same revisions come again and merge to the same records.
   */
  private async saveStateAtTimes(): Promise<void> {
    if (this.changed && performance.now() - this.lastSaved >= STATE_SAVE_EVERY_MS) await this.saveState();
  }
}

const later = (a: string, b: string) => (a >= b ? a : b);

/** Checks, before anything is kept, that this is a CouchDB server that knows the user and guards the database. */
export async function checkServer(client: CouchClient): Promise<void> {
  const field = (name: string, message: string) => new ApiFailure('invalid-input', message, { [name]: message });
  let welcome: Record<string, unknown>;
  try {
    welcome = await client.welcome();
  } catch (error) {
    if (error instanceof ServerUnreachable) throw field('serverUrl', `No answer from ${client.serverUrl}. Check the address, and that this PC reaches the server.`);
    throw field('serverUrl', 'This server does not answer as CouchDB does. Check the address.');
  }
  // Apache CouchDB says {"couchdb":"Welcome"}; pouchdb-server (the tests' server) {"express-pouchdb":"Welcome!"}.
  if (!('couchdb' in welcome) && !('express-pouchdb' in welcome)) throw field('serverUrl', 'This server does not answer as CouchDB does. Check the address.');
  try {
    await client.databaseInfo();
  } catch (error) {
    if (error instanceof CouchError && error.status === 401) throw field('password', REFUSED_CREDENTIALS);
    if (error instanceof CouchError && error.status === 403) throw field('database', 'Your user may not open this database. Ask the server administrator to add you to its members.');
    if (error instanceof CouchError && error.status === 404) throw field('database', 'There is no database of this name on the server. Ask the server administrator to create it.');
    if (error instanceof ServerUnreachable) throw field('serverUrl', `No answer from ${client.serverUrl}. Check the address, and that this PC reaches the server.`);
    throw field('serverUrl', `The server answered: ${(error as Error).message}`);
  }
  const openToAnyone = await client.databaseInfo({ anonymous: true }).then(
    () => true,
    () => false,
  );
  const security = await client.security().catch(() => undefined);
  const members = security?.members;
  const hasMembers = (members?.names?.length ?? 0) + (members?.roles?.length ?? 0) > 0;
  if (openToAnyone || !hasMembers) {
    throw field('database', 'This database is open to anyone who reaches the server (it has no members set). Ask the server administrator to set its members first.');
  }
}

export function describeSyncFailure(error: unknown, serverUrl: string, database: string): { state: SyncStatus['state']; message: string } {
  if (error instanceof ServerUnreachable) return { state: 'unreachable', message: `The server at ${serverUrl} does not answer. Park Desk keeps working and tries again in a few minutes.` };
  if (error instanceof CouchError) {
    if (error.status === 401) return { state: 'refused', message: `${REFUSED_CREDENTIALS} Enter it again under Data → Sync.` };
    if (error.status === 403) return { state: 'refused', message: `The server no longer lets your user into the database ${database}. Ask the server administrator.` };
    if (error.status === 404) return { state: 'refused', message: `The database ${database} is no longer on the server. Ask the server administrator.` };
    return { state: 'unreachable', message: `The server answered with an error (${error.status}): ${error.message}. Park Desk tries again in a few minutes.` };
  }
  return { state: 'refused', message: `Sync stopped: ${error instanceof Error ? error.message : String(error)}` };
}
