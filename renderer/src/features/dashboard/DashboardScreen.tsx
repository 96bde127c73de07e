import { PIPELINE_STAGES, SIDE_EXIT_STAGES, STAGE_LABELS } from '../../../../shared/domain/stages';
import { formatArea, formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';

/** The home screen. Only the proposal figures for now; MoU figures arrive with MoU records. */
export function DashboardScreen() {
  useWindowTitle({ screen: 'dashboard' });
  const rows = useAppStore((s) => s.proposalSummaries);
  const loaded = useAppStore((s) => s.proposalsLoaded);
  const navigate = useAppStore((s) => s.navigate);

  if (loaded && rows.length === 0) {
    return (
      <section aria-labelledby="dashboard-heading">
        <h1 id="dashboard-heading">Dashboard</h1>
        <EmptyState title="Nothing to show yet">
          <p>Figures appear here once proposals are entered.</p>
          <div className="empty-actions">
            <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form' })}>
              New proposal
            </button>
            <button type="button" className="button" onClick={() => navigate({ screen: 'data' })}>
              Load sample data…
            </button>
          </div>
        </EmptyState>
      </section>
    );
  }

  const perStage = new Map<string, number>();
  for (const row of rows) perStage.set(row.stage, (perStage.get(row.stage) ?? 0) + 1);
  const totalArea = rows.reduce((sum, row) => sum + row.grossAreaSqFt, 0);
  const operational = perStage.get('operational') ?? 0;

  return (
    <section aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">Dashboard</h1>
      <div className="figures">
        <div className="figure">
          <span className="figure-value">{formatNumber(rows.length)}</span>
          <span className="figure-label">Proposals</span>
        </div>
        <div className="figure">
          <span className="figure-value">{formatNumber(operational)}</span>
          <span className="figure-label">Parks operational</span>
        </div>
        <div className="figure">
          <span className="figure-value">{formatArea(totalArea)}</span>
          <span className="figure-label">Area proposed</span>
        </div>
      </div>
      <h2>Proposals per stage</h2>
      <table className="data-table compact" aria-label="Proposals per stage">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col" className="numeric">
              Proposals
            </th>
          </tr>
        </thead>
        <tbody>
          {[...PIPELINE_STAGES, ...SIDE_EXIT_STAGES].map((stage) => (
            <tr key={stage}>
              <td>{STAGE_LABELS[stage]}</td>
              <td className="numeric">{formatNumber(perStage.get(stage) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
