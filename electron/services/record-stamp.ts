/**
 * updatedAt doubles as a record's version for stale-edit checks, so every save must move it
 * forward, even when two saves fall in the same millisecond (or the clock steps back).
 */
export function nextUpdatedAt(previous: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous) + 1)).toISOString();
}
