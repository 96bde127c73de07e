import { useEffect, useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { AREA_FIGURE_FILTERS, EXPIRY_WINDOWS, type AreaFigure } from '../../../../shared/domain/dashboard';
import { NOTICE_WINDOW_DAYS } from '../../../../shared/domain/mou-state';
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
import { OccupancyOverview } from '../reports/OccupancyOverview';
import { OutOfStepPanel } from './OutOfStepPanel';
import { StuckThresholdForm } from './StuckThresholdForm';
import { OffPcCopyWarning } from '../off-pc-copy/OffPcCopyWarning';
import { NextActionsPanel } from './NextActionsPanel';

const AREA_FIGURES: { key: AreaFigure; label: string }[] = [
  { key: 'pipeline', label: 'in the pipeline, before MoU signed' },
  { key: 'signed', label: 'MoU signed or in fit-out' },
  { key: 'operational', label: 'operational' },
  { key: 'onHold', label: 'on hold' },
];

type Dashboard = OutputOf<'getDashboard'>;

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** A figure that opens the list behind it. */
function FigureLink({ value, label, onOpen, tone }: { value: ReactNode; label: string; onOpen(): void; tone?: 'warn' | 'danger' | undefined }) {
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
  const [reload, setReload] = useState(0);

  // Computed in main each time the dashboard is shown, and again whenever the proposals or
  // MoUs in the store change (a move, an archive, an MoU saved, sample data).
  useEffect(() => {
    void call(api().getDashboard({})).then((result) => (result.ok ? setDashboard(result.value) : setError(result.error.message)));
  }, [summaries, mouSummaries, reload]);

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
        <OffPcCopyWarning />
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
  const figures = d.mouFigures;
  const mouFigure = (preset: MouListPreset, one: string, many: string, tone: 'warn' | 'danger' = 'warn') => (
    <FigureLink
      key={preset}
      value={formatNumber(figures[preset])}
      label={figures[preset] === 1 ? one : many}
      tone={figures[preset] > 0 ? tone : undefined}
      onOpen={() => toMous(preset)}
    />
  );
  /** A line that names a count of records lacking dates; a zero says what is complete instead of a bare 0. */
  const missingLine = (preset: MouListPreset, one: string, many: string, none: string) =>
    figures[preset] === 0 ? (
      <li key={preset} className="muted">
        {none}
      </li>
    ) : (
      <li key={preset}>
        <button type="button" className="link-button" onClick={() => toMous(preset)}>
          {plural(figures[preset], one, many)}
        </button>
      </li>
    );

  return (
    <section aria-labelledby="dashboard-heading" className="dashboard">
      <header className="screen-header">
        <h1 id="dashboard-heading">Dashboard</h1>
        <p className="muted">Figures as of {formatDate(d.today)}; archived proposals are left out. Each figure opens the list behind it.</p>
      </header>

      <OffPcCopyWarning />

      <section aria-labelledby="attention-heading" className="attention">
        <h2 id="attention-heading">Needs attention</h2>
        <div className="attention-grid">
          <div className="panel-card" role="group" aria-labelledby="expiry-heading">
            <h3 id="expiry-heading">MoU expiry and notice</h3>
            <div className="figure-row">
              {mouFigure('expired', 'MoU expired', 'MoUs expired', 'danger')}
              {mouFigure('notice-passed', 'notice deadline passed', 'notice deadlines passed', 'danger')}
              {mouFigure('notice-coming', `notice deadline within ${NOTICE_WINDOW_DAYS} days`, `notice deadlines within ${NOTICE_WINDOW_DAYS} days`)}
            </div>
            <div className="figure-row">
              {EXPIRY_WINDOWS.map((days) => mouFigure(`expiring-${days}`, `expiring within ${days} days`, `expiring within ${days} days`))}
            </div>
            {figures['expiry-unknown'] > 0 && (
              <p className="figure-caveat">
                <button type="button" className="link-button" onClick={() => toMous('expiry-unknown')}>
                  {plural(figures['expiry-unknown'], 'signed or active MoU has', 'signed or active MoUs have')} no term or date signed
                </button>
                : {figures['expiry-unknown'] === 1 ? 'its expiry is' : 'their expiry is'} unknown, so {figures['expiry-unknown'] === 1 ? 'it is' : 'they are'} not counted here.
              </p>
            )}
            {d.attentionMous.length > 0 && (
              <ul className="attention-list">
                {d.attentionMous.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="link-button" dir="auto" onClick={() => navigate({ screen: 'mou', id: item.id })}>
                      {item.mouNumber}
                    </button>
                    : <span className={item.state === 'expired' ? 'overdue-text' : undefined}>{item.sentence}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>

          <div className="panel-card" role="group" aria-labelledby="due-heading">
            <h3 id="due-heading">Obligations and reviews</h3>
            <div className="figure-row">
              {mouFigure('overdue-obligations', 'MoU with overdue obligations', 'MoUs with overdue obligations', 'danger')}
              {mouFigure('review-passed', 'review date passed', 'review dates passed')}
            </div>
            <div className="figure-row">
              {mouFigure('obligations-due-7', 'MoU with obligations due in 7 days', 'MoUs with obligations due in 7 days')}
              {mouFigure('obligations-due-30', 'MoU with obligations due in 30 days', 'MoUs with obligations due in 30 days')}
              {mouFigure('review-due-7', 'review due in 7 days', 'reviews due in 7 days')}
              {mouFigure('review-due-30', 'review due in 30 days', 'reviews due in 30 days')}
            </div>
            {d.overdueObligations.items.length > 0 && (
              <ul className="attention-list">
                {d.overdueObligations.items.slice(0, 3).map((item, i) => (
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
                {d.overdueObligations.count > 3 && <li className="muted">and {plural(d.overdueObligations.count - 3, 'more overdue obligation', 'more overdue obligations')}</li>}
              </ul>
            )}
          </div>

          <NextActionsPanel nextActions={d.nextActions} />

          <OutOfStepPanel items={d.outOfStep} />

          <div className="panel-card" role="group" aria-labelledby="stuck-heading">
            <h3 id="stuck-heading">Stuck in their stage</h3>
            <div className="figure-row">
              <FigureLink
                value={formatNumber(d.stuck.count)}
                label={`${d.stuck.count === 1 ? 'proposal' : 'proposals'} in one stage longer than ${plural(d.stuck.overDays, 'day', 'days')}`}
                tone={d.stuck.count > 0 ? 'warn' : undefined}
                onOpen={() => toProposals({ stuckOverDays: d.stuck.overDays })}
              />
            </div>
            {d.stuck.items.length > 0 && (
              <table className="data-table compact" aria-label="Stuck longest in their stage">
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
                  {d.stuck.items.map((row) => (
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
            <StuckThresholdForm days={d.stuck.overDays} onSaved={() => setReload((n) => n + 1)} />
          </div>

          <div className="panel-card" role="group" aria-labelledby="missing-heading">
            <h3 id="missing-heading">Dates missing</h3>
            <p className="muted">Records the figures above cannot count until these dates are entered.</p>
            <ul className="attention-list">
              {missingLine('expiry-unknown', 'MoU has no term or date signed: its expiry is unknown', 'MoUs have no term or date signed: their expiry is unknown', 'Every signed or active MoU has a term and a date signed.')}
              {missingLine('notice-unknown', 'MoU in force has no notice period: its notice deadline is unknown', 'MoUs in force have no notice period: their notice deadline is unknown', 'Every MoU in force has a notice period.')}
              {missingLine('obligations-undated', 'MoU has open obligations with no due date', 'MoUs have open obligations with no due date', 'Every open obligation has a due date.')}
              {missingLine('preparation-flagged', 'MoU in preparation already has a date signed or a past expiry', 'MoUs in preparation already have a date signed or a past expiry', 'No MoU in preparation has a date signed or a past expiry.')}
            </ul>
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
        <p className="muted">Each open proposal's area is counted once, in the stage it has reached.</p>
        <div className="figures">
          <FigureLink
            value={target === undefined ? formatNumber(operational) : `${formatNumber(operational)} of ${formatNumber(target)}`}
            label={target === undefined ? `${operational === 1 ? 'park' : 'parks'} operational (set a target under Data)` : 'parks operational against target'}
            onOpen={() => toProposals({ stage: 'operational' })}
          />
          {AREA_FIGURES.map(({ key, label }) => (
            <FigureLink
              key={key}
              value={areaSum(d.area[key].sqFt, d.area[key].unknown)}
              label={`${label} (${plural(d.area[key].count, 'proposal', 'proposals')})`}
              onOpen={() => toProposals({ ...AREA_FIGURE_FILTERS[key] })}
            />
          ))}
        </div>
      </section>

      <OccupancyOverview />

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
                <tr key={row.partnerType}>
                  <td>
                    <button type="button" className="link-button" onClick={() => toProposals({ stage: 'open', partnerType: row.partnerType })}>
                      {row.partnerType === 'unrecorded' ? 'Not recorded' : PARTNER_TYPE_LABELS[row.partnerType]}
                    </button>
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
