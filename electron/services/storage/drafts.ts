import { current, Immer, isDraft, original } from 'immer';

/**
 * Drafts for ParkStore.update: a change is written against a draft and only the records it
 * touches are copied. Not frozen: freezing would walk every record of a large file on each save.
 */
export const drafts = new Immer({ autoFreeze: false });

/**
 * The saved data behind a draft, for looking things up. Scanning a draft makes a draft of every
 * record it passes; scanning what is saved does not, and costs what a plain array scan costs.
 */
export function committed<T>(value: T): T {
  return isDraft(value) ? (original(value as object) as T) : value;
}

/** The draft of the one record with this id (only that record is drafted), or undefined. */
export function draftOfRecord<T extends { id: string }>(list: T[], id: string): T | undefined {
  const index = committed(list).findIndex((record) => record.id === id);
  return index < 0 ? undefined : list[index];
}

/** What a change returned, with any draft in it copied out before the draft is revoked. */
export function snapshotOfDrafts<T>(value: T): T {
  if (isDraft(value)) return current(value as object) as T;
  if (Array.isArray(value)) return value.map(snapshotOfDrafts) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, snapshotOfDrafts(inner)])) as T;
  }
  return value;
}
