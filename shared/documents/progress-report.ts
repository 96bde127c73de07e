import { periodKeyLabel } from '../domain/fiscal-period';
import { formatPercent, progressPercent, type AgainstTarget } from '../domain/occupancy';
import type { ProgressReport } from '../domain/progress-report';
import { STAGE_LABELS, type Stage } from '../domain/stages';
import { formatDate } from '../format/dates';
import { formatNumber } from '../format/numbers';
import { bdi, escapeHtml } from './html';
import { targetsText } from './park-register';
import { factTable, gridTable, plural, reportDocument, section, type ReportMaker } from './report-parts';

const n = (value: number) => escapeHtml(formatNumber(value));
const sqFt = (value: number) => escapeHtml(`${formatNumber(value)} sq ft`);

/**
 * Parks by stage as horizontal bars, drawn as SVG in the document itself (no script): the
 * printed PDF keeps it as vectors with its labels as text. The table beside it gives the same
 * numbers for screen readers and for copying.
 */
export function stageChartSvg(byStage: readonly { stage: Stage; count: number }[]): string {
  const rows = byStage;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const [labelW, barW, rowH, top] = [150, 210, 17, 4];
  const height = top + rows.length * rowH + 4;
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowH;
      const w = r.count ? Math.max(2, (r.count / max) * barW) : 0;
      return (
        `<text x="${labelW - 6}" y="${y + 11.5}" text-anchor="end" font-size="10">${escapeHtml(STAGE_LABELS[r.stage])}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 5}" fill="${r.stage === 'operational' ? '#01411C' : '#5f7f6c'}"/>` +
        `<text x="${(labelW + w + 4).toFixed(1)}" y="${y + 11.5}" font-size="10">${formatNumber(r.count)}</text>`
      );
    })
    .join('');
  const total = rows.reduce((s, r) => s + r.count, 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 40} ${height}" role="img" aria-label="Parks by stage: ${escapeHtml(`${formatNumber(total)} parks`)}; the table beside gives each number" font-family="Arial, Helvetica, sans-serif">${bars}</svg>`;
}

function againstTarget(label: string, pair: AgainstTarget): [string, string] {
  if (!pair.parks) return [label, '<span class="muted">No park reporting has a target for this</span>'];
  return [label, `${n(pair.achieved)} of ${n(pair.target)} (${escapeHtml(formatPercent(progressPercent(pair.achieved, pair.target)))}) <span class="muted">in ${escapeHtml(plural(pair.parks, 'park', 'parks'))} with a target</span>`];
}

function mouTable(caption: string, dateLabel: string, items: ProgressReport['mousSigned'], none: string): string {
  if (!items.length) return `<p class="muted">${escapeHtml(none)}</p>`;
  return gridTable(caption, [{ label: 'MoU' }, { label: 'Park' }, { label: dateLabel }], items.map((m) => [bdi(m.mouNumber), m.park ? bdi(m.park) : '', `<span class="nowrap">${formatDate(m.on)}</span>`]));
}

/** What the report leaves out, in sentences. */
export function progressLeftOut(report: ProgressReport): string[] {
  const items = [
    report.leftOut.archived ? `${plural(report.leftOut.archived, 'archived proposal is', 'archived proposals are')} not counted.` : 'Archived proposals are not counted (there are none).',
  ];
  if (report.leftOut.receivedAfter) items.push(`${plural(report.leftOut.receivedAfter, 'proposal', 'proposals')} received after ${formatDate(report.asAt)} ${report.leftOut.receivedAfter === 1 ? 'is' : 'are'} not counted.`);
  if (report.figures.areaUnknown)
    items.push(`${plural(report.figures.areaUnknown, 'park has', 'parks have')} no gross area recorded and ${report.figures.areaUnknown === 1 ? 'is' : 'are'} left out of the area figures.`);
  if (report.leftOut.unlinkedMous) items.push(`${plural(report.leftOut.unlinkedMous, 'MoU', 'MoUs')} not linked to a current park ${report.leftOut.unlinkedMous === 1 ? 'is' : 'are'} not counted.`);
  items.push(
    report.leftOut.withoutReturn
      ? `${plural(report.leftOut.withoutReturn, 'park at Fit-out or Operational has', 'parks at Fit-out or Operational have')} no occupancy return for ${report.periodName} and ${report.leftOut.withoutReturn === 1 ? 'is' : 'are'} left out of the occupancy figures.`
      : `Every park at Fit-out or Operational has an occupancy return for ${report.periodName}.`,
  );
  return items;
}

export interface ProgressReportInput extends ReportMaker {
  report: ProgressReport;
}

export function buildProgressReportHtml({ report: r, ...maker }: ProgressReportInput): string {
  const f = r.figures;
  const occ = f.occupancy;
  const stageRows = f.byStage.filter((s) => s.count > 0 || !['rejected', 'withdrawn', 'on-hold'].includes(s.stage));
  const asAt = r.running ? `as at ${formatDate(r.asAt)}, while the period runs` : `as at ${formatDate(r.asAt)}, the end of the period`;

  const summary = section(
    'summary',
    'In brief',
    // One table, not two side by side: each figure sits beside its label, however long the label.
    factTable([
      ['Parks (not archived)', n(f.parks)],
      ['Operational parks', n(f.byStage.find((s) => s.stage === 'operational')?.count ?? 0)],
      ['Area before MoU signed', sqFt(f.pipelineSqFt)],
      ['Area signed (MoU signed or Fit-out)', sqFt(f.signedSqFt)],
      ['Area operational', sqFt(f.operationalSqFt)],
      [`MoUs signed in ${r.periodName}`, n(r.mousSigned.length)],
      [`MoUs expired in ${r.periodName}`, n(r.mousExpired.length)],
      [`Obligations met in ${r.periodName}`, n(r.obligationsMet)],
      [`Obligations overdue on ${formatDate(r.asAt)}`, n(f.overdueObligations)],
    ]),
  );

  const stages = section(
    'by-stage',
    'Parks by stage',
    `<div class="chart">${stageChartSvg(stageRows)}${gridTable('Parks by stage', [{ label: 'Stage' }, { label: 'Parks', numeric: true }], stageRows.map((s) => [escapeHtml(STAGE_LABELS[s.stage]), n(s.count)]), { foot: ['Total', n(f.parks)] })}</div>`,
  );

  const provinces = section(
    'by-province',
    'Parks by province',
    r.byProvince.length
      ? gridTable(
          'Parks by province',
          [
            { label: 'Province' },
            { label: 'Parks', numeric: true },
            { label: 'Operational', numeric: true },
            { label: 'Area before MoU signed (sq ft)', numeric: true },
            { label: 'Area signed, MoU signed or Fit-out (sq ft)', numeric: true },
            { label: 'Area operational (sq ft)', numeric: true },
          ],
          r.byProvince.map((p) => [escapeHtml(p.province), n(p.parks), n(p.operational), n(p.pipelineSqFt), n(p.signedSqFt), n(p.operationalSqFt)]),
          { foot: ['Total', n(f.parks), n(f.byStage.find((s) => s.stage === 'operational')?.count ?? 0), n(f.pipelineSqFt), n(f.signedSqFt), n(f.operationalSqFt)] },
        )
      : '<p class="muted">No parks.</p>',
  );

  const mous = section(
    'mous',
    'MoUs in the period',
    `<h3>Signed</h3>${mouTable('MoUs signed in the period', 'Signed', r.mousSigned, `No MoU was signed in ${r.periodName}.`)}<h3>Expired</h3>${mouTable('MoUs expired in the period', 'Expired on', r.mousExpired, `No MoU expired in ${r.periodName}.`)}`,
  );

  const anyEmployed = r.occupancy.some((p) => p.occupancy?.peopleEmployed !== undefined);
  const occupancyRows = r.occupancy.map((p) => {
    const o = p.occupancy;
    return [
      `<strong>${bdi(p.title)}</strong><span class="sub">${bdi(p.city)} · ${escapeHtml(STAGE_LABELS[p.stage])}</span>`,
      o ? escapeHtml(periodKeyLabel(o.period)) : '<span class="muted">No return for this period</span>',
      o ? n(o.firmsHoused) : '',
      o ? `${n(o.seatsOccupied)} of ${n(o.seatsAvailable)}` : '',
      o ? `<strong>${escapeHtml(formatPercent(o.occupancyPercent))}</strong>` : '',
      o?.peopleEmployed !== undefined ? n(o.peopleEmployed) : '',
      o ? escapeHtml(targetsText(o)) : '',
    ];
  });
  const occupancy = section(
    'occupancy',
    'Occupancy against MoU targets',
    (occ.parksReporting
      ? `<p>${escapeHtml(`Occupancy ${formatPercent(occ.occupancyPercent)}: ${formatNumber(occ.seatsOccupied)} of ${formatNumber(occ.seatsAvailable)} seats occupied, ${plural(occ.firmsHoused, 'firm', 'firms')} housed, in ${plural(occ.parksReporting, 'park', 'parks')} with a return for ${r.periodName}.`)}</p>`
      : `<p>No park has an occupancy return for ${escapeHtml(r.periodName)}.</p>`) +
      factTable([againstTarget('Firms against target', occ.firms), againstTarget('Seats against target', occ.seats), againstTarget('Jobs against target', occ.jobs)]) +
      (occupancyRows.length
        ? gridTable(
            'Occupancy of parks at Fit-out or Operational',
            [{ label: 'Park' }, { label: 'Return' }, { label: 'Firms', numeric: true }, { label: 'Seats occupied', numeric: true }, { label: 'Occupancy', numeric: true }, { label: 'Employed', numeric: true }, { label: 'Against MoU targets' }],
            occupancyRows,
            {
              foot: occ.parksReporting
                ? [`Total (${escapeHtml(plural(occ.parksReporting, 'park', 'parks'))} reporting)`, '', n(occ.firmsHoused), `${n(occ.seatsOccupied)} of ${n(occ.seatsAvailable)}`, escapeHtml(formatPercent(occ.occupancyPercent)), anyEmployed ? n(occ.peopleEmployed) : '', '']
                : undefined,
            },
          )
        : '<p class="muted">No park was at Fit-out or Operational.</p>'),
  );

  return reportDocument({
    title: `Progress report ${r.periodName}`,
    kicker: 'Progress report for the Ministry of IT and Telecom',
    heading: `Progress report, ${r.periodLabel}`,
    scopeHtml: `Software technology parks, all provinces<br><span class="muted">${escapeHtml(`${formatDate(r.start)} to ${formatDate(r.end)}; figures ${asAt}`).replace(/\d{2}-\w{3}-\d{4}/g, (day) => `<span class="nowrap">${day}</span>`)}</span>`,
    maker,
    leftOut: progressLeftOut(r).map(escapeHtml),
    body: summary + stages + provinces + mous + occupancy,
  });
}
