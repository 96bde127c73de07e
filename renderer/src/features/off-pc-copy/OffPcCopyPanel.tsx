import { useCallback, useEffect, useRef, useState } from 'react';
import type { OffPcCopyStatus } from '../../../../shared/api/calls/off-pc-copy-calls';
import { COPIES_KEPT } from '../../../../shared/domain/off-pc-copy';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatSize } from '../data/backup-labels';

/** How often the panel asks main how far a copy has got. */
const PROGRESS_POLL_MS = 250;

const OUTCOME_LABELS: Record<NonNullable<OffPcCopyStatus['lastAttempt']>['outcome'], string> = {
  copied: 'Copied and verified',
  unreachable: 'The folder could not be reached',
  failed: 'The copy failed',
  interrupted: 'The copy was not finished',
};

/** Under Data: the folder off the PC that copies go to, the last copy, Copy now, and Stop copying. */
export function OffPcCopyPanel() {
  const notify = useAppStore((s) => s.notify);
  const [status, setStatus] = useState<OffPcCopyStatus>();
  const [copying, setCopying] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const poll = useRef<ReturnType<typeof setInterval>>(undefined);

  const refresh = useCallback(async () => {
    const result = await call(api().getOffPcCopyStatus({}));
    if (result.ok) setStatus(result.value);
    return result;
  }, []);

  useEffect(() => {
    void refresh();
    return () => clearInterval(poll.current);
  }, [refresh]);

  const chooseFolder = async () => {
    const result = await call(api().chooseOffPcCopyFolder({}));
    if (!result.ok) return notify('error', result.error.message);
    setStatus(result.value.status);
    if (result.value.chosen) notify('success', `Copies off this PC will go to ${result.value.status.copiesFolder}. Choose Copy now to make the first one.`);
  };

  const copyNow = async () => {
    setCopying(true);
    poll.current = setInterval(() => void refresh(), PROGRESS_POLL_MS);
    const result = await call(api().copyOffPcNow({}));
    clearInterval(poll.current);
    setCopying(false);
    if (!result.ok) return notify('error', result.error.message);
    setStatus(result.value);
    const attempt = result.value.lastAttempt;
    if (attempt) notify(attempt.outcome === 'copied' ? 'success' : 'error', attempt.message);
  };

  const stop = async () => {
    setConfirmStop(false);
    const result = await call(api().stopOffPcCopy({}));
    if (!result.ok) return notify('error', result.error.message);
    setStatus(result.value);
    notify('success', 'Park Desk no longer copies your data off this PC. The copies already made are still in their folder.');
  };

  if (status?.practice) return null;
  const running = status?.running;
  const last = status?.lastComplete;
  const attempt = status?.lastAttempt;

  return (
    <section className="panel" aria-labelledby="off-pc-heading">
      <h2 id="off-pc-heading">Copy off this PC</h2>
      {!status?.folder ? (
        <>
          <p>
            Backups are kept on this PC, so a failed or stolen disk takes them too. Choose a folder on a USB stick or a shared folder: Park Desk then
            copies your data and attachments there at the end of each session, checks every file it wrote, and keeps the last {COPIES_KEPT} copies.
          </p>
          <p className="muted">No folder is chosen yet, so nothing is copied off this PC.</p>
          <button type="button" className="button primary" onClick={() => void chooseFolder()}>
            Choose a folder…
          </button>
        </>
      ) : (
        <>
          <dl>
            <div className="fact">
              <dt>Copies go to</dt>
              <dd>
                <code>{status.copiesFolder}</code>
              </dd>
            </div>
            <div className="fact">
              <dt>Last copy</dt>
              <dd>{last ? `${formatDateTime(last.at)}: ${countOf(last.files, 'file')}, ${formatSize(last.bytes)}` : 'None yet'}</dd>
            </div>
            {attempt && (
              <div className="fact">
                <dt>Last try</dt>
                <dd>
                  {formatDateTime(attempt.at)}: {OUTCOME_LABELS[attempt.outcome]}
                </dd>
              </div>
            )}
          </dl>
          {attempt && attempt.outcome !== 'copied' && <p className="field-warning">{attempt.message}</p>}
          {status.warning && attempt?.outcome === 'copied' && <p className="field-warning">{status.warning}</p>}
          <p className="muted">
            A copy is made at the end of each session and when you choose Copy now; the last {COPIES_KEPT} are kept. To restore one, close Park Desk,
            put the copy’s park-desk-data.json in the data folder (and its attachments folder beside it), then start Park Desk again.
          </p>
          {copying && (
            <div role="status" aria-live="polite">
              <p>
                {running
                  ? `Copying: ${countOf(running.filesDone, 'file')} of ${running.filesTotal} written and checked (${formatSize(running.bytesDone)} of ${formatSize(running.bytesTotal)})…`
                  : 'Copying…'}
              </p>
              <progress className="export-progress" max={running?.bytesTotal || 1} value={running?.bytesDone ?? 0} aria-label="Copy progress" />
            </div>
          )}
          <div className="control-row">
            <button type="button" className="button primary" disabled={copying} onClick={() => void copyNow()}>
              Copy now
            </button>
            <button type="button" className="button" disabled={copying} onClick={() => void chooseFolder()}>
              Choose another folder…
            </button>
            <button type="button" className="button" disabled={copying} onClick={() => setConfirmStop(true)}>
              Stop copying off the PC
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirmStop}
        title="Stop copying off this PC?"
        message="Park Desk will no longer copy your data to this folder. The copies already there stay; your data will then be only on this PC."
        confirmLabel="Stop copying"
        cancelLabel="Keep copying"
        destructive
        onConfirm={() => void stop()}
        onCancel={() => setConfirmStop(false)}
      />
    </section>
  );
}
