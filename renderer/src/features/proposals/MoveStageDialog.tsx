import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { currentStage, type Proposal } from '../../../../shared/domain/proposal';
import { allowedMoves, checkMoveRequest, type AllowedMove } from '../../../../shared/domain/stage-machine';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { dateTextProblem, formatDate, parseDateText, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';

type Errors = Partial<Record<'on' | 'note' | 'officialName' | 'to', string>>;

interface Props {
  proposal: Proposal;
  /** The move chosen on the page; undefined while the dialog is closed. */
  move: AllowedMove | undefined;
  onClose(): void;
  onMoved(proposal: Proposal): void;
}

/**
 * Records one stage move: the date (today unless back-dated), a note, and who (asked for once
 * if unknown). A forward move may go to any later stage; the stages in between are recorded as
 * passed without a record, and the note must say why.
 */
export function MoveStageDialog({ proposal, move: chosen, onClose, onMoved }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const officialName = useAppStore((s) => s.appInfo?.settings.officialName ?? '');
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [target, setTarget] = useState<AllowedMove | undefined>(chosen);
  const needsName = officialName.trim() === '';
  const advances = chosen?.kind === 'advance' ? allowedMoves(proposal.stageHistory).filter((m) => m.kind === 'advance') : [];
  const move = target && chosen ? target : chosen;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    setTarget(chosen);
    if (chosen && !dialog.open) {
      setOn(formatDate(todayInPakistan()));
      setNote('');
      setErrors({});
      dialog.showModal();
      // The stage was chosen with the button that opened the dialog: start where typing is needed.
      document.getElementById(needsName ? 'move-officialName' : 'move-on')?.focus();
    }
    if (!chosen && dialog.open) dialog.close();
  }, [chosen]);

  const focusFirstError = (found: Errors) => {
    const first = (['officialName', 'on', 'note'] as const).find((key) => found[key]);
    if (first) document.getElementById(`move-${first}`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!move || saving) return;
    const found: Errors = {};
    if (needsName && name.trim() === '') found.officialName = 'Your name is required: it is recorded with every stage move.';
    const date = parseDateText(on);
    if (!date) found.on = on.trim() ? dateTextProblem('Date of the move', on) : 'Date of the move is required.';
    else {
      const check = checkMoveRequest(proposal.stageHistory, { to: move.to, on: date, note }, todayInPakistan(), proposal.fields);
      if (!check.ok) found[check.field] = check.reason;
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return focusFirstError(found);
    }
    setSaving(true);
    if (needsName) {
      const saved = await call(api().updateSettings({ officialName: name }));
      if (!saved.ok) {
        setSaving(false);
        return setErrors({ officialName: saved.error.message });
      }
      await loadAppInfo();
    }
    const result = await call(api().moveProposalStage({ id: proposal.id, expectedUpdatedAt: proposal.updatedAt, to: move.to, on: date!, note }));
    setSaving(false);
    if (!result.ok) {
      const fromServer: Errors = { ...(result.error.fieldErrors as Errors | undefined) };
      if (Object.keys(fromServer).length === 0) fromServer.to = result.error.message;
      setErrors(fromServer);
      return focusFirstError(fromServer);
    }
    onMoved(result.value);
  };

  const from = STAGE_LABELS[currentStage(proposal)];
  const onDate = parseDateText(on);
  const late = onDate !== undefined && onDate < todayInPakistan();
  const noteRequired = Boolean(move && (move.noteRequired || late));
  return (
    <dialog
      ref={ref}
      className="dialog move-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {move && (
        <form onSubmit={onSubmit} noValidate>
          <h2 id={titleId}>{move.kind === 'advance' ? `Move to ${STAGE_LABELS[move.to]}` : move.label}</h2>
          <p>
            {proposal.fields.referenceNumber}: {from} → {STAGE_LABELS[move.to]}
          </p>
          {advances.length > 1 && (
            <FormField id="move-to" label="Move to" required hint="The next stage, or a later one when the stages in between were never recorded.">
              {(c) => (
                <select
                  id={c.id}
                  value={move.to}
                  aria-describedby={c.describedBy}
                  onChange={(e) => setTarget(advances.find((m) => m.to === e.target.value))}
                >
                  {advances.map((m) => (
                    <option key={m.to} value={m.to}>
                      {STAGE_LABELS[m.to]}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {move.passes.length > 0 && (
            <p className="passed-note">
              Passes {move.passes.map((s) => STAGE_LABELS[s]).join(', ')}: recorded as passed without a record of their own, not as moves with dates. The note says why.
            </p>
          )}
          {errors.to && (
            <p className="form-summary" role="alert">
              {errors.to}
            </p>
          )}
          {needsName && (
            <FormField id="move-officialName" label="Your name" required hint="Set once; recorded with every move. You can change it under Data." error={errors.officialName}>
              {(c) => (
                <input
                  id={c.id}
                  type="text"
                  dir="auto"
                  maxLength={120}
                  value={name}
                  aria-describedby={c.describedBy}
                  aria-invalid={c.invalid || undefined}
                  aria-required
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </FormField>
          )}
          <FormField id="move-on" label="Date of the move" required date hint="Today, or the real date it happened (not before the previous move)." error={errors.on}>
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
            id="move-note"
            label={move.noteRequired && move.kind !== 'advance' ? 'Reason' : 'Note'}
            required={noteRequired}
            hint="Enter starts a new line; Ctrl+Enter records the move."
            error={errors.note}
          >
            {(c) => (
              <textarea
                id={c.id}
                dir="auto"
                rows={3}
                value={note}
                aria-describedby={c.describedBy}
                aria-invalid={c.invalid || undefined}
                aria-required={noteRequired || undefined}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </FormField>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={move.kind === 'exit' ? 'button danger' : 'button primary'} disabled={saving}>
              {saving ? 'Recording…' : `Record: ${STAGE_LABELS[move.to]}`}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
