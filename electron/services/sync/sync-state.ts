import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StoredConflict } from '../../../shared/domain/sync-merge';
import { writeFileDurably } from '../storage/durable-file';

export const SYNC_STATE_FILE_NAME = 'park-desk-sync.json';

export type RecordKind = 'proposal' | 'mou';

/** A record as its document carries it (less `_id` and `_rev`). */
export interface DocBody {
  kind: RecordKind;
  record: Record<string, unknown> & { id: string; updatedAt: string };
  conflicts: StoredConflict[];
  /** The server user who pushed this revision. */
  by?: string;
}

export interface SyncedDoc {
  /** The revision both sides last agreed on. */
  rev: string;
  /** Hash of `base`: a record whose current hash differs has changes waiting. */
  hash: string;
  /** The common ancestor for the next three-way merge. */
  base: DocBody;
}

export interface ResolvedConflict extends StoredConflict {
  recordId: string;
  kind: RecordKind;
  keep: 'local' | 'remote';
  /** The value not kept: it stays here, in the record's sync history. */
  discarded: unknown;
  resolvedBy: string;
  resolvedAt: string;
}

/**
 * What this PC knows about the server, beside the data file (never inside it, so backups and
 * exports of the register stay free of it): the connection (no password), the pull cursor, and per
 * document the last revision and common ancestor. Written durably after each step is applied,
 * so a sync cut off half way resumes where it stopped.
 */
export interface SyncStateFile {
  version: 1;
  settings?: { serverUrl: string; database: string; userName: string };
  /** The server's `_changes` sequence up to which everything is applied here. */
  since: string;
  lastSyncedAt?: string;
  docs: Record<string, SyncedDoc>;
  /** Conflicts of each document as this PC holds it now. */
  conflicts: Record<string, StoredConflict[]>;
  /** Conflicts settled here, newest last (the discarded values stay on record). */
  resolved: ResolvedConflict[];
}

export const emptySyncState = (): SyncStateFile => ({ version: 1, since: '0', docs: {}, conflicts: {}, resolved: [] });

export const syncStateFile = (dataDir: string) => path.join(dataDir, SYNC_STATE_FILE_NAME);

export async function readSyncState(file: string): Promise<SyncStateFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptySyncState();
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as SyncStateFile;
    if (parsed.version === 1 && typeof parsed.since === 'string' && parsed.docs && parsed.conflicts) return { ...emptySyncState(), ...parsed };
  } catch {
    // fall through: an unreadable state only costs a full pull (merges are idempotent)
  }
  const kept = { ...emptySyncState() };
  return kept;
}

export async function writeSyncState(file: string, state: SyncStateFile): Promise<void> {
  await writeFileDurably(file, JSON.stringify(state));
}

/** JSON with object keys sorted, so equal values hash equally whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const docIdOf = (kind: RecordKind, id: string) => `${kind}:${id}`;

export function kindOfDocId(docId: string): RecordKind | undefined {
  const prefix = docId.slice(0, docId.indexOf(':'));
  return prefix === 'proposal' || prefix === 'mou' ? prefix : undefined;
}
