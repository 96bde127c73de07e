/**
 * updatedAt doubles as a record's version for stale-edit checks, so every save must move it
 * forward, even when two saves fall in the same millisecond (or the clock steps back).
 */
export function nextUpdatedAt(previous: string, now: Date): string {
  return new Date(Math.max(now.getTime(), Date.parse(previous) + 1)).toISOString();
}

/**
 * Who is recorded with a change: signed in to a sync server, the official's user name there (the
 * same on every PC, checked by the server); otherwise the name typed under Data and settings.
 */
export function recordedBy(settings: { officialName: string; syncUserName?: string | undefined }): string {
  return (settings.syncUserName ?? '').trim() || settings.officialName.trim();
}
