import { NEXT_ACTION_LABELS, NextActionInputSchema, type NextAction } from '../../../../shared/domain/next-action';
import { formatDate, parseDateText, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { errorsByField, serverErrorsFor } from '../mous/dialog-errors';
import { FormDialog, useFormDialogState } from '../mous/FormDialog';

type Values = { what: string; by: string; dueOn: string };
export type NextActionRecord = { kind: 'proposal' | 'mou'; id: string; updatedAt: string };

const valuesFrom = (action: NextAction | undefined): Values => ({ what: action?.what ?? '', by: action?.by ?? '', dueOn: formatDate(action?.dueOn) });

/** Sets or edits a record's next action: what (required), by whom, by when (a real date; a past one is allowed with a warning). */
export function NextActionDialog({
  record,
  action,
  open,
  onClose,
  onSaved,
}: {
  record: NextActionRecord;
  action: NextAction | undefined;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const notify = useAppStore((s) => s.notify);
  const { values, setValues, errors, setErrors, summary, setSummary, busy, setBusy, fieldsRef, focusFirstInvalid } = useFormDialogState<Values>(open, () => valuesFrom(action), action);

  const set = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    // A message answered by typing goes; the others stay until the next save.
    setErrors(({ [name]: _answered, ...rest }) => rest);
  };
  const typedDate = parseDateText(values.dueOn);
  const today = todayInPakistan();
  const pastWarning =
    typedDate !== undefined && typedDate < today && !errors.dueOn ? `${formatDate(typedDate)} has passed: the action will show as overdue from the start.` : undefined;

  const submit = async () => {
    const parsed = NextActionInputSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      setSummary(undefined);
      return focusFirstInvalid();
    }
    setBusy(true);
    const result = await call(api().setNextAction({ record: { kind: record.kind, id: record.id }, expectedUpdatedAt: record.updatedAt, action: parsed.data }));
    setBusy(false);
    if (!result.ok) {
      setErrors(serverErrorsFor('action', result.error.fieldErrors));
      setSummary(result.error.message);
      return focusFirstInvalid();
    }
    notify('success', action ? 'Next action saved.' : 'Next action added.');
    onSaved();
  };

  const text = (name: 'what' | 'by', required: boolean, hint: string) => (
    <FormField id={`next-action-${name}`} label={NEXT_ACTION_LABELS[name]} required={required} error={errors[name]} hint={hint} wide>
      {(c) => {
        const common = {
          id: c.id,
          value: values[name],
          dir: 'auto' as const,
          'aria-describedby': c.describedBy,
          'aria-invalid': c.invalid || undefined,
          'aria-required': required || undefined,
          onChange: (e: { target: { value: string } }) => set(name, e.target.value),
        };
        return name === 'what' ? <textarea {...common} rows={2} /> : <input {...common} type="text" autoComplete="off" />;
      }}
    </FormField>
  );

  return (
    <FormDialog
      open={open}
      title={action ? 'Edit next action' : 'Add next action'}
      submitLabel={action ? 'Save next action' : 'Add next action'}
      busy={busy}
      summary={summary}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <div ref={fieldsRef} className="dialog-grid">
        {text('what', true, 'What must happen next, e.g. "Send the draft MoU to the university"')}
        {text('by', false, 'The person or office who will do it')}
        <FormField id="next-action-dueOn" label={NEXT_ACTION_LABELS.dueOn} required error={errors.dueOn} date wide>
          {(c) => (
            <input
              id={c.id}
              type="text"
              autoComplete="off"
              value={values.dueOn}
              aria-describedby={[c.describedBy, pastWarning ? 'next-action-dueOn-warning' : undefined].filter(Boolean).join(' ') || undefined}
              aria-invalid={c.invalid || undefined}
              aria-required
              onChange={(e) => set('dueOn', e.target.value)}
            />
          )}
        </FormField>
        {pastWarning && (
          <p className="field-warning wide" id="next-action-dueOn-warning" role="status">
            <span aria-hidden="true">⚠ </span>
            {pastWarning}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
