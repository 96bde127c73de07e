import { useAppStore } from '../../app/store';
import { conflictsSentence, syncStatusSentence } from './sync-words';
import { useSyncStatus, useSyncStatusPolling } from './sync-status';

/**
 * The shared register's state on every screen (in the sidebar, under who is recording):
 * "Last synced 10:42 · 3 changes waiting", "Syncing…", "Server not reachable: working offline",
 * the conflicts waiting for a choice, and Sync now. Read out politely; an unreachable server is
 * a state shown here, never a dialog. Nothing is shown while the PC is not connected.
 */
export function SyncStatusLine() {
  useSyncStatusPolling();
  const status = useSyncStatus((s) => s.status);
  const asked = useSyncStatus((s) => s.asked);
  const syncNow = useSyncStatus((s) => s.syncNow);
  const navigate = useAppStore((s) => s.navigate);
  if (!status || status.state === 'off') return null;
  const sentence = syncStatusSentence(status);
  const conflicts = conflictsSentence(status.conflictCount);
  const busy = asked || status.state === 'syncing';
  return (
    <section className={`sync-line sync-${status.state}`} aria-label="Shared register">
      <p role="status" aria-live="polite" className="sync-sentence">
        {sentence}
      </p>
      {conflicts && (
        <button type="button" className="sync-conflicts-link" onClick={() => navigate({ screen: 'sync-conflicts' })}>
          {conflicts}
        </button>
      )}
      {status.state === 'refused' && (
        <button type="button" className="sync-conflicts-link" onClick={() => navigate({ screen: 'data' })}>
          Check the settings under Data
        </button>
      )}
      {/* Not disabled while syncing, so focus stays on it; pressing it then waits for the sync under way. */}
      <button type="button" className="button sync-now" aria-disabled={busy} onClick={() => !busy && void syncNow()}>
        {busy ? 'Syncing…' : 'Sync now'}
      </button>
    </section>
  );
}
