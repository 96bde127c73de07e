import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { useSyncStatus } from './sync-status';
import { conflictFieldLabel, conflictValueText } from './conflict-words';

type SyncConflict = OutputOf<'listSyncConflicts'>[number];

function Side({ heading, side }: { heading: string; side: SyncConflict['local'] }) {
  return (
    <div className="conflict-side">
      <h3>{heading}</h3>
      <p className="conflict-value" dir="auto">
        <bdi>{conflictValueText(side.value)}</bdi>
      </p>
      <p className="muted">
        by <bdi>{side.by}</bdi>, {formatDateTime(side.at)}
      </p>
    </div>
  );
}

/**
 * The same field changed on this PC and on another since they last synced: both values, who
 * and when, and a choice per conflict. The value not kept is recorded on this PC with who chose and when.
 */
export function SyncConflictsScreen() {
  useWindowTitle({ screen: 'sync-conflicts' });
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const showStatus = useSyncStatus((s) => s.show);
  const [conflicts, setConflicts] = useState<SyncConflict[]>();
  const [error, setError] = useState<string>();
  const [resolving, setResolving] = useState<string>();
  /** Set by a choice; the list it reloads moves focus on once it is on screen. */
  const focusAfterReload = useRef(false);

  const load = useCallback(async () => {
    const result = await call(api().listSyncConflicts({}));
    if (result.ok) {
      setConflicts(result.value);
      setError(undefined);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const resolve = async (conflict: SyncConflict, keep: 'local' | 'remote') => {
    setResolving(conflict.id);
    const result = await call(api().resolveSyncConflict({ id: conflict.id, keep }));
    setResolving(undefined);
    if (!result.ok) return notify('error', result.error.message);
    showStatus(result.value);
    const label = conflictFieldLabel(conflict.field, conflict.recordKind);
    notify('success', `${conflict.recordTitle}: ${label} is now ${keep === 'local' ? "this PC's" : "the server's"} value. The other value is recorded on this PC with your choice.`);
    focusAfterReload.current = true;
    await load();
  };

  // Focus goes on to the next conflict's heading, or the screen's heading when none are left:
  // after the reloaded list is rendered, so it never lands on a heading about to be removed.
  useEffect(() => {
    if (!focusAfterReload.current) return;
    focusAfterReload.current = false;
    (document.querySelector<HTMLElement>('.sync-conflicts-screen .conflict h2') ?? document.getElementById('conflicts-heading'))?.focus();
  }, [conflicts]);

  const open = (conflict: SyncConflict) => navigate(conflict.recordKind === 'mou' ? { screen: 'mou', id: conflict.recordId } : { screen: 'proposal', id: conflict.recordId });

  return (
    <section className="sync-conflicts-screen" aria-labelledby="conflicts-heading">
      <p className="eyebrow">
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'data' })}>
          Data
        </button>{' '}
        / Shared register
      </p>
      <h1 id="conflicts-heading" tabIndex={-1}>
        Conflicts
      </h1>
      {error && (
        <p className="form-summary" role="alert">
          {error}
        </p>
      )}
      {conflicts === undefined && !error && <p aria-busy="true">Loading conflicts…</p>}
      {conflicts && conflicts.length === 0 && (
        <EmptyState title="No conflicts">
          <p>No conflicts. Changes made on two PCs to the same field since they last synced appear here.</p>
        </EmptyState>
      )}
      {conflicts && conflicts.length > 0 && (
        <>
          <p>
            {countOf(conflicts.length, 'field')} {conflicts.length === 1 ? 'was' : 'were'} changed both on this PC and on another since they last synced. Choose
            which value each record keeps; the other is recorded on this PC with who chose and when, and the choice reaches every PC at the next sync.
          </p>
          <ul className="conflict-list">
            {conflicts.map((conflict) => {
              const label = conflictFieldLabel(conflict.field, conflict.recordKind);
              const headingId = `conflict-${conflict.id}`;
              const busy = resolving === conflict.id;
              return (
                <li key={conflict.id} className="conflict">
                  <article aria-labelledby={headingId}>
                    <h2 id={headingId} tabIndex={-1}>
                      <bdi>{conflict.recordTitle}</bdi>: {label}
                    </h2>
                    <p>
                      <button type="button" className="link-button" onClick={() => open(conflict)}>
                        Open {conflict.recordKind === 'mou' ? 'the MoU' : 'the proposal'} <bdi>{conflict.recordTitle}</bdi>
                      </button>
                    </p>
                    <div className="conflict-sides">
                      <Side heading="This PC's value" side={conflict.local} />
                      <Side heading="The server's value" side={conflict.remote} />
                    </div>
                    <div className="button-row" role="group" aria-label={`Choose for ${conflict.recordTitle}: ${label}`}>
                      <button type="button" className="button" disabled={busy} onClick={() => void resolve(conflict, 'local')}>
                        Keep this PC&apos;s value
                      </button>
                      <button type="button" className="button" disabled={busy} onClick={() => void resolve(conflict, 'remote')}>
                        Keep the server&apos;s value
                      </button>
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
