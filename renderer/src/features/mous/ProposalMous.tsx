import { useEffect, useState } from 'react';
import { currentStage, enteredCurrentStageAt, type Proposal } from '../../../../shared/domain/proposal';
import { effectiveMoves, moveDate } from '../../../../shared/domain/move-history';
import { proposalMouStep } from '../../../../shared/domain/proposal-mou-step';
import { PIPELINE_STAGES } from '../../../../shared/domain/stages';
import type { MouSummary } from '../../../../shared/domain/mou-summary';
import { formatDate } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { MouStateBadge, MouStatusBadge } from './MouBadges';

const NEGOTIATION_INDEX = PIPELINE_STAGES.indexOf('mou-negotiation');

/** From MoU negotiation on, the MoU is the next thing to record, so Create MoU is offered first. */
function mouIsDue(proposal: Pick<Proposal, 'stageHistory'>): boolean {
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(currentStage(proposal));
  return index >= NEGOTIATION_INDEX;
}

/** The MoUs of one proposal, shown on its page, with Create MoU. */
export function ProposalMous({ proposal }: { proposal: Proposal }) {
  const navigate = useAppStore((s) => s.navigate);
  const [rows, setRows] = useState<MouSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    void call(api().listMous({ proposalId: proposal.id })).then((result) => (result.ok ? setRows(result.value) : setError(result.error.message)));
  }, [proposal.id, proposal.updatedAt]);

  const due = mouIsDue(proposal);
  const create = () => navigate({ screen: 'mou-form', proposalId: proposal.id });
  const outOfStep = rows
    ? proposalMouStep(
        { id: proposal.id, referenceNumber: proposal.fields.referenceNumber, title: proposal.fields.title, stage: currentStage(proposal), enteredStageAt: enteredCurrentStageAt(proposal), archivedAt: proposal.archivedAt },
        rows.map((r) => ({ id: r.id, mouNumber: r.mouNumber, proposalId: r.proposalId, status: r.status, archivedAt: r.archivedAt })),
      )
    : [];
  // The day the proposal reached MoU signed (by the moves that stand), to date the MoU that records it.
  const signedMove = effectiveMoves(proposal.stageHistory).findLast((m) => m.to === 'mou-signed' || m.passedStages?.includes('mou-signed'));
  const signedOn = signedMove?.to === 'mou-signed' ? moveDate(signedMove) : undefined;

  return (
    <section className="record-section proposal-mous" aria-labelledby="proposal-mous-heading">
      <div className="section-heading-row">
        <h2 id="proposal-mous-heading">MoUs</h2>
        {/* Offered first while the proposal is at MoU negotiation or later and has no MoU yet. */}
        <button type="button" className={due && rows?.length === 0 ? 'button primary' : 'button'} onClick={create}>
          Create MoU
        </button>
      </div>
      {outOfStep.map((issue) => (
        <div key={`${issue.kind}-${issue.mouId ?? ''}`} className="step-warning" role="note" aria-label="Out of step with its MoU">
          <p>
            <strong>Out of step:</strong> {issue.message}
          </p>
          {/* An MoU already entered is moved to Signed on its page; with none, a new one is recorded as signed. */}
          {issue.kind === 'proposal-ahead' &&
            rows
              ?.filter((r) => !r.archivedAt)
              .map((r) => (
                <button key={r.id} type="button" className="button small" onClick={() => navigate({ screen: 'mou', id: r.id })}>
                  Open MoU {r.mouNumber} to record it as signed
                </button>
              ))}
          {issue.kind === 'proposal-ahead' && !rows?.some((r) => !r.archivedAt) && (
            <button
              type="button"
              className="button small primary"
              onClick={() => navigate({ screen: 'mou-form', proposalId: proposal.id, ...(signedOn ? { start: { status: 'signed', on: signedOn } } : {}) })}
            >
              {signedOn ? `Record its MoU as signed on ${formatDate(signedOn)}` : 'Record its MoU as signed'}
            </button>
          )}
          {issue.kind === 'mou-ahead' && issue.mouId && (
            <button type="button" className="button small" onClick={() => navigate({ screen: 'mou', id: issue.mouId! })}>
              Open MoU {issue.mouNumber}
            </button>
          )}
        </div>
      ))}
      {error && (
        <p role="alert" className="load-error">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && outOfStep.length === 0 && (
        <p className="muted">
          {due
            ? 'This proposal is at MoU negotiation or later and has no MoU yet. Create it here; the parties, area and floors are filled in from the proposal.'
            : 'No MoU yet. An MoU is usually created once the proposal reaches MoU negotiation.'}
        </p>
      )}
      {rows && rows.length > 0 && (
        <table className="data-table compact" aria-label="MoUs of this proposal">
          <thead>
            <tr>
              <th scope="col">MoU number</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
              <th scope="col">Expiry</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <button type="button" className="link-button" dir="auto" onClick={() => navigate({ screen: 'mou', id: row.id })}>
                    MoU {row.mouNumber}
                  </button>
                  {row.archivedAt && <span className="muted"> (archived)</span>}
                </td>
                <td>
                  <MouStatusBadge status={row.status} />
                </td>
                <td className="nowrap">{formatDate(row.signedOn)}</td>
                <td className="nowrap">
                  {row.expiresOn ? formatDate(row.expiresOn) : <span className="muted">Not known</span>}{' '}
                  <MouStateBadge kind={row.state} label={row.stateLabel} warning={row.stateWarning} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
