import { useState } from 'react';
import type { RecoveryState } from '../../../../shared/api/calls/data-safety-calls';
import type { BackupInfo } from '../../../../shared/domain/backup';
import { api, call } from '../../app/api-client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupsTable } from './BackupsTable';
import { describeBackup } from './backup-labels';

type NeededState = Extract<RecoveryState, { needed: true }>;

const RECOVERY_HEADINGS: Record<NeededState['kind'], string> = {
  damaged: 'Park Desk could not read its data file',
  'too-new': 'This data needs a newer Park Desk',
  missing: 'Park Desk’s data file is missing',
};

/** Shown instead of the app when the data file could not be read: what happened, and the ways forward. */
export function RecoveryScreen({ state }: { state: NeededState }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const latest = state.backups.find((b) => b.id === state.latestGoodBackupId);

  const act = async (work: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    setError(undefined);
    const result = await work();
    if (!result.ok) {
      setBusy(false);
      setError(result.error?.message);
      return;
    }
    // Everything on screen comes from the data file, so start again from the recovered one.
    window.location.reload();
  };

  const restore = (backup: BackupInfo) => act(() => call(api().restoreBackup({ backupId: backup.id })));

  return (
    <main className="recovery" aria-labelledby="recovery-heading">
      <h1 id="recovery-heading">{RECOVERY_HEADINGS[state.kind]}</h1>
      <div className="recovery-message" role="alert">
        <p dir="auto">{state.message}</p>
      </div>
      <dl>
        <div className="fact">
          <dt>Data file</dt>
          <dd>
            <code>{state.dataFile}</code>
          </dd>
        </div>
        {state.setAsideFile && (
          <div className="fact">
            <dt>Copy kept as</dt>
            <dd>
              <code>{state.setAsideFile}</code>
            </dd>
          </div>
        )}
        <div className="fact">
          <dt>Backups folder</dt>
          <dd>
            <code>{state.backupsFolder}</code>
          </dd>
        </div>
      </dl>
      {error && (
        <p className="form-summary" role="alert">
          {error}
        </p>
      )}

      {latest ? (
        <section className="panel" aria-labelledby="latest-heading">
          <h2 id="latest-heading">Restore the latest good backup</h2>
          <p>The newest backup that reads correctly is from {describeBackup(latest)}. Changes made after it will need to be entered again.</p>
          <button type="button" className="button primary" disabled={busy} onClick={() => void restore(latest)}>
            Restore latest good backup
          </button>
        </section>
      ) : (
        <section className="panel" aria-labelledby="latest-heading">
          <h2 id="latest-heading">No readable backup</h2>
          <p>There is no backup that reads correctly. If you have an export or a copy of the backups folder elsewhere, put it in the backups folder and start Park Desk again.</p>
        </section>
      )}

      {state.backups.length > 0 && (
        <section className="panel" aria-labelledby="all-backups-heading">
          <h2 id="all-backups-heading">All backups</h2>
          <BackupsTable backups={state.backups} highlightId={state.latestGoodBackupId} disabled={busy} onRestore={(b) => void restore(b)} />
        </section>
      )}

      {state.kind !== 'too-new' && (
        <section className="panel" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Start with no records</h2>
          <p>
            {state.kind === 'damaged'
              ? 'Only if there is nothing to restore. The unreadable file stays where it was kept above, for IT to look at.'
              : 'Only if none of the backups above should come back. The backups stay in the backups folder.'}
          </p>
          <button type="button" className="button danger" disabled={busy} onClick={() => setConfirmEmpty(true)}>
            Start with no records…
          </button>
        </section>
      )}
      <ConfirmDialog
        open={confirmEmpty}
        title="Start with no records?"
        message={
          state.kind === 'damaged'
            ? 'Park Desk will start with an empty data file. The unreadable file is kept as it is, but its records will not be in Park Desk.'
            : 'Park Desk will start with an empty data file. The backups are kept, but their records will not be in Park Desk.'
        }
        confirmLabel="Start with no records"
        cancelLabel="Go back"
        destructive
        onConfirm={() => {
          setConfirmEmpty(false);
          void act(() => call(api().startEmpty({})));
        }}
        onCancel={() => setConfirmEmpty(false)}
      />
    </main>
  );
}
