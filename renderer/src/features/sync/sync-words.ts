import { formatDate, formatDateTime, todayInPakistan } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';

/** What the status line needs from getSyncStatus (its output, kept structural so the words stay pure). */
export interface SyncStatusWords {
  state: 'off' | 'idle' | 'syncing' | 'unreachable' | 'refused';
  lastSyncedAt?: string | undefined;
  waitingChanges: number;
  conflictCount: number;
  message?: string | undefined;
}

/** "10:42" for a sync earlier today in Pakistan, "26-Nov-2026 10:42" for an older one. */
export function whenSynced(isoInstant: string, now: Date = new Date()): string {
  const shown = formatDateTime(isoInstant);
  const today = `${formatDate(todayInPakistan(now))} `;
  return shown.startsWith(today) ? shown.slice(today.length) : shown;
}

/**
 * The status line's sentence, e.g. "Last synced 10:42 · 3 changes waiting" or "Server not
 * reachable: working offline · 3 changes waiting". Undefined when the PC is not connected to a
 * shared register (the line is not shown then).
 */
export function syncStatusSentence(status: SyncStatusWords, now: Date = new Date()): string | undefined {
  const waiting = status.waitingChanges > 0 ? ` · ${countOf(status.waitingChanges, 'change')} waiting` : '';
  switch (status.state) {
    case 'off':
      return undefined;
    case 'syncing':
      return 'Syncing…';
    case 'idle':
      return `${status.lastSyncedAt ? `Last synced ${whenSynced(status.lastSyncedAt, now)}` : 'Not synced yet'}${waiting}`;
    case 'unreachable':
      return `Server not reachable: working offline${waiting}`;
    case 'refused':
      return `The server refused this PC${status.message ? `: ${status.message}` : ': check the user name and password under Data'}${waiting}`;
  }
}

/** "2 conflicts to resolve", or undefined when there are none. */
export function conflictsSentence(count: number): string | undefined {
  return count > 0 ? `${countOf(count, 'conflict')} to resolve` : undefined;
}

export const HTTPS_REQUIRED = 'Use an https:// address (only this PC may use http://localhost)';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a server address before asking the server anything, or undefined.
 * The service checks again (and decides); this only saves a round trip for the plain mistakes.
 */
export function serverAddressProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'Enter the server address, for example https://parks.pseb.org.pk:6984';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a whole address, starting with https://, for example https://parks.pseb.org.pk:6984';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return HTTPS_REQUIRED;
}
