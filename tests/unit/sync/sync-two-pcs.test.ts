import { savedBytes } from '../../support/saved-data';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices, type ParkServices } from '../../../electron/services/park-services';
import type { Result } from '../../../shared/api/result';
import type { Proposal } from '../../../shared/domain/proposal';
import type { SyncStatus } from '../../../shared/api/calls/sync-calls';
import { SYNC_STATE_FILE_NAME } from '../../../electron/services/sync/sync-state';
import type { Scheduler } from '../../../electron/services/platform';
import { startTestCouch, type TestCouch } from '../../support/couch-server';
import { createMemorySecretStore } from '../../support/test-platform';
import { useTempDataDir } from '../services/temp-data-dir';
import { faisalabadMou, faisalabadProposal, URDU_SIGNATORY } from '../../support/mou-data';

/**
 * Two PCs (two data folders, two officials) and one real server of the CouchDB protocol
 * (pouchdb-server on loopback, or COUCHDB_URL): every sync goes over HTTP to it.
 */
const makeDir = useTempDataDir();
let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 60_000);
afterAll(async () => {
  await couch?.stop();
});

const fields = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: 19500 };
/** Today in Pakistan (UTC+5), the latest day a move may be dated. */
const today = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

interface Pc {
  services: ParkServices;
  dir: string;
  secrets: ReturnType<typeof createMemorySecretStore>;
  call<T>(name: string, input?: unknown): Promise<T>;
  proposal(id: string): Proposal;
}

const open: ParkServices[] = [];
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
});

async function openPc(name: string, options: { dir?: string; secrets?: ReturnType<typeof createMemorySecretStore>; fetchImpl?: typeof fetch; scheduler?: Scheduler; intervalMs?: number } = {}): Promise<Pc> {
  const dir = options.dir ?? (await makeDir());
  const secrets = options.secrets ?? createMemorySecretStore();
  const services = await openParkServices({
    dataDir: dir,
    appVersion: '0.0.0-test',
    platform: { secretStore: secrets },
    sync: { intervalMs: options.intervalMs ?? 0, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}), ...(options.scheduler ? { scheduler: options.scheduler } : {}) },
  });
  open.push(services);
  const call = async <T>(method: string, input: unknown = {}) => value((await services.dispatch(method as never, input as never)) as Result<T>);
  if (!options.dir) await call('updateSettings', { officialName: name });
  return { services, dir, secrets, call, proposal: (id) => services.store.data.proposals.find((p) => p.id === id)! };
}

async function connect(pc: Pc, database: string, userName: string, password: string) {
  return pc.call('saveSyncSettings', { serverUrl: couch.url, database, userName, password });
}

async function twoPcs() {
  const database = await couch.createDatabase({ amina: 'amina-pw', bilal: 'bilal-pw' });
  const a = await openPc('Amina typed');
  const b = await openPc('Bilal typed');
  await connect(a, database, 'amina', 'amina-pw');
  await connect(b, database, 'bilal', 'bilal-pw');
  return { database, a, b };
}

const sync = (pc: Pc) => pc.call<SyncStatus>('syncNow');

describe('two PCs replicating through one CouchDB-protocol server', () => {
  it('a proposal entered offline on one PC reaches the other; moves on both end up in both histories, recorded by server user', async () => {
    const { a, b } = await twoPcs();
    const created = await a.call<Proposal>('createProposal', { fields });
    expect(created.stageHistory[0]!.by).toBe('amina');
    expect(await a.call<SyncStatus>('getSyncStatus')).toMatchObject({ waitingChanges: 1 });

    expect(await sync(a)).toMatchObject({ state: 'idle', waitingChanges: 0, conflictCount: 0 });
    expect(await sync(b)).toMatchObject({ state: 'idle', waitingChanges: 0 });
    expect(b.proposal(created.id).fields.title).toBe('Faisalabad STP');
    // B's change log records the pulled proposal as its author's, not as B's own change.
    expect((await b.services.store.changesOf('proposal', created.id)).map((entry) => entry.by)).toEqual(['amina']);

    // Offline, each moves the proposal on.
    const onA = await a.call<Proposal>('moveProposalStage', { id: created.id, expectedUpdatedAt: a.proposal(created.id).updatedAt, to: 'screening', on: today(), note: 'Papers complete.' });
    const onB = await b.call<Proposal>('moveProposalStage', { id: created.id, expectedUpdatedAt: b.proposal(created.id).updatedAt, to: 'on-hold', on: today(), note: 'Waiting for the fire NOC.' });
    expect(onA.stageHistory).toHaveLength(2);
    expect(onB.stageHistory).toHaveLength(2);

    await sync(a);
    await sync(b);
    await sync(a);
    for (const pc of [a, b]) {
      const moves = pc.proposal(created.id).stageHistory.map((m) => `${m.to} by ${m.by}`);
      expect(moves).toHaveLength(3);
      expect(moves).toEqual(expect.arrayContaining(['received by amina', 'screening by amina', 'on-hold by bilal']));
      expect(await pc.call<SyncStatus>('getSyncStatus')).toMatchObject({ waitingChanges: 0, conflictCount: 0 });
    }
    expect(a.proposal(created.id)).toEqual(b.proposal(created.id));

    // Nothing of the connection is in what is saved (data file, change log, history): no password, no server.
    for (const pc of [a, b]) {
      const text = (await savedBytes(path.join(pc.dir, DATA_FILE_NAME))).toString('utf8');
      expect(text).not.toContain('-pw');
      expect(text).not.toContain(couch.url);
      expect(await readFile(path.join(pc.dir, SYNC_STATE_FILE_NAME), 'utf8')).not.toContain('-pw');
    }
  }, 60_000);

  it('the same area changed on both PCs is a conflict listed on both; settled on one, it is gone on both', async () => {
    const { a, b } = await twoPcs();
    const created = await a.call<Proposal>('createProposal', { fields });
    await sync(a);
    await sync(b);

    await a.call('updateProposal', { id: created.id, expectedUpdatedAt: a.proposal(created.id).updatedAt, fields: { ...fields, grossAreaSqFt: 20000, city: 'Faisalabad (Jhang Road)' } });
    await b.call('updateProposal', { id: created.id, expectedUpdatedAt: b.proposal(created.id).updatedAt, fields: { ...fields, grossAreaSqFt: 21000, usableAreaSqFt: 15000 } });
    await sync(a);
    expect(await sync(b)).toMatchObject({ conflictCount: 1 });
    expect(await sync(a)).toMatchObject({ conflictCount: 1 });

    // Changed on one side only: taken without asking.
    for (const pc of [a, b]) {
      expect(pc.proposal(created.id).fields).toMatchObject({ city: 'Faisalabad (Jhang Road)', usableAreaSqFt: 15000 });
    }
    const onB = await b.call<{ id: string; field: string; recordTitle: string; local: { value: unknown; by: string }; remote: { value: unknown; by: string } }[]>('listSyncConflicts');
    const onA = await a.call<typeof onB>('listSyncConflicts');
    expect(onB).toEqual([expect.objectContaining({ field: 'fields.grossAreaSqFt', recordTitle: 'Faisalabad STP', local: expect.objectContaining({ value: 21000, by: 'bilal' }), remote: expect.objectContaining({ value: 20000, by: 'amina' }) })]);
    expect(onA.map((c) => c.id)).toEqual(onB.map((c) => c.id));
    expect(new Set([onA[0]!.local.value, onA[0]!.remote.value])).toEqual(new Set([20000, 21000]));
    // Until someone chooses, the record holds one of the values, the same on both PCs.
    expect(a.proposal(created.id).fields.grossAreaSqFt).toBe(b.proposal(created.id).fields.grossAreaSqFt);

    // Amina chooses 20,000 on her PC.
    const keep = onA[0]!.local.value === 20000 ? 'local' : 'remote';
    expect(await a.call<SyncStatus>('resolveSyncConflict', { id: onA[0]!.id, keep })).toMatchObject({ conflictCount: 0 });
    await sync(a);
    expect(await sync(b)).toMatchObject({ conflictCount: 0, waitingChanges: 0 });
    expect(await b.call('listSyncConflicts')).toEqual([]);
    expect(await a.call('listSyncConflicts')).toEqual([]);
    expect(a.proposal(created.id).fields.grossAreaSqFt).toBe(20000);
    expect(b.proposal(created.id).fields.grossAreaSqFt).toBe(20000);
    // The value not kept stays on record on the PC where it was settled.
    const state = JSON.parse(await readFile(path.join(a.dir, SYNC_STATE_FILE_NAME), 'utf8'));
    expect(state.resolved).toEqual([expect.objectContaining({ field: 'fields.grossAreaSqFt', discarded: 21000, resolvedBy: 'amina' })]);
  }, 60_000);

  it('a wrong password is refused with a plain message at the field; a database open to everyone is refused', async () => {
    const database = await couch.createDatabase({ amina: 'amina-pw' });
    const a = await openPc('Amina');
    const wrong = await a.services.dispatch('saveSyncSettings', { serverUrl: couch.url, database, userName: 'amina', password: 'not-it' });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { password: 'The server refused the user name or password.' } } });
    expect(await a.call('getSyncSettings')).toEqual({ hasPassword: false });

    const open = await couch.createDatabase({ amina: 'amina-pw' }, { members: false });
    const refused = await a.services.dispatch('saveSyncSettings', { serverUrl: couch.url, database: open, userName: 'amina', password: 'amina-pw' });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { database: expect.stringContaining('open to anyone') } } });

    const plain = await a.services.dispatch('saveSyncSettings', { serverUrl: 'http://couch.pseb.org.pk:5984', database, userName: 'amina', password: 'x' });
    expect(plain).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { serverUrl: expect.stringContaining('https://') } } });

    const missing = await a.services.dispatch('saveSyncSettings', { serverUrl: couch.url, database: 'no-such-db', userName: 'amina', password: 'amina-pw' });
    expect(missing).toMatchObject({ ok: false, error: { fieldErrors: { database: expect.stringContaining('no database of this name') } } });

    expect(await connect(a, database, 'amina', 'amina-pw')).toEqual({ serverUrl: couch.url, database, userName: 'amina', hasPassword: true });
    // The password changed on the server: the status says so, in plain words.
    await couch.admin('PUT', `/_users/org.couchdb.user:amina`, {
      ...(await couch.admin<Record<string, unknown>>('GET', '/_users/org.couchdb.user:amina')),
      password: 'changed',
    });
    expect(await sync(a)).toMatchObject({ state: 'refused', message: expect.stringContaining('The server refused the user name or password.') });
  }, 60_000);

  it('the server killed in the middle of a sync: nothing lost or doubled, and the next sync finishes the work', async () => {
    const database = await couch.createDatabase({ amina: 'amina-pw', bilal: 'bilal-pw' });
    let killAfterFirstPush = false;
    const cutting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (killAfterFirstPush && String(input).includes('/_bulk_docs')) {
        killAfterFirstPush = false;
        const body = await response.text();
        await couch.kill(); // the server took the first batch, then died
        return new Response(body, { status: response.status, headers: response.headers });
      }
      return response;
    };
    const a = await openPc('Amina', { fetchImpl: cutting });
    const b = await openPc('Bilal');
    await connect(a, database, 'amina', 'amina-pw');
    await connect(b, database, 'bilal', 'bilal-pw');
    const ids: string[] = [];
    for (let i = 0; i < 600; i++) ids.push((await a.services.handlers.createProposal({ fields: { ...fields, referenceNumber: `PSEB/STP/${i}`, title: `Park ${i}` } } as never)).id);

    killAfterFirstPush = true;
    const cut = await sync(a);
    expect(cut).toMatchObject({ state: 'unreachable', message: expect.stringContaining('does not answer') });
    expect(cut.waitingChanges).toBeGreaterThan(0);
    expect(cut.waitingChanges).toBeLessThan(600);

    await couch.restart();
    expect(await sync(a)).toMatchObject({ state: 'idle', waitingChanges: 0 });
    expect(await sync(b)).toMatchObject({ state: 'idle', waitingChanges: 0 });
    expect(b.services.store.data.proposals.map((p) => p.id).sort()).toEqual([...ids].sort());
    const info = await couch.admin<{ doc_count: number }>('GET', `/${database}`);
    expect(info.doc_count).toBe(600);
  }, 60_000);

  it('a PC cut off after applying pulled records but before saving its cursor resumes without doubles', async () => {
    const { a, b } = await twoPcs();
    for (let i = 0; i < 5; i++) await a.call('createProposal', { fields: { ...fields, referenceNumber: `PSEB/STP/${i}` } });
    await sync(a);
    await sync(b);
    // B forgets how far it got (as if killed after the data file was written, before the sync file was).
    await b.services.close();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(b.dir, SYNC_STATE_FILE_NAME), JSON.stringify({ ...JSON.parse(await readFile(path.join(b.dir, SYNC_STATE_FILE_NAME), 'utf8')), since: '0', docs: {} }));
    const again = await openPc('Bilal', { dir: b.dir, secrets: b.secrets });
    expect(await sync(again)).toMatchObject({ state: 'idle', waitingChanges: 0, conflictCount: 0 });
    expect(again.services.store.data.proposals).toHaveLength(5);
    const byId = (list: readonly Proposal[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(again.services.store.data.proposals)).toEqual(byId(a.services.store.data.proposals));
    expect((await readdir(b.dir)).filter((f) => f.includes('secret'))).toEqual([]);
  }, 60_000);

  it('syncs by itself: at once when the server is set, then again after every interval', async () => {
    const database = await couch.createDatabase({ amina: 'amina-pw', bilal: 'bilal-pw' });
    const pending: { ms: number; run: () => void }[] = [];
    const scheduler: Scheduler = {
      after(ms, run) {
        const entry = { ms, run };
        pending.push(entry);
        return () => void pending.splice(pending.indexOf(entry) >>> 0, 1);
      },
    };
    const a = await openPc('Amina', { scheduler, intervalMs: 300_000 });
    const b = await openPc('Bilal');
    await connect(b, database, 'bilal', 'bilal-pw');
    const created = await b.call<Proposal>('createProposal', { fields });
    await sync(b);

    await connect(a, database, 'amina', 'amina-pw');
    expect(pending.map((p) => p.ms)).toEqual([0]);
    pending.shift()!.run();
    await expect.poll(() => a.proposal(created.id)?.fields.title, { timeout: 20_000 }).toBe('Faisalabad STP');
    await expect.poll(() => pending.map((p) => p.ms), { timeout: 20_000 }).toEqual([300_000]);
  }, 60_000);

  it('revisions the server keeps side by side (from a second node) are merged on pull and the losers removed', async () => {
    const { database, a, b } = await twoPcs();
    const created = await a.call<Proposal>('createProposal', { fields });
    await sync(a);
    const doc = await couch.admin<Record<string, unknown> & { _rev: string; stageHistory: unknown[] }>('GET', `/${database}/proposal:${created.id}`);
    // What a second node's replication leaves: a sibling revision with another move in its history.
    const sibling = {
      ...doc,
      _rev: `2-${'f'.repeat(32)}`,
      _revisions: { start: 2, ids: ['f'.repeat(32), doc._rev.split('-')[1]] },
      stageHistory: [...doc.stageHistory, { id: '7b0c8f3e-3c1a-4a55-9d1f-0f3e2b9a6c11', at: new Date().toISOString(), from: 'received', to: 'screening', by: 'chaudhry', note: 'At the Lahore node.' }],
    };
    await couch.admin('POST', `/${database}/_bulk_docs`, { docs: [sibling], new_edits: false });
    await a.call('updateProposal', { id: created.id, expectedUpdatedAt: a.proposal(created.id).updatedAt, fields: { ...fields, notes: 'From Islamabad.' } });
    await sync(a);
    await sync(b);
    for (const pc of [a, b]) {
      expect(pc.proposal(created.id).stageHistory.map((m) => m.by)).toEqual(['amina', 'chaudhry']);
      expect(pc.proposal(created.id).fields.notes).toBe('From Islamabad.');
    }
    const after = await couch.admin<{ _conflicts?: string[] }>('GET', `/${database}/proposal:${created.id}?conflicts=true`);
    expect(after._conflicts ?? []).toEqual([]);
  }, 60_000);

  it('MoUs travel as documents of their own, Urdu intact; obligations done on both PCs are both kept', async () => {
    const { database, a, b } = await twoPcs();
    const proposal = faisalabadProposal();
    const mou = faisalabadMou();
    await a.services.store.update((db) => {
      db.proposals.push({ ...proposal, fields: { ...proposal.fields, title: 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک' } });
      db.mous.push(mou);
    });
    await sync(a);
    await sync(b);
    expect(b.services.store.data.mous).toEqual([mou]);
    expect(JSON.stringify(b.services.store.data.mous)).toContain(URDU_SIGNATORY);
    expect(b.proposal(proposal.id).fields.title).toBe('فیصل آباد سافٹ ویئر ٹیکنالوجی پارک');
    const ids = (await couch.admin<{ rows: { id: string }[] }>('GET', `/${database}/_all_docs`)).rows.map((r) => r.id).sort();
    expect(ids).toEqual([`mou:${mou.id}`, `proposal:${proposal.id}`]);

    // Offline, each PC marks a different obligation done.
    const [first, second] = mou.fields.obligations;
    const done = (pc: Pc, obligationId: string, on: string) =>
      pc.services.store.update((db) => {
        const o = db.mous[0]!.fields.obligations.find((x) => x.id === obligationId)!;
        o.completedOn = on;
      });
    await done(a, first!.id, '2026-11-20');
    await done(b, second!.id, '2026-11-21');
    await sync(a);
    await sync(b);
    await sync(a);
    for (const pc of [a, b]) {
      const obligations = pc.services.store.data.mous[0]!.fields.obligations;
      expect(obligations.find((o) => o.id === first!.id)).toMatchObject({ completedOn: '2026-11-20' });
      expect(obligations.find((o) => o.id === second!.id)).toMatchObject({ completedOn: '2026-11-21' });
      expect(await pc.call<SyncStatus>('getSyncStatus')).toMatchObject({ conflictCount: 0, waitingChanges: 0 });
    }
  }, 60_000);
});
