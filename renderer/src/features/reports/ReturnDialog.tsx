import { OccupancyReturnValuesSchema, type OccupancyReturn } from '../../../../shared/domain/occupancy';
import { parsePeriodKey } from '../../../../shared/domain/fiscal-period';
import type { Proposal } from '../../../../shared/domain/proposal';
import { todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { errorsByField, serverErrorsFor } from '../mous/dialog-errors';
import { FormDialog, useFormDialogState } from '../mous/FormDialog';
import { currentQuarterKey, fiscalYearOfKey, fiscalYearOptions, monthOptions, periodNameOfKey, quarterOptions } from './period-options';

type Values = { period: string; firmsHoused: string; firmNames: string; seatsAvailable: string; seatsOccupied: string; peopleEmployed: string; note: string };
type NumberField = 'firmsHoused' | 'seatsAvailable' | 'seatsOccupied' | 'peopleEmployed';

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function valuesFrom(r: OccupancyReturn | undefined, today: string): Values {
  return {
    period: r?.period ?? currentQuarterKey(today),
    firmsHoused: text(r?.firmsHoused),
    firmNames: r?.firmNames ?? '',
    seatsAvailable: text(r?.seatsAvailable),
    seatsOccupied: text(r?.seatsOccupied),
    peopleEmployed: text(r?.peopleEmployed),
    note: r?.note ?? '',
  };
}

/** Adds or edits one occupancy return: the period it covers and the park's figures for it. */
export function ReturnDialog({
  proposal,
  entry,
  open,
  onClose,
  onSaved,
}: {
  proposal: Proposal;
  /** Undefined to add a new one. */
  entry: OccupancyReturn | undefined;
  open: boolean;
  onClose(): void;
  onSaved(proposal: Proposal): void;
}) {
  const notify = useAppStore((s) => s.notify);
  const today = todayInPakistan();
  const { values, setValues, errors, setErrors, summary, setSummary, busy, setBusy, fieldsRef, focusFirstInvalid } = useFormDialogState<Values>(open, () => valuesFrom(entry, todayInPakistan()), entry);

  const set = (name: keyof Values, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const kind = parsePeriodKey(values.period)?.kind === 'month' ? 'month' : 'quarter';
  const fiscalYear = fiscalYearOfKey(values.period) ?? fiscalYearOptions(today)[0]!.value;
  const options = kind === 'month' ? monthOptions(fiscalYear, today) : quarterOptions(fiscalYear, today);
  // Keeps the same place in the year when the kind or the year changes: the first period that has begun.
  const firstOpen = (list: { key: string; notBegun: boolean }[]) => (list.find((o) => !o.notBegun) ?? list[0]!).key;
  const chooseYear = (year: number) => {
    const list = kind === 'month' ? monthOptions(year, today) : quarterOptions(year, today);
    const sameSlot = list[options.findIndex((o) => o.key === values.period)];
    set('period', sameSlot && !sameSlot.notBegun ? sameSlot.key : firstOpen(list));
  };
  const chooseKind = (next: 'month' | 'quarter') => set('period', firstOpen(next === 'month' ? monthOptions(fiscalYear, today) : quarterOptions(fiscalYear, today)));

  const submit = async () => {
    const parsed = OccupancyReturnValuesSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(errorsByField(parsed.error));
      setSummary(undefined);
      return focusFirstInvalid();
    }
    setBusy(true);
    const base = { proposalId: proposal.id, expectedUpdatedAt: proposal.updatedAt, values: parsed.data };
    const result = await call(entry ? api().updateOccupancyReturn({ ...base, returnId: entry.id }) : api().addOccupancyReturn(base));
    setBusy(false);
    if (!result.ok) {
      setErrors(serverErrorsFor('values', result.error.fieldErrors));
      setSummary(result.error.message);
      return focusFirstInvalid();
    }
    notify('success', `${entry ? 'Return saved' : 'Return added'} for ${periodNameOfKey(parsed.data.period)}.`);
    onSaved(result.value);
  };

  const numberField = (name: NumberField, label: string, required: boolean, unit?: string) => (
    <FormField id={`return-${name}`} label={label} required={required} unit={unit} error={errors[name]}>
      {(c) => (
        <input
          id={c.id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={values[name]}
          aria-describedby={c.describedBy}
          aria-invalid={c.invalid || undefined}
          aria-required={required || undefined}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <FormDialog
      open={open}
      title={entry ? `Edit the return for ${periodNameOfKey(entry.period)}` : 'Add an occupancy return'}
      submitLabel={entry ? 'Save return' : 'Add return'}
      busy={busy}
      summary={summary}
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <div ref={fieldsRef} className="dialog-grid return-grid">
        <fieldset className="return-period wide">
          <legend>Return for</legend>
          <div className="radio-row">
            {(['quarter', 'month'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="return-kind" checked={kind === k} onChange={() => chooseKind(k)} /> {k === 'quarter' ? 'A fiscal quarter' : 'A month'}
              </label>
            ))}
          </div>
          <div className="period-selects">
            <FormField id="return-fiscal-year" label="Fiscal year">
              {(c) => (
                <select id={c.id} value={fiscalYear} onChange={(e) => chooseYear(Number(e.target.value))}>
                  {fiscalYearOptions(today).map((y) => (
                    <option key={y.value} value={y.value}>
                      {y.label}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id="return-period" label={kind === 'month' ? 'Month' : 'Quarter'} error={errors.period}>
              {(c) => (
                <select id={c.id} value={values.period} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} onChange={(e) => set('period', e.target.value)}>
                  {options.map((o) => (
                    <option key={o.key} value={o.key} disabled={o.notBegun}>
                      {o.label}
                      {o.notBegun ? ' (not begun)' : ''}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
        </fieldset>
        {numberField('firmsHoused', 'Firms housed', true, 'firms')}
        {numberField('peopleEmployed', 'People employed', false, 'people')}
        {numberField('seatsAvailable', 'Seats available', true, 'seats')}
        {numberField('seatsOccupied', 'Seats occupied', true, 'seats')}
        <FormField id="return-firmNames" label="Names of the firms" hint="Optional; one firm per line" error={errors.firmNames} wide>
          {(c) => <textarea id={c.id} dir="auto" rows={3} value={values.firmNames} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} onChange={(e) => set('firmNames', e.target.value)} />}
        </FormField>
        <FormField id="return-note" label="Note" error={errors.note} wide>
          {(c) => <textarea id={c.id} dir="auto" rows={2} value={values.note} aria-describedby={c.describedBy} aria-invalid={c.invalid || undefined} onChange={(e) => set('note', e.target.value)} />}
        </FormField>
      </div>
    </FormDialog>
  );
}
