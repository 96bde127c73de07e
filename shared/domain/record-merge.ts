/**
 * Merging two copies of one record (this computer's and another's), with no common ancestor to
 * compare against. Pure, so import and a later sync can share the rules:
 * - a history (any key ending in "History") is append-only: the union of both, an entry present
 *   in both kept once (deep equality of the whole entry), in date order;
 * - a list of items with ids (obligations, amendments, returns) keeps every item of both; an item
 *   both copies hold but that differs is compared field by field;
 * - any other difference is a conflict for a person to settle; the merged copy keeps this
 *   computer's value there until someone chooses the other.
 * Entries and values are treated as opaque JSON, so fields added later merge the same way.
 */

export type PathSegment = { key: string } | { id: string };

export interface FieldConflict {
  /** Where the two copies differ: keys and, inside lists, item ids. */
  path: PathSegment[];
  mine: unknown;
  theirs: unknown;
}

export interface RecordMerge<R> {
  /** Both copies combined; at each conflict it holds this computer's value. */
  merged: R;
  conflicts: FieldConflict[];
  /** History entries the other copy adds. */
  historyAdded: number;
  /** List items (with ids) the other copy adds. */
  itemsAdded: number;
}

/**
 * Lists whose items are removed as well as added (an MoU's parties are edited as a whole on its
 * form): a missing item may be a deletion, so the list is compared whole instead of united.
 */
const WHOLE_LISTS: ReadonlySet<string> = new Set(['parties']);

/** Kept as this computer has them: identity, and the stamps the merge itself sets. */
const OWN_KEYS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

const isHistoryKey = (key: string) => key.endsWith('History');

/** Every element an object with a string id (an empty list qualifies). */
export function isIdList(value: unknown): value is { id: string }[] {
  return Array.isArray(value) && value.every((item) => isObject(item) && typeof item.id === 'string');
}

interface Dated {
  at?: unknown;
  recordedAt?: unknown;
}
const effective = (e: unknown) => String((e as Dated)?.at ?? '');
const recorded = (e: unknown) => String((e as Dated)?.recordedAt ?? (e as Dated)?.at ?? '');

/**
 * The union of two histories: this computer's entries, then the other's that are not already
 * there, ordered by when each took effect (`at`), then when it was recorded. Entries at the same
 * moment keep their order, this computer's first. Unchanged when the other adds nothing.
 */
export function mergeHistory<E>(mine: readonly E[], theirs: readonly E[]): { entries: E[]; added: number } {
  const extra: E[] = [];
  for (const entry of theirs) {
    if (!mine.some((m) => deepEqual(m, entry)) && !extra.some((x) => deepEqual(x, entry))) extra.push(entry);
  }
  if (extra.length === 0) return { entries: [...mine], added: 0 };
  const entries = [...mine, ...extra]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compare(effective(a.entry), effective(b.entry)) || compare(recorded(a.entry), recorded(b.entry)) || a.index - b.index)
    .map(({ entry }) => entry);
  return { entries, added: extra.length };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Walk {
  conflicts: FieldConflict[];
  historyAdded: number;
  itemsAdded: number;
}

function mergeValue(mine: unknown, theirs: unknown, path: PathSegment[], key: string | undefined, walk: Walk): unknown {
  if (deepEqual(mine, theirs)) return mine;
  const listKey = key !== undefined && !WHOLE_LISTS.has(key);
  if (key !== undefined && isHistoryKey(key) && (Array.isArray(mine) || mine === undefined) && (Array.isArray(theirs) || theirs === undefined)) {
    const { entries, added } = mergeHistory((mine as unknown[] | undefined) ?? [], (theirs as unknown[] | undefined) ?? []);
    walk.historyAdded += added;
    return entries;
  }
  if (listKey && (isIdList(mine) || mine === undefined) && (isIdList(theirs) || theirs === undefined)) {
    const mineItems = (mine as { id: string }[] | undefined) ?? [];
    const theirItems = new Map(((theirs as { id: string }[] | undefined) ?? []).map((item) => [item.id, item]));
    const result: unknown[] = mineItems.map((item) => {
      const other = theirItems.get(item.id);
      return other === undefined ? item : mergeValue(item, other, [...path, { id: item.id }], undefined, walk);
    });
    const mineIds = new Set(mineItems.map((item) => item.id));
    for (const [id, item] of theirItems) {
      if (mineIds.has(id)) continue;
      result.push(item);
      walk.itemsAdded += 1;
    }
    return result;
  }
  if (isObject(mine) && isObject(theirs)) {
    const result: Record<string, unknown> = { ...mine };
    const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((k) => !Object.hasOwn(mine, k))];
    for (const k of keys) {
      if (path.length === 0 && OWN_KEYS.has(k)) continue;
      const value = mergeValue(mine[k], theirs[k], [...path, { key: k }], k, walk);
      if (value === undefined) delete result[k];
      else result[k] = value;
    }
    return result;
  }
  walk.conflicts.push({ path, mine, theirs });
  return mine;
}

/** Merges the other computer's copy of a record into this computer's. */
export function mergeRecords<R>(mine: R, theirs: R): RecordMerge<R> {
  const walk: Walk = { conflicts: [], historyAdded: 0, itemsAdded: 0 };
  const merged = mergeValue(mine, theirs, [], undefined, walk) as R;
  return { merged, ...walk };
}

/** A stable name for a conflict's place, e.g. `fields.obligations[id=…].dueOn`. */
export function pathKey(path: readonly PathSegment[]): string {
  return path.map((s, i) => ('id' in s ? `[id=${s.id}]` : `${i === 0 ? '' : '.'}${s.key}`)).join('');
}

/** Writes `value` at `path` in a copy of `record` (undefined removes the key). */
export function setAtPath<R>(record: R, path: readonly PathSegment[], value: unknown): R {
  if (path.length === 0) return value as R;
  const [head, ...rest] = path;
  if ('id' in head!) {
    const list = record as unknown as { id: string }[];
    return list.map((item) => (item.id === head.id ? setAtPath(item, rest, value) : item)) as unknown as R;
  }
  const copy = { ...(record as Record<string, unknown>) };
  const next = setAtPath(copy[head!.key], rest, value);
  if (next === undefined) delete copy[head!.key];
  else copy[head!.key] = next;
  return copy as R;
}

/** The merged record with the other computer's value taken wherever `takeTheirs` says so. */
export function resolveConflicts<R>(merge: RecordMerge<R>, takeTheirs: (conflict: FieldConflict) => boolean): R {
  let record = merge.merged;
  for (const conflict of merge.conflicts) {
    if (takeTheirs(conflict)) record = setAtPath(record, conflict.path, conflict.theirs);
  }
  return record;
}
