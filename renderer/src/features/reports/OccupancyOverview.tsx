import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { formatPercent } from '../../../../shared/domain/occupancy';
import { formatNumber } from '../../../../shared/format/numbers';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import './reports.css';

/** The dashboard's occupancy figure: parks at Fit-out or Operational, from each one's latest return. */
export function OccupancyOverview() {
  const navigate = useAppStore((s) => s.navigate);
  const summaries = useAppStore((s) => s.proposalSummaries);
  const [overview, setOverview] = useState<OutputOf<'getOccupancyOverview'> | undefined>();

  useEffect(() => {
    void call(api().getOccupancyOverview({})).then((result) => result.ok && setOverview(result.value));
  }, [summaries]);

  if (!overview || overview.parksExpected === 0) return null;
  const o = overview;
  return (
    <section aria-labelledby="occupancy-overview-heading" className="occupancy-overview">
      <h2 id="occupancy-overview-heading">Occupancy of operational parks</h2>
      <div className="figures">
        <button type="button" className="figure figure-link" onClick={() => navigate({ screen: 'reports' })}>
          <span className="figure-value">{o.parksReporting ? formatPercent(o.occupancyPercent) : '—'}</span>
          <span className="figure-label">
            {o.parksReporting
              ? `${formatNumber(o.seatsOccupied)} of ${formatNumber(o.seatsAvailable)} seats occupied`
              : 'no occupancy returns yet'}
          </span>
        </button>
        <div className="figure">
          <span className="figure-value">
            {formatNumber(o.parksReporting)} of {formatNumber(o.parksExpected)}
          </span>
          <span className="figure-label">parks at Fit-out or Operational with a return</span>
        </div>
        {o.firms.parks > 0 && (
          <div className="figure">
            <span className="figure-value">
              {formatNumber(o.firms.achieved)} of {formatNumber(o.firms.target)}
            </span>
            <span className="figure-label">firms against MoU targets</span>
          </div>
        )}
      </div>
    </section>
  );
}
