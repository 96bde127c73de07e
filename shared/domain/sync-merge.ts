import { deepEqual, isIdList, mergeHistory, mergeRecords, pathKey, setAtPath, type PathSegment } from './record-merge';

/**
 * Three-way merge of one record for replication (issue 16): this PC's copy and the server's,
 * against the copy both last agreed on (the common ancestor). Pure, so import can use it too.
 * - histories (keys ending in "History": stage moves, status moves) are unions;
 * - lists of items with ids (obligations, amendments, occupancy returns) keep the items of both;
 *   an item one side removed and the other left as it was is removed; one both hold is merged
 *   field by field;
 * - a value changed on one side only takes that side's value;
 * - a value changed differently on both sides is a conflict: the merge keeps this PC's value
 *   until an official chooses, and reports both.
 * Without an ancestor (the record reached both sides by other ways) record-merge's two-way rules apply.
 */

export interface SyncFieldConflict {
  path: PathSegment[];
  /** Stable name of the place, e.g. `fields.grossAreaSqFt`. */
  field: string;
  local: unknown;
  remote: unknown;
}

export interface SyncMerge<R> {
  merged: R;
  conflicts: SyncFieldConflict[];
}

/** Lists edited as a whole (an MoU's parties): compared whole, as in record-merge. */
const WHOLE_LISTS: ReadonlySet<string> = new Set(['parties']);
/** Set by the merge itself, not merged value by value. */
const STAMP_KEYS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge3(base: unknown, local: unknown, remote: unknown, path: PathSegment[], key: string | undefined, out: SyncFieldConflict[]): unknown {
  if (deepEqual(local, remote)) return local;
  if (deepEqual(base, local)) return remote;
  if (deepEqual(base, remote)) return local;
  if (key !== undefined && key.endsWith('History') && (Array.isArray(local) || local === undefined) && (Array.isArray(remote) || remote === undefined)) {
    return mergeHistory((local as unknown[] | undefined) ?? [], (remote as unknown[] | undefined) ?? []).entries;
  }
  if (key !== undefined && !WHOLE_LISTS.has(key) && (isIdList(local) || local === undefined) && (isIdList(remote) || remote === undefined)) {
    const byId = (list: unknown) => new Map(((isIdList(list) ? list : []) as { id: string }[]).map((item) => [item.id, item]));
    const baseItems = byId(base);
    const localItems = byId(local);
    const remoteItems = byId(remote);
    const result: unknown[] = [];
    for (const [id, item] of localItems) {
      const other = remoteItems.get(id);
      const ancestor = baseItems.get(id);
      if (other !== undefined) result.push(merge3(ancestor, item, other, [...path, { id }], undefined, out));
      // Removed on the server; kept here only if this PC changed it since (a change is never dropped in silence).
      else if (ancestor === undefined || !deepEqual(ancestor, item)) result.push(item);
    }
    for (const [id, item] of remoteItems) {
      if (localItems.has(id)) continue;
      const ancestor = baseItems.get(id);
      if (ancestor === undefined || !deepEqual(ancestor, item)) result.push(item);
    }
    return result;
  }
  if (isObject(local) && isObject(remote)) {
    const ancestor = isObject(base) ? base : {};
    const result: Record<string, unknown> = {};
    const keys = [...new Set([...Object.keys(local), ...Object.keys(remote)])];
    for (const k of keys) {
      if (path.length === 0 && STAMP_KEYS.has(k)) {
        result[k] = k === 'updatedAt' ? later(local[k], remote[k]) : (local[k] ?? remote[k]);
        continue;
      }
      const value = merge3(ancestor[k], local[k], remote[k], [...path, { key: k }], k, out);
      if (value !== undefined) result[k] = value;
    }
    return result;
  }
  out.push({ path, field: pathKey(path), local, remote });
  return local;
}

const later = (a: unknown, b: unknown) => (String(a ?? '') >= String(b ?? '') ? a : b);

/** Merges the server's copy of a record into this PC's, against their common ancestor. */
export function mergeForSync<R>(base: R | undefined, local: R, remote: R): SyncMerge<R> {
  if (base === undefined) {
    const two = mergeRecords(local, remote);
    return { merged: two.merged, conflicts: two.conflicts.map((c) => ({ path: c.path, field: pathKey(c.path), local: c.mine, remote: c.theirs })) };
  }
  const conflicts: SyncFieldConflict[] = [];
  const merged = merge3(base, local, remote, [], undefined, conflicts) as R;
  return { merged, conflicts };
}

/** The value at `path` in a record (undefined when any step is missing). */
export function valueAtPath(record: unknown, path: readonly PathSegment[]): unknown {
  let here: unknown = record;
  for (const step of path) {
    if ('id' in step) here = Array.isArray(here) ? here.find((item) => isObject(item) && item.id === step.id) : undefined;
    else here = isObject(here) ? here[step.key] : undefined;
    if (here === undefined) return undefined;
  }
  return here;
}

export { setAtPath, type PathSegment };

/** One side of a listed conflict: the value, who set it and when (as far as the copies say). */
export interface ConflictSide {
  value: unknown;
  by: string;
  at: string;
}

/**
 * A conflict as it travels with the record's document, so every PC lists it until someone
 * settles it: `kept` is the value the record holds, `other` the one it does not.
 */
export interface StoredConflict {
  id: string;
  path: PathSegment[];
  field: string;
  kept: ConflictSide;
  other: ConflictSide;
}

/**
 * The conflicts of a record after a merge: those either side still has, less those one side
 * settled since the ancestor (gone from it while the ancestor had them), plus the new ones (which
 * replace older ones at the same place), less any whose two values now agree with the record.
 */
export function mergeConflictLists(
  base: readonly StoredConflict[],
  local: readonly StoredConflict[],
  remote: readonly StoredConflict[],
  fresh: readonly StoredConflict[],
  record: unknown,
): StoredConflict[] {
  const ids = (list: readonly StoredConflict[]) => new Set(list.map((c) => c.id));
  const baseIds = ids(base);
  const localIds = ids(local);
  const remoteIds = ids(remote);
  const settled = (c: StoredConflict) => baseIds.has(c.id) && (!localIds.has(c.id) || !remoteIds.has(c.id));
  const byId = new Map<string, StoredConflict>();
  for (const c of [...local, ...remote]) if (!settled(c) && !byId.has(c.id)) byId.set(c.id, c);
  const freshFields = new Set(fresh.map((c) => c.field));
  const kept = [...byId.values()].filter((c) => !freshFields.has(c.field));
  return [...kept, ...fresh].filter((c) => !deepEqual(c.kept.value, c.other.value) && deepEqual(valueAtPath(record, c.path), c.kept.value));
}
