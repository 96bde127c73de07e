import { periodKeyLabel } from '../domain/fiscal-period';
import { formatPercent, progressPercent, type ParkOccupancy } from '../domain/occupancy';
import { registerFigures, type ParkRegister, type ParkRegisterRow } from '../domain/park-register';
import { PARTNER_TYPE_LABELS } from '../domain/proposal';
import { hasActiveFilters, stageFilterLabel, type ProposalListFilters } from '../domain/proposal-list-query';
import { STAGE_LABELS } from '../domain/stages';
import { formatDate } from '../format/dates';
import { formatNumber } from '../format/numbers';
import { bdi, escapeHtml } from './html';
import { gridTable, NOT_RECORDED, plural, reportDocument, type ReportMaker } from './report-parts';

/** "Stage: Operational · Province: Punjab", or "All parks". */
export function describeFilters(filters: ProposalListFilters): string {
  if (!hasActiveFilters(filters)) return 'All parks';
  const parts: string[] = [];
  if (filters.stage) parts.push(`Stage: ${stageFilterLabel(filters.stage)}`);
  if (filters.province) parts.push(`Province: ${filters.province}`);
  if (filters.city) parts.push(`City: ${filters.city}`);
  if (filters.partnerType) parts.push(`Partner: ${filters.partnerType === 'unrecorded' ? 'type not recorded' : PARTNER_TYPE_LABELS[filters.partnerType]}`);
  if (filters.stuckOverDays !== undefined) parts.push(`In one stage longer than ${filters.stuckOverDays} days`);
  return parts.join(' · ');
}

const date = (iso: string | undefined) => (iso ? `<span class="nowrap">${formatDate(iso)}</span>` : '<span class="muted">—</span>');

function ofTarget(label: string, achieved: number | undefined, target: number | undefined): string | undefined {
  if (target === undefined) return undefined;
  const shown = achieved === undefined ? 'not reported' : `${formatNumber(achieved)} of ${formatNumber(target)} (${formatPercent(progressPercent(achieved, target))})`;
  return `${label} ${shown}`;
}

/** "Firms 30 of 40 (75%) · Seats 600 of 1,000 (60%)": progress against the MoU's targets. */
export function targetsText(o: ParkOccupancy): string {
  const parts = [
    ofTarget('Firms', o.firmsHoused, o.targetFirms),
    ofTarget('Seats', o.seatsOccupied, o.targetSeats),
    ofTarget('Jobs', o.peopleEmployed, o.targetJobs),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No targets in the MoU';
}

function occupancyCell(o: ParkOccupancy | undefined): string {
  if (!o) return '<span class="muted">No return</span>';
  const firms = plural(o.firmsHoused, 'firm', 'firms');
  return `<strong>${escapeHtml(formatPercent(o.occupancyPercent))}</strong><span class="sub">${escapeHtml(`${formatNumber(o.seatsOccupied)} of ${formatNumber(o.seatsAvailable)} seats · ${firms}`)}</span><span class="sub">${escapeHtml(periodKeyLabel(o.period))}</span>`;
}

/** Short values stay on one line (a reference split at its hyphen reads as two); long ones wrap. */
function keepShort(html: string, plain: string, max: number): string {
  return plain.length <= max ? `<span class="keep">${html}</span>` : html;
}

function row(r: ParkRegisterRow): string[] {
  const place = [r.city, r.province].filter((part, i, all) => part && all.indexOf(part) === i).join(', ');
  return [
    `<strong>${bdi(r.title)}</strong><span class="sub">${bdi(r.referenceNumber)} · ${bdi(place)}</span>`,
    r.partner ? `${bdi(r.partner)}${r.partnerType ? `<span class="sub">${escapeHtml(PARTNER_TYPE_LABELS[r.partnerType])}</span>` : ''}` : NOT_RECORDED,
    r.grossAreaSqFt === undefined ? '<span class="muted">not known</span>' : escapeHtml(formatNumber(r.grossAreaSqFt)),
    `${escapeHtml(STAGE_LABELS[r.stage])}<span class="sub">since <span class="nowrap">${formatDate(r.stageSince)}</span></span>`,
    r.mou ? bdi(r.mou.mouNumber) + (r.mouCount > 1 ? `<span class="sub">${escapeHtml(`${formatNumber(r.mouCount)} MoUs in all`)}</span>` : '') : '<span class="muted">No MoU</span>',
    date(r.mou?.signedOn),
    date(r.mou?.expiresOn),
    r.mou ? keepShort(`<span class="state${r.mou.state === 'expired' || r.mou.state === 'notice-period' ? ' state-warn' : ''}">${escapeHtml(r.mou.stateLabel)}</span>`, r.mou.stateLabel, 16) : '<span class="muted">—</span>',
    escapeHtml(formatNumber(r.openObligations)),
    r.overdueObligations ? `<strong class="state-warn">${escapeHtml(formatNumber(r.overdueObligations))}</strong>` : '0',
    occupancyCell(r.occupancy),
    r.occupancy ? escapeHtml(targetsText(r.occupancy)) : '<span class="muted">—</span>',
  ];
}

export const REGISTER_HEADERS = [
  { label: 'Park', widthPercent: 16 },
  { label: 'Partner', widthPercent: 9 },
  { label: 'Area (sq ft)', numeric: true, widthPercent: 5.5 },
  { label: 'Stage', widthPercent: 8 },
  { label: 'MoU', widthPercent: 13.5 },
  { label: 'Signed', widthPercent: 7 },
  { label: 'Expires', widthPercent: 7 },
  { label: 'MoU state', widthPercent: 8.5 },
  { label: 'Open oblig.', numeric: true, widthPercent: 3.5 },
  { label: 'Overdue oblig.', numeric: true, widthPercent: 5.5 },
  { label: 'Occupancy (latest return)', widthPercent: 9 },
  { label: 'Against MoU targets', widthPercent: 7.5 },
];

/** What the register leaves out, in sentences; the spreadsheet says the same. */
export function registerLeftOut(register: ParkRegister): string[] {
  const figures = registerFigures(register);
  const items = [
    register.archivedLeftOut
      ? `${plural(register.archivedLeftOut, 'archived proposal is', 'archived proposals are')} not listed.`
      : 'Archived proposals are not listed (there are none).',
  ];
  if (hasActiveFilters(register.filters)) items.push(`Parks outside the filters (${describeFilters(register.filters)}) are not listed.`);
  if (register.unlinkedMous) items.push(`${plural(register.unlinkedMous, 'MoU is', 'MoUs are')} linked to no listed proposal and so to no park.`);
  items.push(
    figures.withoutReturn
      ? `${plural(figures.withoutReturn, 'park at Fit-out or Operational has', 'parks at Fit-out or Operational have')} no occupancy return, so no occupancy is shown for ${figures.withoutReturn === 1 ? 'it' : 'them'} or counted in the total.`
      : 'Occupancy is from each park’s latest return; every park at Fit-out or Operational has one.',
  );
  return items;
}

export interface ParkRegisterInput extends ReportMaker {
  register: ParkRegister;
}

/** The park register as one HTML document for preview and print (A4 landscape). */
export function buildParkRegisterHtml({ register, ...maker }: ParkRegisterInput): string {
  const f = registerFigures(register);
  const totalArea = register.rows.reduce((sum, r) => sum + (r.grossAreaSqFt ?? 0), 0);
  const open = register.rows.reduce((sum, r) => sum + r.openObligations, 0);
  const occ = f.occupancy;
  const occupancyTotal = occ.parksReporting
    ? `<strong>${escapeHtml(formatPercent(occ.occupancyPercent))}</strong><span class="sub">${escapeHtml(`${formatNumber(occ.seatsOccupied)} of ${formatNumber(occ.seatsAvailable)} seats · ${plural(occ.parksReporting, 'park', 'parks')} reporting`)}</span>`
    : '<span class="muted">No returns</span>';
  const summary = `<p>${escapeHtml(
    `${plural(f.parks, 'park', 'parks')} · ${formatNumber(totalArea)} sq ft in all · ${formatNumber(f.signedSqFt)} sq ft signed · ${formatNumber(f.operationalSqFt)} sq ft operational · ${plural(f.overdueObligations, 'overdue obligation', 'overdue obligations')}`,
  )}${occ.parksReporting ? escapeHtml(` · occupancy ${formatPercent(occ.occupancyPercent)} (${formatNumber(occ.seatsOccupied)} of ${formatNumber(occ.seatsAvailable)} seats)`) : ''}.</p>`;
  const table = register.rows.length
    ? gridTable('Parks in the register', REGISTER_HEADERS, register.rows.map(row), {
        className: 'register',
        foot: [`Total: ${escapeHtml(plural(f.parks, 'park', 'parks'))}`, '', escapeHtml(formatNumber(totalArea)), '', '', '', '', '', escapeHtml(formatNumber(open)), escapeHtml(formatNumber(f.overdueObligations)), occupancyTotal, ''],
      })
    : '<p class="muted">No park matches these filters.</p>';
  return reportDocument({
    title: `Park register ${formatDate(register.today)}`,
    kicker: 'Park register',
    heading: 'Register of software technology parks',
    scopeHtml: `${escapeHtml(describeFilters(register.filters))}<br><span class="muted">as at ${formatDate(register.today)}; MoU states as on that day</span>`,
    maker,
    leftOut: registerLeftOut(register).map(escapeHtml),
    body: summary + table,
    landscape: true,
  });
}
