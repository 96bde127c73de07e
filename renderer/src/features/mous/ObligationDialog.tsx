import { ObligationInputSchema } from '../../../../shared/api/calls/mou-calls';
import type { Mou, Obligation } from '../../../../shared/domain/mou';
import { formatDate } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { errorsByField, serverErrorsFor } from './dialog-errors';
import { FormDialog, useFormDialogState } from './FormDialog';

type Values = { partyId: string; description: string; owner: string; dueOn: string; completedOn: string };

function valuesFrom(obligation: Obligation | undefined): Values {
  return {
    partyId: obligation?.partyId ?? '',
    description: obligation?.description ?? '',
    owner: obligation?.owner ?? '',
    dueOn: formatDate(obligation?.dueOn),
    completedOn: formatDate(obligation?.completedOn),
  };
}

/** Adds or edits one obligation without opening the whole MoU form. */
export function ObligationDialog({
  mou,
  obligation,
  open,
  onClose,
  onSaved,
}: {
  mou: Mou;
  /** Undefined to add a new one. */
  obligation: Obligation | undefined;
  open: boolean;
  onClose(): void;
  onSaved(mou: Mou): void;
}) {
  const notify = useAppStore((s) => s.notify);
  const { values, setValues, errors, setErrors, summary, setSummary, busy, setBusy, fieldsRef, focusFirstInvalid } = useFormDialogState<Values>(open, () => valuesFrom(obligation), obligation);

  const set = (name: keyof Values, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async () => {
    const candidate = { ...values, ...(obligation ? { id: obligation.id } : {}) };
    const parsed = ObligationInputSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      setSummary(undefined);
      return focusFirstInvalid();
    }
    setBusy(true);
    const result = await call(api().saveMouObligation({ mouId: mou.id, obligation: parsed.data }));
    setBusy(false);
    if (!result.ok) {
      setErrors(serverErrorsFor('obligation', result.error.fieldErrors));
      setSummary(result.error.message);
      return focusFirstInvalid();
    }
    notify('success', obligation ? 'Obligation saved.' : 'Obligation added.');
    onSaved(result.value);
  };

  const field = (name: keyof Values, label: string, control: 'text' | 'date' | 'long' | 'party', required = false, hint?: string) => (
    <FormField id={`obligation-${name}`} label={label} required={required} error={errors[name]} hint={hint} wide date={control === 'date'}>
      {(c) => {
        const common = {
          id: c.id,
          value: values[name],
          'aria-describedby': c.describedBy,
          'aria-invalid': c.invalid || undefined,
          'aria-required': required || undefined,
        };
        if (control === 'party') {
          return (
            <select {...common} onChange={(e) => set(name, e.target.value)}>
              <option value="">Choose…</option>
              {mou.fields.parties.map((party) => (
                <option key={party.id} value={party.id}>
                  {party.name}
                </option>
              ))}
            </select>
          );
        }
        if (control === 'long') return <textarea {...common} dir="auto" rows={3} onChange={(e) => set(name, e.target.value)} />;
        return (
          <input
            {...common}
            type="text"
            autoComplete="off"
            dir={control === 'text' ? 'auto' : undefined}
            onChange={(e) => set(name, e.target.value)}
          />
        );
      }}
    </FormField>
  );

  return (
    <FormDialog
      open={open}
      title={obligation ? 'Edit obligation' : 'Add obligation'}
      submitLabel={obligation ? 'Save obligation' : 'Add obligation'}
      busy={busy}
      summary={summary}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <div ref={fieldsRef} className="dialog-grid">
        {field('partyId', 'Owed by (party)', 'party', true)}
        {field('description', 'Obligation', 'long', true)}
        {field('owner', 'Owner', 'text', false, 'The office or person answerable for it')}
        {field('dueOn', 'Due date', 'date', false, 'Day-month-year, e.g. 20-May-2021')}
        {obligation && field('completedOn', 'Date done', 'date', false, 'Leave empty while it is still open')}
      </div>
    </FormDialog>
  );
}
