import { AmendmentInputSchema } from '../../../../shared/api/calls/mou-calls';
import type { Amendment, Mou } from '../../../../shared/domain/mou';
import { formatDate } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { errorsByField, serverErrorsFor } from './dialog-errors';
import { FormDialog, useFormDialogState } from './FormDialog';

type Values = { number: string; date: string; reason: string };

/** Records an amendment to this MoU (number, date, reason). */
export function AmendmentDialog({
  mou,
  amendment,
  open,
  onClose,
  onSaved,
}: {
  mou: Mou;
  amendment: Amendment | undefined;
  open: boolean;
  onClose(): void;
  onSaved(mou: Mou): void;
}) {
  const notify = useAppStore((s) => s.notify);
  const { values, setValues, errors, setErrors, summary, setSummary, busy, setBusy, fieldsRef, focusFirstInvalid } = useFormDialogState<Values>(
    open,
    () => ({ number: amendment?.number ?? '', date: formatDate(amendment?.date), reason: amendment?.reason ?? '' }),
    amendment,
  );

  const submit = async () => {
    const parsed = AmendmentInputSchema.safeParse({ ...values, ...(amendment ? { id: amendment.id } : {}) });
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      return focusFirstInvalid();
    }
    setBusy(true);
    const result = await call(api().saveMouAmendment({ mouId: mou.id, amendment: parsed.data }));
    setBusy(false);
    if (!result.ok) {
      setErrors(serverErrorsFor('amendment', result.error.fieldErrors));
      setSummary(result.error.message);
      return focusFirstInvalid();
    }
    notify('success', amendment ? `Amendment ${parsed.data.number} saved.` : `Amendment ${parsed.data.number} added.`);
    onSaved(result.value);
  };

  const set = (name: keyof Values, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const common = (name: keyof Values, c: { id: string; describedBy: string | undefined; invalid: boolean }, required: boolean) => ({
    id: c.id,
    value: values[name],
    'aria-describedby': c.describedBy,
    'aria-invalid': c.invalid || undefined,
    'aria-required': required || undefined,
  });

  return (
    <FormDialog
      open={open}
      title={amendment ? `Edit amendment ${amendment.number}` : 'Add amendment'}
      submitLabel={amendment ? 'Save amendment' : 'Add amendment'}
      busy={busy}
      summary={summary}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <div ref={fieldsRef} className="dialog-grid">
        <FormField id="amendment-number" label="Amendment number" required error={errors.number} wide>
          {(c) => <input {...common('number', c, true)} type="text" dir="auto" autoComplete="off" onChange={(e) => set('number', e.target.value)} />}
        </FormField>
        <FormField id="amendment-date" label="Amendment date" error={errors.date} wide date>
          {(c) => <input {...common('date', c, false)} type="text" autoComplete="off" onChange={(e) => set('date', e.target.value)} />}
        </FormField>
        <FormField id="amendment-reason" label="Reason" required error={errors.reason} wide>
          {(c) => <textarea {...common('reason', c, true)} dir="auto" rows={3} onChange={(e) => set('reason', e.target.value)} />}
        </FormField>
      </div>
    </FormDialog>
  );
}
