import { useEffect, useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { PARTNER_TYPE_LABELS } from '../../../../shared/domain/proposal';
import type { ProposalListFilters } from '../../../../shared/domain/proposal-list-query';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { formatDate } from '../../../../shared/format/dates';
import { formatArea, formatNumber } from '../../../../shared/format/numbers';
import { api, call } from '../../app/api-client';
import type { MouListPreset } from '../../app/slices/navigation-slice';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { StageBadge } from '../../components/StageBadge';
import { StageChart } from './StageChart';

type Dashboard = OutputOf<'getDashboard'>;

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** A figure that opens the list behind it. */
function FigureLink({ value, label, onOpen, tone }: { value: ReactNode; label: string; onOpen(): void; tone?: 'warn' }) {
  return (
    <button type="button" className={`figure figure-link${tone ? ` figure-${tone}` : ''}`} onClick={onOpen}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </button>
  );
}

/** The home screen: what needs attention first, then the programme's figures, each linked to its list. */
export function DashboardScreen() {
  useWindowTitle({ screen: 'dashboard' });
  const navigate = useAppStore((s) => s.navigate);
  const summaries = useAppStore((s) => s.proposalSummaries);
  const mouSummaries = useAppStore((s) => s.mouSummaries);
  const [dashboard, setDashboard] = useState<Dashboard | undefined>();
  const [error, setError] = useState<string | undefined>();

  // Computed in main each time the dashboard is shown, and again whenever the proposals or
  // MoUs in the store change (a move, an archive, an MoU saved, sample data).
  useEffect(() => {
    void call(api().getDashboard({})).then((result) => (result.ok ? setDashboard(result.value) : setError(result.error.message)));
  }, [summaries, mouSummaries]);

  const toProposals = (filters: ProposalListFilters) => navigate({ screen: 'proposals', filters });
  const toMous = (preset?: MouListPreset) => navigate(preset ? { screen: 'mous', preset } : { screen: 'mous' });

  if (error) {
    return (
      <section aria-labelledby="dashboard-heading">
        <h1 id="dashboard-heading">Dashboard</h1>
        <p role="alert" className="load-error">
          The figures could not be computed: {error}
        </p>
      </section>
    );
  }
  if (!dashboard) return <p aria-busy="true">Working out the figures…</p>;

  if (dashboard.proposalCount === 0 && dashboard.mouCount === 0) {
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

  const d = dashboard;
  const { count: operational, target } = d.operational;
  const overdue = d.overdueObligations;

  return (
    <section aria-labelledby="dashboard-heading" className="dashboard">
      <header className="screen-header">
        <h1 id="dashboard-heading">Dashboard</h1>
        <p className="muted">Figures as of {formatDate(d.today)}; archived proposals are left out.</p>
      </header>

      <section aria-labelledby="attention-heading" className="attention">
        <h2 id="attention-heading">Needs attention</h2>
        <div className="attention-grid">
          <div className="panel-card" role="group" aria-labelledby="expiring-heading">
            <h3 id="expiring-heading">MoUs expiring</h3>
            <div className="figure-row">
              {d.mousExpiring.map((w) => (
                <FigureLink
                  key={w.withinDays}
                  value={formatNumber(w.count)}
                  label={`within ${w.withinDays} days`}
                  tone={w.count > 0 ? 'warn' : undefined}
                  onOpen={() => toMous(`expiring-${w.withinDays}` as MouListPreset)}
                />
              ))}
            </div>
          </div>

          <div className="panel-card" role="group" aria-labelledby="overdue-heading">
            <h3 id="overdue-heading">Overdue obligations</h3>
            <FigureLink
              value={formatNumber(overdue.count)}
              label={overdue.count === 0 ? 'none overdue' : `overdue, in ${plural(overdue.mouCount, 'MoU', 'MoUs')}`}
              tone={overdue.count > 0 ? 'warn' : undefined}
              onOpen={() => toMous('overdue-obligations')}
            />
            {overdue.items.length > 0 && (
              <ul className="attention-list">
                {overdue.items.slice(0, 3).map((item, i) => (
                  <li key={`${item.mouId}-${i}`} dir="auto">
                    <button type="button" className="link-button" onClick={() => navigate({ screen: 'mou', id: item.mouId })}>
                      {item.mouNumber}
                    </button>
                    : {item.description}{' '}
                    <span className="overdue-text">
                      due {formatDate(item.dueOn)}, {plural(item.daysOverdue, 'day', 'days')} overdue
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>

          <div className="panel-card wide" role="group" aria-labelledby="stuck-heading">
            <h3 id="stuck-heading">Stuck longest in their stage</h3>
            {d.stuck.length === 0 ? (
              <p className="muted">No proposal is waiting in the pipeline.</p>
            ) : (
              <table className="data-table compact" aria-labelledby="stuck-heading">
                <thead>
                  <tr>
                    <th scope="col">Proposal</th>
                    <th scope="col">Stage</th>
                    <th scope="col" className="numeric">
                      Days in stage
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.stuck.map((row) => (
                    <tr key={row.id}>
                      <td dir="auto">
                        <button type="button" className="link-button" onClick={() => navigate({ screen: 'proposal', id: row.id })}>
                          {row.title}
                        </button>{' '}
                        <span className="muted">{row.city}</span>
                      </td>
                      <td>
                        <StageBadge stage={row.stage} />
                      </td>
                      <td className="numeric">{formatNumber(row.days)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>

          <div className="panel-card" role="group" aria-labelledby="periods-heading">
            <h3 id="periods-heading">Subsidy and free internet ending within 90 days</h3>
            {d.periodsEnding.length === 0 ? (
              <p className="muted">None ending in the next 90 days.</p>
            ) : (
              <ul className="attention-list">
                {d.periodsEnding.map((p, i) => (
                  <li key={`${p.mouId}-${p.period}-${i}`}>
                    <button type="button" className="link-button" onClick={() => navigate({ screen: 'mou', id: p.mouId })}>
                      {p.mouNumber}
                    </button>
                    : {p.period === 'subsidy' ? 'rental subsidy' : 'free internet'} ends {formatDate(p.endsOn)} (
                    {plural(p.daysLeft, 'day', 'days')} left)
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section aria-labelledby="parks-heading">
        <h2 id="parks-heading">Parks and space</h2>
        <div className="figures">
          <FigureLink
            value={target === undefined ? formatNumber(operational) : `${formatNumber(operational)} of ${formatNumber(target)}`}
            label={target === undefined ? 'parks operational (set a target under Data)' : 'parks operational against target'}
            onOpen={() => toProposals({ stage: 'operational' })}
          />
          <FigureLink value={areaSum(d.area.proposedSqFt, d.area.unknown.proposed)} label="proposed (open proposals)" onOpen={() => toProposals({ stage: 'open' })} />
          <FigureLink value={areaSum(d.area.signedSqFt, d.area.unknown.signed)} label="signed (MoU signed or later)" onOpen={() => toProposals({ stage: 'signed' })} />
          <FigureLink value={areaSum(d.area.operationalSqFt, d.area.unknown.operational)} label="operational" onOpen={() => toProposals({ stage: 'operational' })} />
        </div>
      </section>

      <section aria-labelledby="per-stage-heading">
        <h2 id="per-stage-heading">Proposals per stage</h2>
        <div className="chart-and-table">
          <StageChart perStage={d.perStage} onStage={(stage) => toProposals({ stage })} />
          <table className="data-table compact" aria-labelledby="per-stage-heading">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="numeric">
                  Proposals
                </th>
              </tr>
            </thead>
            <tbody>
              {d.perStage.map((row) => (
                <tr key={row.stage}>
                  <td>
                    <button type="button" className="link-button" onClick={() => toProposals({ stage: row.stage })}>
                      {STAGE_LABELS[row.stage]}
                    </button>
                  </td>
                  <td className="numeric">{formatNumber(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="dashboard-columns">
        <section aria-labelledby="province-heading">
          <h2 id="province-heading">Parks by province</h2>
          <PlaceTable
            label="Parks by province"
            rows={d.byProvince.map((p) => ({ key: p.province, name: p.province, ...p, open: () => toProposals({ stage: 'open', province: p.province }) }))}
          />
        </section>
        <section aria-labelledby="city-heading">
          <h2 id="city-heading">Parks by city</h2>
          <PlaceTable
            label="Parks by city"
            rows={d.byCity.slice(0, 10).map((c) => ({
              key: `${c.province}-${c.city}`,
              name: c.city,
              ...c,
              open: () => toProposals({ stage: 'open', province: c.province, city: c.city }),
            }))}
          />
          {d.byCity.length > 10 && <p className="muted">The ten cities with most proposals; filter the list by city for the rest.</p>}
        </section>
        <section aria-labelledby="partner-heading">
          <h2 id="partner-heading">Partner mix</h2>
          <table className="data-table compact" aria-labelledby="partner-heading">
            <thead>
              <tr>
                <th scope="col">Partner type</th>
                <th scope="col" className="numeric">
                  Open proposals
                </th>
              </tr>
            </thead>
            <tbody>
              {d.partnerMix.map((row) => (
                <tr key={row.partnerType ?? 'unknown'}>
                  <td>
                    {row.partnerType ? (
                      <button type="button" className="link-button" onClick={() => toProposals({ stage: 'open', partnerType: row.partnerType })}>
                        {PARTNER_TYPE_LABELS[row.partnerType]}
                      </button>
                    ) : (
                      <span className="muted">Not recorded</span>
                    )}
                  </td>
                  <td className="numeric">{formatNumber(row.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  );
}

/** A sum of known areas that says how many were not known, rather than counting them as 0. */
function areaSum(sqFt: number, unknown: number): string {
  if (unknown === 0) return formatArea(sqFt);
  const rest = `${formatNumber(unknown)} not known`;
  return sqFt === 0 ? `Area ${rest}` : `${formatArea(sqFt)} + ${rest}`;
}

function PlaceTable({
  label,
  rows,
}: {
  label: string;
  rows: { key: string; name: string; proposals: number; operational: number; grossAreaSqFt: number; areaUnknown: number; open(): void }[];
}) {
  if (rows.length === 0) return <p className="muted">No open proposals.</p>;
  return (
    <table className="data-table compact" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Place</th>
          <th scope="col" className="numeric">
            Open
          </th>
          <th scope="col" className="numeric">
            Operational
          </th>
          <th scope="col" className="numeric">
            Area
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td dir="auto">
              <button type="button" className="link-button" onClick={row.open}>
                {row.name}
              </button>
            </td>
            <td className="numeric">{formatNumber(row.proposals)}</td>
            <td className="numeric">{formatNumber(row.operational)}</td>
            <td className="numeric nowrap">{areaSum(row.grossAreaSqFt, row.areaUnknown)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
