import { periodKey, periodLabel, periodName, periodRange, type FiscalPeriod } from './fiscal-period';
import type { Mou } from './mou';
import { mouExpiryDate } from './mou-dates';
import { deriveMouState } from './mou-state';
import { acceptsReturns, latestReturn, parkOccupancy, type ParkOccupancy } from './occupancy';
import { AREA_SIGNED_STAGES, currentMouOf, mousByProposal, parkFigures, type ParkFigures } from './park-register';
import { PROVINCES, type Proposal, type Province } from './proposal';
import type { Stage } from './stages';

/**
 * The progress report for a fiscal period: the programme as it stood at the period's end
 * (or today, while the period runs), what happened within it, and occupancy from the
 * returns for it. Pure: the same records, period and day always give the same report.
 */
export interface ProgressReport {
  period: string;
  periodName: string;
  periodLabel: string;
  start: string;
  end: string;
  /** The day the figures stand at: the period's last day, or today while it runs. */
  asAt: string;
  today: string;
  /** The period has not ended yet. */
  running: boolean;
  figures: ParkFigures;
  byProvince: { province: Province; parks: number; operational: number; signedSqFt: number; operationalSqFt: number }[];
  mousSigned: { id: string; mouNumber: string; park?: string; on: string }[];
  mousExpired: { id: string; mouNumber: string; park?: string; on: string }[];
  obligationsMet: number;
  /** Parks at Fit-out or Operational at the end of the period, with the return for it if any. */
  occupancy: { id: string; referenceNumber: string; title: string; city: string; stage: Stage; occupancy?: ParkOccupancy }[];
  leftOut: { archived: number; receivedAfter: number; unlinkedMous: number; withoutReturn: number };
}

/** Why a report cannot be made for this period; undefined when it can. */
export function progressPeriodProblem(period: FiscalPeriod, today: string): string | undefined {
  const { start } = periodRange(period);
  if (start > today) return `${periodName(period)} has not begun yet; choose a period that has started.`;
  return undefined;
}

/** The instant a Pakistan day ends (UTC+5, no daylight saving): 27-Nov ends at 27-Nov 19:00 UTC. */
function endOfPakistanDay(day: string): number {
  return Date.parse(`${day}T19:00:00.000Z`);
}

/** The stage a proposal was at on a day (Pakistan dates); undefined if it had not been received yet. */
export function stageOn(proposal: Pick<Proposal, 'stageHistory'>, day: string, dayEndsAt = endOfPakistanDay(day)): Stage | undefined {
  let stage: Stage | undefined;
  for (const move of proposal.stageHistory) {
    if (Date.parse(move.at) >= dayEndsAt) break;
    stage = move.to;
  }
  return stage;
}

const within = (date: string | undefined, start: string, end: string): date is string => date !== undefined && date >= start && date <= end;

export function buildProgressReport(proposals: readonly Proposal[], mous: readonly Mou[], period: FiscalPeriod, today: string): ProgressReport {
  const { start, end } = periodRange(period);
  const asAt = end < today ? end : today;
  const linked = mousByProposal(mous);
  const live = proposals.filter((p) => !p.archivedAt);
  const liveIds = new Set(live.map((p) => p.id));

  const parks: { proposal: Proposal; stage: Stage; grossAreaSqFt: number | undefined; overdueObligations: number; occupancy?: ParkOccupancy }[] = [];
  let receivedAfter = 0;
  let obligationsMet = 0;
  const mousSigned: ProgressReport['mousSigned'] = [];
  const mousExpired: ProgressReport['mousExpired'] = [];

  const asAtEndsAt = endOfPakistanDay(asAt);
  for (const proposal of live) {
    const stage = stageOn(proposal, asAt, asAtEndsAt);
    if (!stage) {
      receivedAfter += 1;
      continue;
    }
    const parkMous = linked.get(proposal.id) ?? [];
    let overdue = 0;
    for (const mou of parkMous) {
      for (const o of mou.fields.obligations) {
        const metBy = o.completedOn !== undefined && o.completedOn <= asAt;
        if (within(o.completedOn, start, asAt)) obligationsMet += 1;
        if (!metBy && o.dueOn !== undefined && o.dueOn < asAt) overdue += 1;
      }
      const park = proposal.fields.title;
      if (within(mou.fields.signedOn, start, asAt)) mousSigned.push({ id: mou.id, mouNumber: mou.fields.mouNumber, park, on: mou.fields.signedOn });
      // The derived state is only worked out for an MoU whose expiry falls in the period.
      const expiry = within(mouExpiryDate(mou.fields), start, asAt);
      const state = expiry ? deriveMouState(mou, asAt) : undefined;
      if (state?.kind === 'expired' && within(state.expiresOn, start, asAt)) mousExpired.push({ id: mou.id, mouNumber: mou.fields.mouNumber, park, on: state.expiresOn });
    }
    const r = acceptsReturns(stage) ? latestReturn(proposal.occupancyReturns, period) : undefined;
    parks.push({
      proposal,
      stage,
      grossAreaSqFt: proposal.fields.grossAreaSqFt,
      overdueObligations: overdue,
      ...(r ? { occupancy: parkOccupancy(r, currentMouOf(parkMous)?.fields) } : {}),
    });
  }

  const provinces = new Map<Province, ProgressReport['byProvince'][number]>();
  for (const { proposal, stage, grossAreaSqFt } of parks) {
    const province = proposal.fields.province;
    const row = provinces.get(province) ?? { province, parks: 0, operational: 0, signedSqFt: 0, operationalSqFt: 0 };
    provinces.set(province, row);
    row.parks += 1;
    if (AREA_SIGNED_STAGES.includes(stage)) row.signedSqFt += grossAreaSqFt ?? 0;
    if (stage === 'operational') {
      row.operational += 1;
      row.operationalSqFt += grossAreaSqFt ?? 0;
    }
  }

  const byDate = <T extends { on: string; mouNumber: string }>(a: T, b: T) => a.on.localeCompare(b.on) || a.mouNumber.localeCompare(b.mouNumber);
  const figures = parkFigures(parks);
  return {
    period: periodKey(period),
    periodName: periodName(period),
    periodLabel: periodLabel(period),
    start,
    end,
    asAt,
    today,
    running: end > today,
    figures,
    byProvince: PROVINCES.flatMap((p) => (provinces.has(p) ? [provinces.get(p)!] : [])),
    mousSigned: mousSigned.sort(byDate),
    mousExpired: mousExpired.sort(byDate),
    obligationsMet,
    occupancy: parks
      .filter((p) => acceptsReturns(p.stage))
      .map(({ proposal, stage, occupancy }) => ({
        id: proposal.id,
        referenceNumber: proposal.fields.referenceNumber,
        title: proposal.fields.title,
        city: proposal.fields.city,
        stage,
        ...(occupancy ? { occupancy } : {}),
      }))
      .sort((a, b) => a.referenceNumber.localeCompare(b.referenceNumber, 'en', { numeric: true })),
    leftOut: {
      archived: proposals.length - live.length,
      receivedAfter,
      unlinkedMous: mous.filter((m) => !m.fields.proposalId || !liveIds.has(m.fields.proposalId)).length,
      withoutReturn: figures.withoutReturn,
    },
  };
}
