import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  MOU_STATUS_LABELS,
  MOU_TYPE_LABELS,
  PARTY_TYPE_LABELS,
  UTILITY_PAYER_LABELS,
  currentMouStatus,
  mouStatusSince,
  type Amendment,
  type Mou,
  type MouStatus,
  type Obligation,
} from '../../../../shared/domain/mou';
import { obligationState } from '../../../../shared/domain/mou-dates';
import { deriveMouState, describeTerm } from '../../../../shared/domain/mou-state';
import { mouStatusOptions } from '../../../../shared/domain/mou-status';
import { checkCorrection } from '../../../../shared/domain/move-history';
import { currentStage, enteredCurrentStageAt, type Proposal } from '../../../../shared/domain/proposal';
import { mouStepOf, proposalMouStep } from '../../../../shared/domain/proposal-mou-step';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { CorrectMoveDialog, describeMove } from '../../components/CorrectMoveDialog';
import { ChangeHistory } from '../history/ChangeHistory';
import { MoveTimeline } from '../../components/MoveTimeline';
import { NextActionPanel } from '../next-actions/NextActionPanel';
import { formatDate, formatDateTime, todayInPakistan } from '../../../../shared/format/dates';
import { formatArea, formatNumber, formatRupees } from '../../../../shared/format/numbers';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FoldedFacts } from '../../components/FoldedFacts';
import { AmendmentDialog } from './AmendmentDialog';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { MouStateBadge, MouStatusBadge, ObligationBadge } from './MouBadges';
import { ObligationDialog } from './ObligationDialog';
import { ProposalLinkPanel } from './ProposalLinkPanel';
import { StatusMoveDialog } from './StatusMoveDialog';
import { countOf } from '../../../../shared/format/plural';
import { useMouArchiveActions } from './use-mou-archive-actions';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === undefined || children === null || children === '';
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd dir="auto" className={empty ? 'muted' : undefined}>
        {empty ? 'Not recorded' : children}
      </dd>
    </div>
  );
}

/** The steps forward along Draft → Active, shown like a proposal's next stage; the side exits stay plain. */
const FORWARD_MOVES: ReadonlySet<MouStatus> = new Set(['legal-review', 'approved', 'signed', 'active']);

/** One MoU: parties, dates with expiry, money, obligations, amendments, status and its history. */
export function MouPage({ id }: { id: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const summaries = useAppStore((s) => s.mouSummaries);
  const loadMous = useAppStore((s) => s.loadMous);
  const [mou, setMou] = useState<Mou | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [obligationDialog, setObligationDialog] = useState<{ obligation?: Obligation } | undefined>();
  const [amendmentDialog, setAmendmentDialog] = useState<{ amendment?: Amendment } | undefined>();
  const [moveTo, setMoveTo] = useState<MouStatus | undefined>();
  const [reopening, setReopening] = useState<Obligation | undefined>();
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [correcting, setCorrecting] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const { archive, restore } = useMouArchiveActions();
  const linkedId = mou?.fields.proposalId;
  useWindowTitle({ screen: 'mou', id }, mou?.fields.mouNumber);

  useEffect(() => {
    void call(api().getMou({ id })).then((result) => (result.ok ? setMou(result.value) : setError(result.error.message)));
    void loadMous();
  }, [id, loadMous]);

  useEffect(() => {
    if (!linkedId) return setProposal(undefined);
    void call(api().getProposal({ id: linkedId })).then((result) => setProposal(result.ok ? result.value : undefined));
  }, [linkedId, mou?.updatedAt]);

  const today = todayInPakistan();
  const successorIds = useMemo(() => summaries.filter((s) => s.previousMouId === id).map((s) => s.id), [summaries, id]);

  if (error) {
    return (
      <div role="alert" className="load-error">
        <h1>Could not open this MoU</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={() => navigate({ screen: 'mous' })}>
          Back to MoUs
        </button>
      </div>
    );
  }
  if (!mou) return <p aria-busy="true">Loading MoU…</p>;

  const f = mou.fields;
  const status = currentMouStatus(mou);
  const state = deriveMouState(mou, today);
  const expiry = state.expiresOn;
  const partyName = (partyId: string) => f.parties.find((p) => p.id === partyId)?.name ?? 'Unknown party';
  const options = mou.archivedAt ? [] : mouStatusOptions(mou, { successorIds, today });
  const correction = mou.archivedAt ? undefined : checkCorrection(mou.statusHistory, 'any');
  const lastMove = correction?.ok ? correction : undefined;
  const outOfStep = proposal
    ? proposalMouStep({ id: proposal.id, referenceNumber: proposal.fields.referenceNumber, title: proposal.fields.title, stage: currentStage(proposal), enteredStageAt: enteredCurrentStageAt(proposal), archivedAt: proposal.archivedAt }, [mouStepOf(mou)])
    : [];
  const moveProposalToSigned = async () => {
    if (!proposal || !f.signedOn) return;
    const result = await call(
      api().moveProposalStage({
        id: proposal.id,
        expectedUpdatedAt: proposal.updatedAt,
        to: 'mou-signed',
        on: f.signedOn,
        note: `MoU ${f.mouNumber} recorded as signed on ${formatDate(f.signedOn)}.`,
      }),
    );
    if (!result.ok) return notify('error', result.error.message);
    setProposal(result.value);
    notify('success', `Proposal ${result.value.fields.referenceNumber} moved to MoU signed on ${formatDate(f.signedOn)}.`);
  };
  const previous = f.previousMouId ? summaries.find((s) => s.id === f.previousMouId) : undefined;
  const successors = summaries.filter((s) => successorIds.includes(s.id));

  const saved = (updated: Mou) => {
    setMou(updated);
    void loadMous();
  };

  const setDone = async (obligation: Obligation, completedOn: string) => {
    const result = await call(api().setMouObligationDone({ mouId: mou.id, obligationId: obligation.id, completedOn }));
    if (!result.ok) return notify('error', result.error.message);
    saved(result.value);
    notify('success', completedOn ? `Marked done on ${formatDate(completedOn)}.` : 'Obligation reopened.');
  };

  return (
    <article className="record-page mou-page" aria-labelledby="mou-heading">
      <header className="screen-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'mous' })}>
              MoUs
            </button>{' '}
            / {f.mouNumber}
          </p>
          <h1 id="mou-heading" dir="auto">
            MoU {f.mouNumber}
          </h1>
          <p className="stage-line">
            <MouStatusBadge status={status} /> <span>{MOU_TYPE_LABELS[f.type]} MoU</span>{' '}
            <MouStateBadge kind={state.kind} label={state.label} warning={state.warning} />
          </p>
          <p className="state-sentence" data-testid="mou-state-sentence">
            {state.sentence}
          </p>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => navigate({ screen: 'mou-summary', id: mou.id })}>
            Preview / Export PDF
          </button>
          {mou.archivedAt ? (
            <button type="button" className="button primary" onClick={async () => { const restored = await restore(mou); if (restored) saved(restored); }}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={() => setConfirmArchive(true)}>
                Archive…
              </button>
              <button type="button" className="button primary" onClick={() => navigate({ screen: 'mou-form', id: mou.id })}>
                Edit
              </button>
            </>
          )}
        </div>
      </header>

      {mou.archivedAt && (
        <p className="archived-banner" role="note">
          Archived on {formatDateTime(mou.archivedAt)}. It is hidden from the MoU list and left out of the dashboard; restore it to edit it or move its status.
        </p>
      )}

      {outOfStep.map((issue) => (
        <div key={issue.kind} className="step-warning" role="note" aria-label="Out of step with its proposal">
          <p>
            <strong>Out of step:</strong> {issue.message}
            {proposal && ` It is at ${STAGE_LABELS[currentStage(proposal)]}.`}
          </p>
          {issue.kind === 'mou-ahead' && proposal && f.signedOn && (
            <button type="button" className="button small" onClick={() => void moveProposalToSigned()}>
              Move the proposal to MoU signed on {formatDate(f.signedOn)}
            </button>
          )}
        </div>
      ))}

      <section className="record-section" aria-labelledby="mou-status-heading">
        <h2 id="mou-status-heading">Status</h2>
        <div className="status-moves">
          <span>
            Now <MouStatusBadge status={status} /> <span className="muted">since {formatDate(state.statusSince)}</span>
          </span>
          {mou.archivedAt ? (
            <span className="muted">Archived: restore it to move its status.</span>
          ) : options.length === 0 ? (
            <span className="muted">{MOU_STATUS_LABELS[status]} is a final status; no further moves.</span>
          ) : (
            options.map((option) => (
              <span key={option.to} className="status-move">
                <button
                  type="button"
                  className={FORWARD_MOVES.has(option.to) ? 'button primary' : 'button'}
                  disabled={Boolean(option.problem)}
                  data-next-action={FORWARD_MOVES.has(option.to) || undefined}
                  aria-describedby={option.problem ? `move-problem-${option.to}` : undefined}
                  onClick={() => setMoveTo(option.to)}
                >
                  Move to {MOU_STATUS_LABELS[option.to]}…
                </button>
                {option.passes.length > 0 && !option.problem && (
                  <span className="hint">passes {option.passes.map((s) => MOU_STATUS_LABELS[s]).join(', ')}</span>
                )}
                {option.problem && (
                  <span className="hint" id={`move-problem-${option.to}`}>
                    {option.problem}
                  </span>
                )}
              </span>
            ))
          )}
        </div>
        {lastMove && (
          <p className="correct-line">
            <button type="button" className="button small" onClick={() => setCorrecting(true)}>
              Correct the last move…
            </button>{' '}
            <span className="muted">
              Recorded {MOU_STATUS_LABELS[lastMove.withdrawn.from ?? lastMove.withdrawn.to]} → {MOU_STATUS_LABELS[lastMove.withdrawn.to]} by mistake? Withdraw it; the history keeps both.
            </span>
          </p>
        )}
      </section>

      {/* What an official acts on comes first: the state above, then the dates it turns on and what is owed. */}
      <NextActionPanel
        record={{ kind: 'mou', id: mou.id, updatedAt: mou.updatedAt }}
        nextAction={mou.nextAction}
        done={mou.nextActionsDone}
        archived={Boolean(mou.archivedAt)}
        onChanged={async () => {
          const result = await call(api().getMou({ id: mou.id }));
          if (result.ok) saved(result.value);
        }}
      />

      <section className="record-section" aria-labelledby="mou-dates-heading">
        <h2 id="mou-dates-heading">Key dates</h2>
        <FoldedFacts>
          <Fact label="Date signed">{formatDate(f.signedOn)}</Fact>
          <Fact label="Effective date">{formatDate(f.effectiveOn)}</Fact>
          <Fact label="Term">{describeTerm(f)}</Fact>
          <Fact label="Expiry (derived)">
            {expiry ? (
              <>
                {formatDate(expiry)}{' '}
                <span className="muted">({state.expiryBasis === 'effective' ? 'from the effective date and term' : 'from the date signed and term; no effective date is recorded'})</span>{' '}
                <MouStateBadge kind={state.kind} label={state.label} />
              </>
            ) : (
              <span className="muted">Not known: {state.missing ?? 'needs the date signed or effective, and the term'}</span>
            )}
          </Fact>
          <Fact label="Notice period">
            {f.noticePeriodDays === undefined ? undefined : (
              <>
                {countOf(f.noticePeriodDays, 'day')}
                {state.noticeBy && <span className="muted"> · give notice by {formatDate(state.noticeBy)}</span>}
              </>
            )}
          </Fact>
          <Fact label="Renewal terms">{f.renewalTerms}</Fact>
          <Fact label="Next review date">{formatDate(f.nextReviewOn)}</Fact>
        </FoldedFacts>
      </section>

      <section className="record-section" aria-labelledby="mou-obligations-heading">
        <div className="section-heading-row">
          <h2 id="mou-obligations-heading">Obligations</h2>
          <button type="button" className="button" onClick={() => setObligationDialog({})}>
            Add obligation
          </button>
        </div>
        {f.obligations.length === 0 ? (
          <p className="muted">No obligations recorded. Add what each party must do, with its due date, so overdue ones are flagged.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-label="Obligations">
              <thead>
                <tr>
                  <th scope="col">Obligation</th>
                  <th scope="col">Owed by</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">State</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {f.obligations.map((o) => {
                  const state = obligationState(o, today);
                  return (
                    <tr key={o.id}>
                      <td dir="auto">{o.description}</td>
                      <td dir="auto">{partyName(o.partyId)}</td>
                      <td dir="auto">{o.owner}</td>
                      <td className="nowrap">{formatDate(o.dueOn)}</td>
                      <td className="nowrap">
                        <ObligationBadge state={state} />
                        {o.completedOn && <span className="muted"> {formatDate(o.completedOn)}</span>}
                      </td>
                      <td className="nowrap">
                        <div className="row-actions">
                          {state === 'done' ? (
                            <button type="button" className="button small" aria-label={`Reopen: ${o.description}`} onClick={() => setReopening(o)}>
                              Reopen
                            </button>
                          ) : (
                            <button type="button" className="button small" aria-label={`Mark done: ${o.description}`} onClick={() => void setDone(o, today)}>
                              Mark done
                            </button>
                          )}
                          <button type="button" className="button small" aria-label={`Edit: ${o.description}`} onClick={() => setObligationDialog({ obligation: o })}>
                            Edit
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AttachmentsPanel
        recordType="mou"
        record={mou}
        recordLabel={`MoU ${f.mouNumber}`}
        onChanged={async () => {
          const result = await call(api().getMou({ id: mou.id }));
          if (result.ok) saved(result.value);
        }}
      />

      <ProposalLinkPanel mou={mou} onChanged={saved} />

      <div className="record-sections">
        <section className="record-section" aria-labelledby="mou-parties-heading">
          <h2 id="mou-parties-heading">Parties and signatories</h2>
          {f.parties.map((party) => (
            <div key={party.id} className="party-card">
              <h3 dir="auto">{party.name}</h3>
              <p className="muted">
                {party.role} · {PARTY_TYPE_LABELS[party.type]}
              </p>
              {party.signatories.length === 0 ? (
                <p className="muted">No signatory recorded.</p>
              ) : (
                <ul className="plain-list">
                  {party.signatories.map((s, index) => (
                    <li key={index}>
                      <strong>
                        <bdi>{s.name}</bdi>
                      </strong>
                      , <bdi>{s.designation}</bdi>
                      {s.signedOn && <span className="muted"> · signed {formatDate(s.signedOn)}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          <FoldedFacts>
            <Fact label="Witnesses">{f.witnesses.map((w) => (w.designation ? `${w.name}, ${w.designation}` : w.name)).join('; ')}</Fact>
            <Fact label="Venue">{f.venue}</Fact>
          </FoldedFacts>
        </section>

        <section className="record-section" aria-labelledby="mou-space-heading">
          <h2 id="mou-space-heading">Space, rent and utilities</h2>
          <FoldedFacts>
            <Fact label="Area committed">{formatArea(f.areaCommittedSqFt)}</Fact>
            <Fact label="Floors committed">{f.floorsCommitted}</Fact>
            <Fact label="Rent">{f.rentPerSqFt !== undefined ? `${formatRupees(f.rentPerSqFt)} per sq ft` : undefined}</Fact>
            <Fact label="PSEB rental subsidy">{f.subsidyPercent !== undefined ? `${formatNumber(f.subsidyPercent)}%` : undefined}</Fact>
            <Fact label="Subsidy end date">{formatDate(f.subsidyEndsOn)}</Fact>
            <Fact label="Free internet end date">{formatDate(f.freeInternetEndsOn)}</Fact>
            <Fact label="Who pays utilities">{f.utilitiesPaidBy ? UTILITY_PAYER_LABELS[f.utilitiesPaidBy] : undefined}</Fact>
          </FoldedFacts>
        </section>

        <section className="record-section" aria-labelledby="mou-targets-heading">
          <h2 id="mou-targets-heading">Targets and clauses</h2>
          <FoldedFacts>
            <Fact label="Target firms">{formatNumber(f.targetFirms)}</Fact>
            <Fact label="Target seats">{formatNumber(f.targetSeats)}</Fact>
            <Fact label="Target jobs">{formatNumber(f.targetJobs)}</Fact>
            <Fact label="Termination">{f.terminationClause}</Fact>
            <Fact label="Disputes">{f.disputesClause}</Fact>
            <Fact label="Branding">{f.brandingClause}</Fact>
            <Fact label="Confidentiality">{f.confidentialityClause}</Fact>
            <Fact label="Notes">{f.notes}</Fact>
          </FoldedFacts>
        </section>
      </div>

      <section className="record-section" aria-labelledby="mou-amendments-heading">
        <div className="section-heading-row">
          <h2 id="mou-amendments-heading">Amendments and renewals</h2>
          <button type="button" className="button" onClick={() => setAmendmentDialog({})}>
            Add amendment
          </button>
        </div>
        {f.previousMouId && !previous && summaries.length > 0 && (
          <p role="note">Renews or supersedes an MoU that is not in Park Desk (it may have been left out of an import). Edit this MoU to choose another, or None.</p>
        )}
        {previous && (
          <p>
            Renews or supersedes{' '}
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'mou', id: previous.id })}>
              MoU {previous.mouNumber}
            </button>
          </p>
        )}
        {successors.map((s) => (
          <p key={s.id}>
            Renewed or superseded by{' '}
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'mou', id: s.id })}>
              MoU {s.mouNumber}
            </button>
          </p>
        ))}
        {f.amendments.length === 0 ? (
          <p className="muted">No amendments recorded.</p>
        ) : (
          <table className="data-table compact" aria-label="Amendments">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Date</th>
                <th scope="col">Reason</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {f.amendments.map((a) => (
                <tr key={a.id}>
                  <td dir="auto">{a.number}</td>
                  <td className="nowrap">{formatDate(a.date)}</td>
                  <td dir="auto">{a.reason}</td>
                  <td>
                    <button type="button" className="button small" aria-label={`Edit amendment ${a.number}`} onClick={() => setAmendmentDialog({ amendment: a })}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="record-section" aria-labelledby="mou-timeline-heading">
        <h2 id="mou-timeline-heading">Status history</h2>
        <MoveTimeline
          history={mou.statusHistory.map((m) => ({ ...m, passed: m.passedStatuses }))}
          labels={MOU_STATUS_LABELS}
          listLabel="Status moves, newest first"
          entryWord="as"
        />
      </section>

      <ChangeHistory kind="mou" recordId={mou.id} record={mou} version={mou.updatedAt} />

      <ObligationDialog
        mou={mou}
        obligation={obligationDialog?.obligation}
        open={obligationDialog !== undefined}
        onClose={() => setObligationDialog(undefined)}
        onSaved={(updated) => {
          saved(updated);
          setObligationDialog(undefined);
        }}
      />
      <AmendmentDialog
        mou={mou}
        amendment={amendmentDialog?.amendment}
        open={amendmentDialog !== undefined}
        onClose={() => setAmendmentDialog(undefined)}
        onSaved={(updated) => {
          saved(updated);
          setAmendmentDialog(undefined);
        }}
      />
      <StatusMoveDialog
        mou={mou}
        to={moveTo}
        proposal={proposal}
        successorIds={successorIds}
        onClose={() => setMoveTo(undefined)}
        onMoved={(updated) => {
          saved(updated);
          setMoveTo(undefined);
        }}
      />
      {lastMove && (
        <CorrectMoveDialog
          open={correcting}
          move={describeMove(lastMove.withdrawn, MOU_STATUS_LABELS)}
          backTo={MOU_STATUS_LABELS[lastMove.restored.to]}
          onClose={() => setCorrecting(false)}
          onCorrect={async (reason) => {
            const result = await call(api().correctMouMove({ id: mou.id, expectedUpdatedAt: mou.updatedAt, reason }));
            if (!result.ok) return { field: Object.keys(result.error.fieldErrors ?? {})[0], message: result.error.message };
            setCorrecting(false);
            saved(result.value);
            notify('success', `Move withdrawn: MoU ${f.mouNumber} is back at ${MOU_STATUS_LABELS[currentMouStatus(result.value)]}.`);
            return undefined;
          }}
        />
      )}
      <ConfirmDialog
        open={confirmArchive}
        title={`Archive MoU ${f.mouNumber}?`}
        message="It will be hidden from the MoU list and left out of every dashboard figure. Nothing is deleted: you can restore it from the archived MoUs at any time."
        confirmLabel="Archive"
        destructive
        onCancel={() => setConfirmArchive(false)}
        onConfirm={async () => {
          setConfirmArchive(false);
          if (await archive(mou)) navigate({ screen: 'mous' });
        }}
      />
      <ConfirmDialog
        open={reopening !== undefined}
        title="Reopen this obligation?"
        message={`"${reopening?.description ?? ''}" will count as open again${reopening?.dueOn && reopening.dueOn < today ? ' and show as overdue' : ''}. Its date done is cleared.`}
        confirmLabel="Reopen"
        onConfirm={() => {
          if (reopening) void setDone(reopening, '');
          setReopening(undefined);
        }}
        onCancel={() => setReopening(undefined)}
      />
    </article>
  );
}
