import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Proposal, ProposalFieldName } from '../../../../shared/domain/proposal';
import { PIPELINE_STAGES, STAGE_LABELS, type PipelineStage } from '../../../../shared/domain/stages';
import { checkEntry } from '../../../../shared/domain/stage-machine';
import { parseDateText, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { RecordForm } from '../../components/RecordForm';
import { PROPOSAL_FORM_SECTIONS, ALL_FORM_FIELDS, type FieldSpec } from './proposal-form-layout';
import {
  displayValue,
  formErrorsFromServer,
  formValuesFrom,
  validateProposalForm,
  type ProposalFormErrors,
  type ProposalFormValues,
} from './proposal-form-values';

const inputId = (name: ProposalFieldName) => `proposal-${name}`;

function FieldControl({
  spec,
  value,
  onChange,
  onBlur,
  control,
}: {
  spec: FieldSpec;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  control: { id: string; describedBy: string | undefined; invalid: boolean };
}) {
  const common = {
    id: control.id,
    name: spec.name,
    value,
    'aria-describedby': control.describedBy,
    'aria-invalid': control.invalid || undefined,
    'aria-required': spec.required || undefined,
    onBlur,
  };
  switch (spec.kind) {
    case 'choice':
      return (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{spec.required ? 'Choose…' : 'Not known'}</option>
          {spec.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'long-text':
      return <textarea {...common} dir="auto" rows={3} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return <input {...common} type="text" inputMode="decimal" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
    default:
      return <input {...common} type="text" dir="auto" autoComplete="off" onChange={(e) => onChange(e.target.value)} />;
  }
}

/** Create or edit a proposal. Nothing is written until every field passes the schema. */
export function ProposalFormScreen({ id }: { id?: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const setUnsavedChanges = useAppStore((s) => s.setUnsavedChanges);
  const loadProposals = useAppStore((s) => s.loadProposals);

  const [original, setOriginal] = useState<Proposal | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [values, setValues] = useState<ProposalFormValues>(() => formValuesFrom());
  const [errors, setErrors] = useState<ProposalFormErrors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  // A park already under way is entered at its real stage, with the day it got there.
  const [startStage, setStartStage] = useState<PipelineStage>('received');
  const [startOn, setStartOn] = useState('');
  const [startErrors, setStartErrors] = useState<{ stage?: string; on?: string }>({});
  const submitted = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useWindowTitle({ screen: 'proposal-form', id }, original?.fields.title);

  useEffect(() => {
    if (!id) return;
    void call(api().getProposal({ id })).then((result) => {
      if (!result.ok) return setLoadError(result.error.message);
      setOriginal(result.value);
      setValues(formValuesFrom(result.value.fields));
    });
  }, [id]);

  useEffect(() => () => setUnsavedChanges(false), [setUnsavedChanges]);

  const setValue = (name: ProposalFieldName, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setUnsavedChanges(true);
  };

  /** After a failed save, messages follow the typing so the official sees each one clear. */
  const revalidateField = (spec: FieldSpec) => {
    const { errors: all, fields } = validateProposalForm(values);
    if (spec.kind === 'date' || spec.kind === 'number') {
      const parsed = fields?.[spec.name];
      if (!all[spec.name] && parsed !== undefined) setValues((v) => ({ ...v, [spec.name]: displayValue(spec, parsed) }));
    }
    if (submitted.current || values[spec.name] !== '') setErrors((current) => ({ ...current, [spec.name]: all[spec.name] }));
  };

  const showErrors = (found: ProposalFormErrors, message: string) => {
    setErrors(found);
    setSummary(message);
    const first = ALL_FORM_FIELDS.find((spec) => found[spec.name]);
    if (first) document.getElementById(inputId(first.name))?.focus();
    else summaryRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    submitted.current = true;
    const { fields, errors: found } = validateProposalForm(values);
    let start: { stage: PipelineStage; on: string } | undefined;
    const entryErrors: { stage?: string; on?: string } = {};
    if (!original && (startStage !== 'received' || startOn.trim())) {
      const on = startOn.trim() ? parseDateText(startOn) : undefined;
      if (!startOn.trim()) entryErrors.on = `Give the date it reached ${STAGE_LABELS[startStage]}.`;
      else if (!on) entryErrors.on = 'Date reached must be a real date, for example 20-May-2021.';
      else {
        const check = checkEntry({ stage: startStage, on }, todayInPakistan(), fields?.dateReceived, fields ?? { grossAreaSqFt: undefined });
        if (!check.ok) entryErrors[check.field] = check.reason;
        else start = { stage: startStage, on };
      }
    }
    setStartErrors(entryErrors);
    const count = Object.keys(found).length + Object.keys(entryErrors).length;
    if (!fields || count > 0) {
      if (fields && Object.keys(found).length === 0) {
        setSummary(count === 1 ? 'One field needs attention before saving.' : `${count} fields need attention before saving.`);
        return document.getElementById('proposal-start-on')?.focus();
      }
      return showErrors(found, count === 1 ? 'One field needs attention before saving.' : `${count} fields need attention before saving.`);
    }
    setSaving(true);
    const result = original
      ? await call(api().updateProposal({ id: original.id, expectedUpdatedAt: original.updatedAt, fields }))
      : await call(api().createProposal({ fields, ...(start ? { start } : {}) }));
    setSaving(false);
    if (!result.ok) {
      const server = result.error.fieldErrors ?? {};
      if (server['start.on'] || server['start.stage']) setStartErrors({ on: server['start.on'], stage: server['start.stage'] });
      // The typed values stay in the form whatever went wrong, so nothing has to be typed again.
      return showErrors(formErrorsFromServer(result.error.fieldErrors), result.error.message);
    }
    setUnsavedChanges(false);
    notify('success', original ? `Saved changes to ${result.value.fields.referenceNumber}.` : `Proposal ${result.value.fields.referenceNumber} saved.`);
    void loadProposals();
    navigate({ screen: 'proposal', id: result.value.id });
  };

  const onCancel = () => navigate(original ? { screen: 'proposal', id: original.id } : { screen: 'proposals' });

  if (loadError) {
    return (
      <div role="alert" className="load-error">
        <h1>Could not open this proposal</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (id && !original) return <p aria-busy="true">Loading proposal…</p>;

  // Right after Identification: a park already under way says where it is before the details.
  const stageNow = original ? null : (
<fieldset className="form-section">
          <legend>Stage now</legend>
          <p className="muted">
            A park already under way is entered at its real stage. The stages before it are recorded as passed without a record, never as moves with made-up dates.
          </p>
          <div className="form-grid">
            <FormField id="proposal-start-stage" label="Current stage" required error={startErrors.stage}>
              {(c) => (
                <select
                  id={c.id}
                  value={startStage}
                  aria-describedby={c.describedBy}
                  aria-invalid={c.invalid || undefined}
                  onChange={(e) => {
                    setStartStage(e.target.value as PipelineStage);
                    setUnsavedChanges(true);
                  }}
                >
                  {PIPELINE_STAGES.map((stage) => (
                    <option key={stage} value={stage}>
                      {STAGE_LABELS[stage]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField
              id="proposal-start-on"
              date
              label="Date reached"
              required={startStage !== 'received'}
              hint={startStage === 'received' ? 'Left empty: today.' : `The day it reached ${STAGE_LABELS[startStage]}.`}
              error={startErrors.on}
            >
              {(c) => (
                <input
                  id={c.id}
                  type="text"
                  autoComplete="off"
                  value={startOn}
                  aria-describedby={c.describedBy}
                  aria-invalid={c.invalid || undefined}
                  aria-required={startStage !== 'received' || undefined}
                  onChange={(e) => {
                    setStartOn(e.target.value);
                    setUnsavedChanges(true);
                  }}
                />
              )}
            </FormField>
          </div>
        </fieldset>
  );

  return (
    <RecordForm
      headingId="proposal-form-heading"
      heading={original ? `Edit proposal ${original.fields.referenceNumber}` : 'New proposal'}
      saveLabel="Save proposal"
      saving={saving}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <p className="form-legend">
        Fields marked <span className="required">*</span> are required. Numbers may be typed with commas (19,500).
      </p>
      {summary && (
        <ErrorSummary ref={summaryRef} message={summary} errors={errors} />
      )}
      {PROPOSAL_FORM_SECTIONS.map((section, index) => (
        <Fragment key={section.title}>
        <fieldset className="form-section">
          <legend>{section.title}</legend>
          <div className="form-grid">
            {section.fields.map((spec) => (
              <FormField
                key={spec.name}
                id={inputId(spec.name)}
                label={spec.label}
                required={spec.required}
                unit={spec.unit}
                hint={spec.hint}
                error={errors[spec.name]}
                wide={spec.kind === 'long-text'}
                date={spec.kind === 'date'}
              >
                {(control) => (
                  <FieldControl
                    spec={spec}
                    value={values[spec.name]}
                    control={control}
                    onChange={(value) => setValue(spec.name, value)}
                    onBlur={() => revalidateField(spec)}
                  />
                )}
              </FormField>
            ))}
          </div>
        </fieldset>
        {index === 0 && stageNow}
        </Fragment>
      ))}
    </RecordForm>
  );
}
