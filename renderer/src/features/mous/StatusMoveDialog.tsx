import { useEffect, useRef, useState } from 'react';
import { MOU_STATUS_LABELS, currentMouStatus, type Mou, type MouStatus } from '../../../../shared/domain/mou';
import { checkMouMoveRequest, statusesBetween } from '../../../../shared/domain/mou-status';
import { checkMoveDate } from '../../../../shared/domain/move-history';
import { currentStage, type Proposal } from '../../../../shared/domain/proposal';
import { PIPELINE_STAGES } from '../../../../shared/domain/stages';
import { formatDate, parseDateText, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { FormDialog, useFocusFirstInvalid } from './FormDialog';

type Errors = Partial<Record<'on' | 'note' | 'moveProposal', string>>;

/** True while the proposal is in the pipeline before MoU signed. */
export function proposalBeforeSigned(proposal: Proposal | undefined): proposal is Proposal {
  if (!proposal || proposal.archivedAt) return false;
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(currentStage(proposal));
  return index >= 0 && index < PIPELINE_STAGES.indexOf('mou-signed');
}

interface Props {
  mou: Mou;
  to: MouStatus | undefined;
  /** The MoU's linked proposal, when it has one: signing can move it to MoU signed in the same save. */
  proposal: Proposal | undefined;
  successorIds: readonly string[];
  onClose(): void;
  onMoved(mou: Mou, movedProposal: boolean): void;
}

/** Records one status move: its date (today unless back-dated), the note, and for Signed the proposal's step. */
export function StatusMoveDialog({ mou, to, proposal, successorIds, onClose, onMoved }: Props) {
  const notify = useAppStore((s) => s.notify);
  const officialName = useAppStore((s) => s.appInfo?.settings.officialName);
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [moveProposal, setMoveProposal] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(fieldsRef);

  useEffect(() => {
    // Signed is dated by the date signed when one is recorded (and the history allows it); every other move by today.
    const signedOn = mou.fields.signedOn;
    const datable = signedOn !== undefined && !checkMoveDate(mou.statusHistory, signedOn, todayInPakistan());
    setOn(formatDate(to === 'signed' && datable ? signedOn : todayInPakistan()));
    setNote('');
    setMoveProposal(true);
    setErrors({});
    setSummary(undefined);
  }, [to, mou.fields.signedOn, mou.statusHistory]);

  const from = currentMouStatus(mou);
  const passes = to ? statusesBetween(from, to) : [];
  const offerProposal = (to === 'signed' || to === 'active') && proposalBeforeSigned(proposal);
  // The proposal moves on the date signed: the one recorded, else the date of this move to Signed.
  const signedDate = mou.fields.signedOn ?? (to === 'signed' ? parseDateText(on) : undefined);

  const submit = async () => {
    if (!to) return;
    const date = parseDateText(on);
    const found: Errors = {};
    if (!date) found.on = on.trim() ? 'Date of the move must be a real date, for example 20-May-2021.' : 'Date of the move is required.';
    else {
      const check = checkMouMoveRequest(mou, { to, on: date, note }, { successorIds, today: todayInPakistan() });
      if (!check.ok) {
        if (check.field === 'to') return setSummary(check.reason);
        found[check.field] = check.reason;
      }
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return focusFirstInvalid();
    }
    setBusy(true);
    const moving = offerProposal && moveProposal && proposal;
    const result = await call(
      api().moveMouStatus({
        id: mou.id,
        expectedUpdatedAt: mou.updatedAt,
        to,
        on: date!,
        note,
        ...(moving ? { moveProposal: { expectedUpdatedAt: proposal.updatedAt } } : {}),
      }),
    );
    setBusy(false);
    if (!result.ok) {
      const fromServer: Record<string, string> = result.error.fieldErrors ?? {};
      // The proposal's own refusal (its date, its name) is shown at the checkbox that asked for it.
      const proposalKey = Object.keys(fromServer).find((key) => key.startsWith('moveProposal'));
      const known: Errors = { on: fromServer.on, note: fromServer.note, moveProposal: proposalKey ? fromServer[proposalKey] : undefined };
      setErrors(known);
      setSummary(result.error.message);
      return focusFirstInvalid();
    }
    notify(
      'success',
      `MoU ${mou.fields.mouNumber} moved to ${MOU_STATUS_LABELS[to]}${moving ? `; proposal ${proposal.fields.referenceNumber} moved to MoU signed` : ''}.`,
    );
    onMoved(result.value, Boolean(moving));
  };

  const noteRequired = passes.length > 0 || (parseDateText(on) ?? todayInPakistan()) < todayInPakistan();
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
      <div ref={fieldsRef} className="dialog-fields-inner">
        <p>
          From {MOU_STATUS_LABELS[from]} to {to ? MOU_STATUS_LABELS[to] : ''}, recorded {officialName ? `as ${officialName}` : 'without a name (set yours under Data)'}. The history
          is never edited afterwards.
        </p>
        {passes.length > 0 && (
          <p className="passed-note">
            Passes {passes.map((s) => MOU_STATUS_LABELS[s]).join(', ')}: recorded as passed without a record of their own.
          </p>
        )}
        <FormField
          id="status-move-on"
          date
          label="Date of the move"
          required
          hint={to === 'signed' && !mou.fields.signedOn ? 'The date it was signed: it is recorded as the date signed.' : 'Today, or the real date it happened (not before the previous move).'}
          error={errors.on}
        >
          {(c) => (
            <input
              id={c.id}
              type="text"
              autoComplete="off"
              value={on}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              aria-required
              onChange={(e) => setOn(e.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="status-move-note"
          label="Note"
          required={noteRequired}
          hint={noteRequired ? 'Why it is recorded late, or why the statuses in between have no record.' : 'Why, or the letter or meeting it follows from'}
          error={errors.note}
          wide
        >
          {(c) => (
            <textarea
              id={c.id}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              aria-required={noteRequired || undefined}
              dir="auto"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </FormField>
        {offerProposal && proposal && (
          <div className={`check-field${errors.moveProposal ? ' has-error' : ''}`}>
            <label>
              <input
                type="checkbox"
                checked={moveProposal}
                aria-invalid={errors.moveProposal ? true : undefined}
                aria-describedby={errors.moveProposal ? 'status-move-proposal-error' : undefined}
                onChange={(e) => setMoveProposal(e.target.checked)}
              />{' '}
              Also move proposal {proposal.fields.referenceNumber} to MoU signed{signedDate ? ` on ${formatDate(signedDate)}` : ' on the date signed'}
            </label>
            {errors.moveProposal && (
              <p className="field-error" id="status-move-proposal-error">
                {errors.moveProposal}
              </p>
            )}
          </div>
        )}
      </div>
    </FormDialog>
  );
}
