import { useState } from 'react';
import type { SampleRecords } from '../../../../shared/api/calls/practice-calls';
import { formatDateTime } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';

function removalMessage(found: SampleRecords): string {
  const removable = [...found.removable.proposals, ...found.removable.mous].map((r) => r.label);
  const kept = found.kept.map((k) => `${k.label} (${k.reason.replace(/\.$/, '')})`);
  return [
    removable.length > 0
      ? `These ${removable.length} records are exactly as the sample data added them and will be removed: ${removable.join('; ')}.`
      : 'No sample record is still exactly as it was added; nothing will be removed.',
    kept.length > 0 ? `Kept: ${kept.join('; ')}.` : '',
    'A backup of the register is taken first (kind "Before removing sample records"); restore it to undo.',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The sample parks, kept apart from the register: open them to practise, and clear what older versions put in the register. */
export function PracticePanel() {
  const appInfo = useAppStore((s) => s.appInfo);
  const loadSampleData = useAppStore((s) => s.loadSampleData);
  const returnToRegister = useAppStore((s) => s.returnToRegister);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<SampleRecords>();

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const askRemoval = () =>
    run(async () => {
      const result = await call(api().findSampleRecords({}));
      if (!result.ok) return notify('error', result.error.message);
      setFound(result.value);
    });

  const remove = () =>
    run(async () => {
      setFound(undefined);
      const result = await call(api().removeSampleRecords({}));
      if (!result.ok) return notify('error', result.error.message);
      const { removedProposals, removedMous, kept } = result.value;
      notify('success', `Removed ${removedProposals} sample proposals and ${removedMous} sample MoUs from the register${kept ? `; ${kept} kept` : ''}. A backup was taken first.`);
      const { loadAppInfo, loadProposals, loadMous } = useAppStore.getState();
      await Promise.all([loadAppInfo(), loadProposals(), loadMous()]);
    });

  const practice = appInfo?.practice;
  const loadedAt = appInfo?.settings.sampleDataLoadedAt;
  return (
    <section className="panel" aria-labelledby="sample-heading">
      <h2 id="sample-heading">Sample data</h2>
      {practice ? (
        <p>You are in the practice data, with the programme&apos;s first real parks. Try anything here; the register is not touched.</p>
      ) : (
        <p>
          Opens a separate practice data folder with the programme&apos;s first real parks (Faisalabad, Rawalpindi, Quetta, Bannu) so you can try Park Desk.
          Your register is not touched, and nothing in the practice data counts in its figures.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy || practice} onClick={() => void run(loadSampleData)}>
          Load sample data
        </button>
        {practice && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(returnToRegister)}>
            Return to the register
          </button>
        )}
      </div>
      {!practice && loadedAt && (
        <>
          <p>
            An older version of Park Desk added the sample parks to this register on {formatDateTime(loadedAt)}. Remove the ones still exactly as they were
            added; any you changed are kept.
          </p>
          <button type="button" className="button" disabled={busy} onClick={() => void askRemoval()}>
            Remove sample records…
          </button>
        </>
      )}
      <ConfirmDialog
        open={found !== undefined}
        title="Remove the sample records from the register?"
        message={found ? removalMessage(found) : ''}
        confirmLabel="Remove sample records"
        cancelLabel="Keep them"
        destructive
        onConfirm={() => void remove()}
        onCancel={() => setFound(undefined)}
      />
    </section>
  );
}
