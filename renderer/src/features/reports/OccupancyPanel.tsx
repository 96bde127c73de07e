import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { periodKeyLabel } from '../../../../shared/domain/fiscal-period';
import { formatPercent, occupancyPercent, type OccupancyReturn } from '../../../../shared/domain/occupancy';
import type { Proposal } from '../../../../shared/domain/proposal';
import { formatDateTime } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { targetsText } from '../../../../shared/documents/park-register';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { periodNameOfKey } from './period-options';
import { ReturnDialog } from './ReturnDialog';
import './reports.css';

type ParkOccupancyView = OutputOf<'getParkOccupancy'>;

/**
 * A park's occupancy returns on its page: the latest occupancy against its MoU's targets and
 * the history, one return per month or quarter. Shown once the park is at Fit-out or beyond
 * (or has returns from then).
 */
export function OccupancyPanel({ proposal, onChanged }: { proposal: Proposal; onChanged(proposal: Proposal): void }) {
  const notify = useAppStore((s) => s.notify);
  const [view, setView] = useState<ParkOccupancyView | undefined>();
  const [dialog, setDialog] = useState<{ entry?: OccupancyReturn } | undefined>();
  const [removing, setRemoving] = useState<OccupancyReturn | undefined>();

  useEffect(() => {
    void call(api().getParkOccupancy({ id: proposal.id })).then((result) => result.ok && setView(result.value));
  }, [proposal.id, proposal.updatedAt]);

  if (!view || (!view.acceptsReturns && view.returns.length === 0)) return null;
  const latest = view.latest;

  const remove = async (entry: OccupancyReturn) => {
    setRemoving(undefined);
    const result = await call(api().removeOccupancyReturn({ proposalId: proposal.id, returnId: entry.id, expectedUpdatedAt: proposal.updatedAt }));
    if (!result.ok) return notify('error', `The return was not removed: ${result.error.message}`);
    notify('success', `The return for ${periodNameOfKey(entry.period)} was removed.`);
    onChanged(result.value);
  };

  return (
    <section className="stage-panel occupancy-panel" aria-labelledby="occupancy-heading">
      <div className="panel-heading-row">
        <h2 id="occupancy-heading">Occupancy returns</h2>
        {view.acceptsReturns && (
          <button type="button" className="button" onClick={() => setDialog({})}>
            Add return…
          </button>
        )}
      </div>
      {latest ? (
        <div className="occupancy-latest" role="group" aria-label="Latest occupancy">
          <p className="occupancy-figure">
            <strong>{formatPercent(latest.occupancyPercent)}</strong> occupancy
          </p>
          <p>
            {formatNumber(latest.seatsOccupied)} of {formatNumber(latest.seatsAvailable)} seats occupied, {formatNumber(latest.firmsHoused)}{' '}
            {latest.firmsHoused === 1 ? 'firm' : 'firms'} housed
            {latest.peopleEmployed !== undefined ? `, ${formatNumber(latest.peopleEmployed)} people employed` : ''}; return for {periodKeyLabel(latest.period)}.
          </p>
          <p className="muted">
            Against the targets of MoU {view.mouNumber ? <bdi>{view.mouNumber}</bdi> : '(none linked)'}: {targetsText(latest)}.
          </p>
        </div>
      ) : (
        <p className="muted">No return yet. Choose “Add return…” to record the firms, seats and people at this park for a month or a quarter.</p>
      )}
      {view.returns.length > 0 && (
        <table className="data-table compact occupancy-history" aria-label="Occupancy returns">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col" className="numeric">Firms</th>
              <th scope="col" className="numeric">Seats occupied</th>
              <th scope="col" className="numeric">Occupancy</th>
              <th scope="col" className="numeric">Employed</th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.returns.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {periodKeyLabel(r.period)}
                  <span className="muted cell-sub">
                    recorded {formatDateTime(r.recordedAt)}
                    {r.recordedBy ? ` by ${r.recordedBy}` : ''}
                  </span>
                </th>
                <td className="numeric">{formatNumber(r.firmsHoused)}</td>
                <td className="numeric">
                  {formatNumber(r.seatsOccupied)} of {formatNumber(r.seatsAvailable)}
                </td>
                <td className="numeric">{formatPercent(occupancyPercent(r))}</td>
                <td className="numeric">{r.peopleEmployed === undefined ? '—' : formatNumber(r.peopleEmployed)}</td>
                <td dir="auto" className="return-note">
                  {r.note ?? ''}
                  {r.firmNames && <span className="muted cell-sub">Firms: {r.firmNames.split(/\r?\n/).filter(Boolean).join(', ')}</span>}
                </td>
                <td className="row-actions">
                  {!proposal.archivedAt && (
                    <>
                      <button type="button" className="link-button" onClick={() => setDialog({ entry: r })} aria-label={`Edit the return for ${periodNameOfKey(r.period)}`}>
                        Edit
                      </button>{' '}
                      <button type="button" className="link-button" onClick={() => setRemoving(r)} aria-label={`Remove the return for ${periodNameOfKey(r.period)}`}>
                        Remove
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReturnDialog
        proposal={proposal}
        entry={dialog?.entry}
        open={dialog !== undefined}
        onClose={() => setDialog(undefined)}
        onSaved={(saved) => {
          setDialog(undefined);
          onChanged(saved);
        }}
      />
      <ConfirmDialog
        open={removing !== undefined}
        title={removing ? `Remove the return for ${periodNameOfKey(removing.period)}?` : 'Remove the return?'}
        message="Its figures leave this page, the register, the dashboard and the progress report. A backup taken earlier still holds it."
        confirmLabel="Remove return"
        destructive
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => removing && void remove(removing)}
      />
    </section>
  );
}
