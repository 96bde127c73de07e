import { useEffect, useState } from 'react';
import { currentStage, type Proposal } from '../../../../shared/domain/proposal';
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
  }, [proposal.id]);

  const due = mouIsDue(proposal);
  const create = () => navigate({ screen: 'mou-form', proposalId: proposal.id });

  return (
    <section className="record-section proposal-mous" aria-labelledby="proposal-mous-heading">
      <div className="section-heading-row">
        <h2 id="proposal-mous-heading">MoUs</h2>
        {/* Offered first while the proposal is at MoU negotiation or later and has no MoU yet. */}
        <button type="button" className={due && rows?.length === 0 ? 'button primary' : 'button'} onClick={create}>
          Create MoU
        </button>
      </div>
      {error && (
        <p role="alert" className="load-error">
          {error}
        </p>
      )}
      {rows && rows.length === 0 && (
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
