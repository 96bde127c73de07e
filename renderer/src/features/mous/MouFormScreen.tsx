import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MOU_STATUS_LABELS, currentMouStatus, type Mou, type MouStatus } from '../../../../shared/domain/mou';
import { MOU_FORWARD_PATH } from '../../../../shared/domain/mou-status';
import { currentStage } from '../../../../shared/domain/proposal';
import { PIPELINE_STAGES } from '../../../../shared/domain/stages';
import { emptyParty, mouDraftFromProposal, PARTY_ROLES } from '../../../../shared/domain/mou-from-proposal';
import type { Proposal } from '../../../../shared/domain/proposal';
import { formatDate, parseDateText, todayInPakistan } from '../../../../shared/format/dates';

const PREPARATION_STATUSES: readonly MouStatus[] = ['draft', 'legal-review', 'approved'];
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RecordForm } from '../../components/RecordForm';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import {
  MOU_FORM_SECTIONS,
  PARTY_TYPE_OPTIONS,
  errorsFromServer,
  inputIdFor,
  liveExpiry,
  mouFormValuesFrom,
  validateMouForm,
  type FieldKind,
  type MouFormErrors,
  type MouFormValues,
  type PartyValues,
  type ScalarSpec,
} from './mou-form-values';
import { useFocusFirstInvalid } from './FormDialog';
import { newId } from './new-id';

interface ControlProps {
  path: string;
  label: string;
  kind: FieldKind;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
  required?: boolean;
  unit?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  /** What the empty choice says, when "Not known" does not fit. */
  emptyLabel?: string;
  wide?: boolean;
}

/** One labelled control; its id comes from its path so messages and focus can find it. */
function Control({ path, label, kind, value, error, onChange, required, unit, hint, options, emptyLabel, wide }: ControlProps) {
  return (
    <FormField id={inputIdFor(path)} label={label} required={required} unit={unit} hint={hint} error={error} wide={wide ?? kind === 'long-text'} date={kind === 'date'}>
      {(c) => {
        const common = {
          id: c.id,
          name: path,
          value,
          'aria-describedby': c.describedBy,
          'aria-invalid': c.invalid || undefined,
          'aria-required': required || undefined,
        };
        switch (kind) {
          case 'choice':
            return (
              <select {...common} onChange={(e) => onChange(e.target.value)}>
                <option value="">{emptyLabel ?? (required ? 'Choose…' : 'Not known')}</option>
                {options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
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
      }}
    </FormField>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** True while the proposal is in the pipeline before MoU signed: signing the MoU should move it on. */
function beforeSigned(proposal: Proposal | undefined): boolean {
  if (!proposal) return false;
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(currentStage(proposal));
  return index >= 0 && index < PIPELINE_STAGES.indexOf('mou-signed');
}

/** Create an MoU (from its proposal or on its own) or edit one. Nothing is written until the schema passes. */
export function MouFormScreen({ id, proposalId, start }: { id?: string; proposalId?: string; start?: { status: MouStatus; on: string } }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const setUnsavedChanges = useAppStore((s) => s.setUnsavedChanges);
  const summaries = useAppStore((s) => s.mouSummaries);
  const loadMous = useAppStore((s) => s.loadMous);

  const [original, setOriginal] = useState<Mou | undefined>();
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [values, setValues] = useState<MouFormValues | undefined>(() => (id || proposalId ? undefined : mouFormValuesFrom(mouDraftFromProposal(undefined, newId))));
  const [loadError, setLoadError] = useState<string | undefined>();
  const [errors, setErrors] = useState<MouFormErrors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [confirmDropThird, setConfirmDropThird] = useState(false);
  // The status a new MoU is entered at, since when, and whether its proposal moves with it.
  const [startStatus, setStartStatus] = useState<MouStatus>(start?.status ?? 'draft');
  const [startOn, setStartOn] = useState(start ? formatDate(start.on) : '');
  const [moveProposal, setMoveProposal] = useState(true);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef, summaryRef);
  useWindowTitle({ screen: 'mou-form', id }, original?.fields.mouNumber);

  useEffect(() => {
    void loadMous();
    if (id) {
      void call(api().getMou({ id })).then((result) => {
        if (!result.ok) return setLoadError(result.error.message);
        setOriginal(result.value);
        setValues(mouFormValuesFrom(result.value.fields));
      });
    } else if (proposalId) {
      void call(api().getProposal({ id: proposalId })).then((result) => {
        if (!result.ok) return setLoadError(result.error.message);
        setProposal(result.value);
        const draft = mouDraftFromProposal(result.value, newId);
        setValues(mouFormValuesFrom(start?.status === 'signed' ? { ...draft, signedOn: start.on } : draft));
      });
    }
  }, [id, proposalId, loadMous]);

  useEffect(() => () => setUnsavedChanges(false), [setUnsavedChanges]);

  if (loadError) {
    return (
      <div role="alert" className="load-error">
        <h1>Could not open this {id ? 'MoU' : 'proposal'}</h1>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!values) return <p aria-busy="true">Loading…</p>;

  const edit = (change: (v: MouFormValues) => MouFormValues) => {
    setValues((v) => (v ? change(v) : v));
    setUnsavedChanges(true);
  };
  const setScalar = (name: keyof MouFormValues['scalars'], value: string) => edit((v) => ({ ...v, scalars: { ...v.scalars, [name]: value } }));
  const setParty = (index: number, change: Partial<PartyValues>) =>
    edit((v) => ({ ...v, parties: v.parties.map((p, i) => (i === index ? { ...p, ...change } : p)) }));

  const setType = (type: string) => {
    if (type === 'two-party' && values.parties.length > 2) {
      const third = values.parties[2]!;
      if (third.name.trim() || third.signatories.length > 0) return setConfirmDropThird(true);
      return edit((v) => ({ ...v, scalars: { ...v.scalars, type }, parties: v.parties.slice(0, 2) }));
    }
    edit((v) => {
      const parties = [...v.parties];
      if (type === 'three-party') while (parties.length < 3) parties.push(toValues(emptyParty(newId(), parties.length)));
      return { ...v, scalars: { ...v.scalars, type }, parties };
    });
  };

  const scalar = (spec: ScalarSpec) =>
    spec.name === 'type' ? (
      <Control key={spec.name} path="type" {...spec} value={values.scalars.type} error={errors.type} onChange={setType} />
    ) : (
      <Control key={spec.name} path={spec.name} {...spec} value={values.scalars[spec.name]} error={errors[spec.name]} onChange={(value) => setScalar(spec.name, value)} />
    );

  const showErrors = (found: MouFormErrors, message: string) => {
    setErrors(found);
    setSummary(message);
    focusFirstInvalid();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const { fields, errors: found } = validateMouForm(values);
    // Entered at a later status: since when (for Signed, the date signed when left empty).
    let since: string | undefined;
    if (!original && startStatus !== 'draft') {
      const typed = startOn.trim() || (startStatus === 'signed' ? values.scalars.signedOn.trim() : '');
      since = typed ? parseDateText(typed) : undefined;
      if (!typed) found['start.on'] = `Give the date it became ${MOU_STATUS_LABELS[startStatus]}.`;
      else if (!since) found['start.on'] = 'Status since must be a real date, for example 20-May-2021.';
    }
    const count = Object.keys(found).length;
    if (!fields || count > 0) return showErrors(found, count === 1 ? 'One field needs attention before saving.' : `${count} fields need attention before saving.`);
    setSaving(true);
    const moving = offerProposalMove && moveProposal && proposal;
    const result = original
      ? await call(api().updateMou({ id: original.id, expectedUpdatedAt: original.updatedAt, fields }))
      : await call(
          api().createMou({
            fields,
            ...(proposalId ? { proposalId } : {}),
            ...(since ? { start: { status: startStatus, on: since } } : {}),
            ...(moving ? { moveProposal: { expectedUpdatedAt: proposal.updatedAt } } : {}),
          }),
        );
    setSaving(false);
    if (!result.ok) return showErrors(errorsFromServer(result.error.fieldErrors), result.error.message);
    setUnsavedChanges(false);
    notify(
      'success',
      original
        ? `Saved changes to MoU ${result.value.fields.mouNumber}.`
        : `MoU ${result.value.fields.mouNumber} saved${moving ? `; proposal ${proposal.fields.referenceNumber} moved to MoU signed` : ''}.`,
    );
    void loadMous();
    navigate({ screen: 'mou', id: result.value.id });
  };

  const onCancel = () =>
    navigate(original ? { screen: 'mou', id: original.id } : proposalId ? { screen: 'proposal', id: proposalId } : { screen: 'mous' });

  const expiry = liveExpiry(values);
  // A warning, not an error: the date may be known before the status move is recorded.
  const recordedStatus = original ? currentMouStatus(original) : startStatus;
  const signedText = values.scalars.signedOn.trim();
  const preparationWarning =
    PREPARATION_STATUSES.includes(recordedStatus) && signedText && parseDateText(signedText)
      ? `This MoU is recorded as ${MOU_STATUS_LABELS[recordedStatus]}, so it is not in force even with a date signed: move it to Signed on its page once it is signed.${
          expiry && expiry < todayInPakistan() ? ` Its expiry, ${formatDate(expiry)}, has already passed.` : ''
        }`
      : undefined;
  const offerProposalMove = !original && (startStatus === 'signed' || startStatus === 'active') && beforeSigned(proposal);
  const otherMous = summaries.filter((s) => s.id !== id);

  return (
    <>
      <RecordForm
        formRef={formRef}
        headingId="mou-form-heading"
        heading={original ? `Edit MoU ${original.fields.mouNumber}` : 'New MoU'}
        saveLabel="Save MoU"
        saving={saving}
        onSubmit={onSubmit}
        onCancel={onCancel}
      >
        <p className="form-legend">
          {proposal && (
            <>
              For proposal <strong dir="auto">{proposal.fields.title}</strong>: parties, area and floors are filled in from it.{' '}
            </>
          )}
          Fields marked <span className="required">*</span> are required.
        </p>
        {summary && (
          <ErrorSummary ref={summaryRef} message={summary} errors={errors} />
        )}

        <Section title="MoU">
          <div className="form-grid">
            {MOU_FORM_SECTIONS.identification.map(scalar)}
            <Control
              path="previousMouId"
              label="Renews or supersedes"
              kind="choice"
              value={values.previousMouId}
              error={errors.previousMouId}
              options={[
                ...otherMous.map((m) => ({ value: m.id, label: `${m.mouNumber} – ${m.parties.join(', ')}` })),
                // A link to an MoU no longer here (left out of an import) is shown, so it can be changed or cleared.
                ...(values.previousMouId && !otherMous.some((m) => m.id === values.previousMouId)
                  ? [{ value: values.previousMouId, label: 'An MoU that is not in Park Desk (choose another, or None)' }]
                  : []),
              ]}
              emptyLabel="None (a first MoU)"
            hint="The earlier MoU this one replaces, if any"
              onChange={(value) => edit((v) => ({ ...v, previousMouId: value }))}
            />
          </div>
        </Section>

        {!original && (
          <Section title="Status when entered">
            <p className="muted">An MoU signed before it is entered here starts at its real status; the statuses before it are recorded as passed, without made-up dates.</p>
            <div className="form-grid">
              <Control
                path="start.status"
                label="Status now"
                kind="choice"
                required
                value={startStatus}
                error={errors['start.status']}
                options={MOU_FORWARD_PATH.map((s) => ({ value: s, label: MOU_STATUS_LABELS[s] }))}
                emptyLabel="Choose…"
                onChange={(value) => {
                  setStartStatus((value || 'draft') as MouStatus);
                  setUnsavedChanges(true);
                }}
              />
              {startStatus !== 'draft' && (
                <Control
                  path="start.on"
                  label="Status since"
                  kind="date"
                  required
                  value={startOn}
                  error={errors['start.on']}
                  hint={startStatus === 'signed' ? 'The date signed (left empty: the date signed under Dates and term).' : 'The day it became ' + MOU_STATUS_LABELS[startStatus] + '.'}
                  onChange={(value) => {
                    setStartOn(value);
                    setUnsavedChanges(true);
                  }}
                />
              )}
            </div>
            {offerProposalMove && proposal && (
              <div className={`check-field${errors.moveProposal ? ' has-error' : ''}`}>
                <label>
                  <input
                    type="checkbox"
                    checked={moveProposal}
                    aria-describedby={errors.moveProposal ? 'mou-moveProposal-error' : undefined}
                    aria-invalid={errors.moveProposal ? true : undefined}
                    onChange={(e) => setMoveProposal(e.target.checked)}
                  />{' '}
                  Also move proposal {proposal.fields.referenceNumber} to MoU signed on the date signed
                </label>
                {errors.moveProposal && (
                  <p className="field-error" id="mou-moveProposal-error">
                    {errors.moveProposal}
                  </p>
                )}
              </div>
            )}
          </Section>
        )}

        <Section title="Parties and signatories">
          {errors.parties && (
            <p className="field-error" role="alert">
              {errors.parties}
            </p>
          )}
          <div className="party-blocks">
            {values.parties.map((party, index) => (
              <PartyBlock key={party.id} index={index} party={party} errors={errors} onChange={(change) => setParty(index, change)} />
            ))}
          </div>
        </Section>

        <Section title="Witnesses">
          {values.witnesses.length === 0 && <p className="muted">No witnesses recorded.</p>}
          {values.witnesses.map((witness, index) => (
            <fieldset key={witness.key} className="sub-block" aria-label={`Witness ${index + 1}`}>
              <div className="form-grid">
                <Control
                  path={`witnesses.${index}.name`}
                  label="Witness name"
                  kind="text"
                  required
                  value={witness.name}
                  error={errors[`witnesses.${index}.name`]}
                  onChange={(name) => edit((v) => ({ ...v, witnesses: v.witnesses.map((w, i) => (i === index ? { ...w, name } : w)) }))}
                />
                <Control
                  path={`witnesses.${index}.designation`}
                  label="Witness designation"
                  kind="text"
                  value={witness.designation}
                  error={errors[`witnesses.${index}.designation`]}
                  onChange={(designation) => edit((v) => ({ ...v, witnesses: v.witnesses.map((w, i) => (i === index ? { ...w, designation } : w)) }))}
                />
              </div>
              <button
                type="button"
                className="button small"
                aria-label={`Remove witness ${index + 1}`}
                onClick={() => edit((v) => ({ ...v, witnesses: v.witnesses.filter((_, i) => i !== index) }))}
              >
                Remove witness
              </button>
            </fieldset>
          ))}
          <button type="button" className="button" onClick={() => edit((v) => ({ ...v, witnesses: [...v.witnesses, { key: newId(), name: '', designation: '' }] }))}>
            Add witness
          </button>
        </Section>

        <Section title="Dates and term">
          <div className="form-grid">{MOU_FORM_SECTIONS.dates.map(scalar)}</div>
          <p className="derived-line">
            Expiry (derived):{' '}
            <output aria-live="polite" aria-label="Expiry (derived)">
              {expiry ? formatDate(expiry) : 'enter the date signed or effective and the term'}
            </output>
          </p>
          {preparationWarning && (
            <p className="field-warning" role="status" id="mou-draft-dates-warning">
              {preparationWarning}
            </p>
          )}
        </Section>

        <Section title="Space, rent and utilities">
          <div className="form-grid">{MOU_FORM_SECTIONS.space.map(scalar)}</div>
        </Section>
        <Section title="Targets">
          <div className="form-grid">{MOU_FORM_SECTIONS.targets.map(scalar)}</div>
        </Section>
        <Section title="Clause summaries">
          <div className="form-grid">{MOU_FORM_SECTIONS.clauses.map(scalar)}</div>
        </Section>
        <Section title="Notes">
          <div className="form-grid">{MOU_FORM_SECTIONS.notes.map(scalar)}</div>
        </Section>
      </RecordForm>
      {/* Outside the form: the dialog's own submit must not bubble into Save MoU. */}
      <ConfirmDialog
        open={confirmDropThird}
        title="Remove the third party?"
        message={`A two-party MoU has two parties. ${values.parties[2]?.name || 'The third party'} and its signatories will be removed from this form.`}
        confirmLabel="Remove third party"
        destructive
        onConfirm={() => {
          setConfirmDropThird(false);
          edit((v) => ({ ...v, scalars: { ...v.scalars, type: 'two-party' }, parties: v.parties.slice(0, 2) }));
        }}
        onCancel={() => setConfirmDropThird(false)}
      />
    </>
  );
}

function toValues(party: ReturnType<typeof emptyParty>): PartyValues {
  return { id: party.id, name: party.name, role: party.role, type: party.type ?? '', signatories: [] };
}

function PartyBlock({ index, party, errors, onChange }: { index: number; party: PartyValues; errors: MouFormErrors; onChange(change: Partial<PartyValues>): void }) {
  const base = `parties.${index}`;
  const groupName = `Party ${index + 1}`;
  const setSignatory = (s: number, change: Partial<PartyValues['signatories'][number]>) =>
    onChange({ signatories: party.signatories.map((sig, i) => (i === s ? { ...sig, ...change } : sig)) });
  return (
    <fieldset className="party-block" aria-label={groupName}>
      <legend>
        {groupName}
        {party.name && (
          <span className="muted">
            {' · '}
            <bdi>{party.name}</bdi>
          </span>
        )}
      </legend>
      <div className="form-grid party-grid">
        <Control path={`${base}.name`} label="Party name" kind="text" required value={party.name} error={errors[`${base}.name`]} onChange={(name) => onChange({ name })} />
        <Control
          path={`${base}.role`}
          label="Role"
          kind="text"
          required
          value={party.role}
          hint={`As the MoU words it, e.g. ${PARTY_ROLES[index] ?? 'Party'}, Host`}
          error={errors[`${base}.role`]}
          onChange={(role) => onChange({ role })}
        />
        <Control
          path={`${base}.type`}
          label="Party type"
          kind="choice"
          required
          options={PARTY_TYPE_OPTIONS}
          value={party.type}
          error={errors[`${base}.type`]}
          onChange={(type) => onChange({ type })}
        />
      </div>
      {party.signatories.map((signatory, s) => {
        const path = `${base}.signatories.${s}`;
        return (
          <fieldset key={signatory.key} className="sub-block" aria-label={`${groupName} signatory ${s + 1}`}>
            <legend>Signatory {s + 1}</legend>
            <div className="form-grid">
              <Control path={`${path}.name`} label="Signatory name" kind="text" required value={signatory.name} error={errors[`${path}.name`]} onChange={(name) => setSignatory(s, { name })} />
              <Control
                path={`${path}.designation`}
                label="Designation"
                kind="text"
                required
                value={signatory.designation}
                error={errors[`${path}.designation`]}
                onChange={(designation) => setSignatory(s, { designation })}
              />
              <Control
                path={`${path}.signedOn`}
                label="Date signed"
                kind="date"
                value={signatory.signedOn}
                error={errors[`${path}.signedOn`]}
                onChange={(signedOn) => setSignatory(s, { signedOn })}
              />
            </div>
            <button
              type="button"
              className="button small"
              aria-label={`Remove signatory ${s + 1} of party ${index + 1}`}
              onClick={() => onChange({ signatories: party.signatories.filter((_, i) => i !== s) })}
            >
              Remove signatory
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button small"
        onClick={() => onChange({ signatories: [...party.signatories, { key: newId(), name: '', designation: '', signedOn: '' }] })}
      >
        Add signatory
      </button>
    </fieldset>
  );
}
