import { useEffect, useState } from 'react';
import { MOU_STATUS_LABELS, currentMouStatus, type Mou, type MouStatus } from '../../../../shared/domain/mou';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { FormDialog } from './FormDialog';

/** Confirms one status move and takes the note recorded with it. */
export function StatusMoveDialog({ mou, to, onClose, onMoved }: { mou: Mou; to: MouStatus | undefined; onClose(): void; onMoved(mou: Mou): void }) {
  const notify = useAppStore((s) => s.notify);
  const officialName = useAppStore((s) => s.appInfo?.settings.officialName);
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setNote('');
    setSummary(undefined);
  }, [to]);

  const submit = async () => {
    if (!to) return;
    setBusy(true);
    const result = await call(api().moveMouStatus({ id: mou.id, expectedUpdatedAt: mou.updatedAt, to, note }));
    setBusy(false);
    if (!result.ok) return setSummary(result.error.message);
    notify('success', `MoU ${mou.fields.mouNumber} moved to ${MOU_STATUS_LABELS[to]}.`);
    onMoved(result.value);
  };

  const from = MOU_STATUS_LABELS[currentMouStatus(mou)];
  return (
    <FormDialog
      open={to !== undefined}
      title={to ? `Move to ${MOU_STATUS_LABELS[to]}` : 'Move status'}
      submitLabel={to ? `Move to ${MOU_STATUS_LABELS[to]}` : 'Move'}
      busy={busy}
      summary={summary}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <p>
        From {from} to {to ? MOU_STATUS_LABELS[to] : ''}, recorded {officialName ? `as ${officialName}` : 'without a name (set yours under Data)'}. The history
        is never edited afterwards.
      </p>
      <FormField id="status-move-note" label="Note" hint="Why, or the letter or meeting it follows from" wide>
        {(c) => (
          <textarea id={c.id} aria-describedby={c.describedBy} dir="auto" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </FormField>
    </FormDialog>
  );
}
