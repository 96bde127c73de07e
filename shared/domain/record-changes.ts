import { canonicalJson, type FieldChange } from './change-entry';

/**
 * The field-level difference between two versions of a record, as the change log keeps it (see
 * FieldChangeSchema for how paths are written). Pure: the store calls it on every save, the
 * history screens may call it to compare any two versions.
 *
 * - Plain values: one change when they differ.
 * - Objects: compared key by key (a key missing on one side has no `before` or no `after`).
 * - Lists whose items all carry a string `id` (parties, obligations, amendments, occupancy
 *   returns): matched by id; an added item is one change with `after`, a removed one with
 *   `before`, and a kept one is compared field by field under `<list>.<id>`.
 * - Append-only histories (stage and status moves): when the old list is the start of the new
 *   one, each added move is one change `<list>.<index>` with only `after`.
 * - Other lists: compared position by position.
 */
export const APPEND_ONLY_LISTS: ReadonlySet<string> = new Set(['stageHistory', 'statusHistory']);

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonicalJson(a) === canonicalJson(b);
}

function hasIds(list: readonly Json[]): boolean {
  return list.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

function change(field: string, before: Json, after: Json): FieldChange {
  const out: FieldChange = { field };
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  return out;
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function diffValue(path: string, key: string, before: Json, after: Json, out: FieldChange[], expand = true): void {
  if (before === after) return;
  // A part of a record present on one side only is listed field by field (a created record shows
  // each field); an added or removed list item is one change holding the whole item.
  if (!expand) {
    if (before === undefined || after === undefined) {
      out.push(change(path, before, after));
      return;
    }
  } else if (before === undefined && (isPlainObject(after) || Array.isArray(after))) before = Array.isArray(after) ? [] : {};
  if (after === undefined && (isPlainObject(before) || Array.isArray(before))) after = Array.isArray(before) ? [] : {};
  if (isPlainObject(before) && isPlainObject(after)) {
    diffObject(path, before, after, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffList(path, key, before, after, out);
    return;
  }
  if (!sameValue(before, after)) out.push(change(path, before, after));
}

function diffObject(path: string, before: Record<string, Json>, after: Record<string, Json>, out: FieldChange[]): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) diffValue(join(path, key), key, before[key], after[key], out);
}

function diffList(path: string, key: string, before: readonly Json[], after: readonly Json[], out: FieldChange[]): void {
  if (APPEND_ONLY_LISTS.has(key) && before.length <= after.length && before.every((item, index) => sameValue(item, after[index]))) {
    for (let index = before.length; index < after.length; index += 1) out.push(change(join(path, index), undefined, after[index]));
    return;
  }
  if (before.length + after.length > 0 && hasIds(before) && hasIds(after)) {
    const beforeById = new Map(before.map((item) => [(item as { id: string }).id, item]));
    const afterIds = new Set(after.map((item) => (item as { id: string }).id));
    for (const item of before) {
      const id = (item as { id: string }).id;
      if (!afterIds.has(id)) out.push(change(join(path, id), item, undefined));
    }
    for (const item of after) {
      const id = (item as { id: string }).id;
      const old = beforeById.get(id);
      if (old === undefined) out.push(change(join(path, id), undefined, item));
      else diffValue(join(path, id), id, old, item, out);
    }
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index += 1) diffValue(join(path, index), String(index), before[index], after[index], out, false);
}

/**
 * What changed from `before` to `after` (either may be undefined: a created record lists each of
 * its fields with only `after`, a deleted one with only `before`).
 */
export function recordChanges(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  diffValue('', '', before ?? {}, after ?? {}, out);
  return out;
}
