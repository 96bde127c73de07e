import { z } from 'zod';
import { daysBetween } from '../format/dates';
import { mouExpiryDate, obligationState } from './mou-dates';
import { currentMouStatus, type Mou, type MouStatus } from './mou';
import { PARTNER_TYPES, PROVINCES, type PartnerType, type Province } from './proposal';
import type { ProposalSummary } from './proposal-summary';
import { daysInStage, STAGE_GROUPS, stageMatches } from './proposal-list-query';
import { ALL_STAGES, type Stage } from './stages';

/**
 * The dashboard's figures, computed from the records and today's date, never stored.
 * Archived proposals are left out. Definitions:
 * - proposed sq ft: gross area of every open proposal (not rejected or withdrawn);
 * - signed sq ft: proposals at MoU signed, Fit-out or Operational;
 * - operational sq ft: proposals at Operational;
 * - stuck: open proposals still moving through the pipeline (not Operational, not On hold,
 *   which is a decision rather than a delay), longest in their current stage first;
 * - MoU figures count MoUs that are still in force or on their way (not Expired, Renewed,
 *   Terminated or Superseded by status).
 */

export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export const PERIOD_ENDING_WINDOW_DAYS = 90;
export const STUCK_LIST_LENGTH = 5;
export const OVERDUE_LIST_LENGTH = 10;

const ENDED_MOU_STATUSES: readonly MouStatus[] = ['expired', 'renewed', 'terminated', 'superseded'];

const CountByStage = z.object({ stage: z.enum(ALL_STAGES), count: z.number() });
/** Area sums count only known areas; `areaUnknown` says how many proposals have none recorded yet. */
const Place = z.object({ proposals: z.number(), operational: z.number(), grossAreaSqFt: z.number(), areaUnknown: z.number() });

export const DashboardSchema = z.object({
  today: z.string(),
  proposalCount: z.number(),
  perStage: z.array(CountByStage),
  operational: z.object({ count: z.number(), target: z.number().optional() }),
  area: z.object({
    proposedSqFt: z.number(),
    signedSqFt: z.number(),
    operationalSqFt: z.number(),
    /** Proposals in each sum whose area is not yet known (left out of the sum, not counted as 0). */
    unknown: z.object({ proposed: z.number(), signed: z.number(), operational: z.number() }),
  }),
  byProvince: z.array(Place.extend({ province: z.enum(PROVINCES) })),
  byCity: z.array(Place.extend({ city: z.string(), province: z.enum(PROVINCES) })),
  partnerMix: z.array(z.object({ partnerType: z.enum(PARTNER_TYPES).optional(), count: z.number() })),
  stuck: z.array(
    z.object({ id: z.string(), referenceNumber: z.string(), title: z.string(), city: z.string(), stage: z.enum(ALL_STAGES), days: z.number() }),
  ),
  mouCount: z.number(),
  /** MoUs whose expiry falls within 30 / 60 / 90 days from today (each window includes the shorter ones). */
  mousExpiring: z.array(z.object({ withinDays: z.number(), count: z.number() })),
  overdueObligations: z.object({
    count: z.number(),
    mouCount: z.number(),
    /** The most overdue first, at most OVERDUE_LIST_LENGTH. */
    items: z.array(
      z.object({ mouId: z.string(), mouNumber: z.string(), description: z.string(), owner: z.string().optional(), dueOn: z.string(), daysOverdue: z.number() }),
    ),
  }),
  periodsEnding: z.array(
    z.object({ mouId: z.string(), mouNumber: z.string(), period: z.enum(['subsidy', 'free-internet']), endsOn: z.string(), daysLeft: z.number() }),
  ),
});
export type Dashboard = z.output<typeof DashboardSchema>;

export interface DashboardInput {
  proposals: readonly ProposalSummary[];
  mous: readonly Mou[];
  today: string;
  operationalTarget?: number;
}

type PlaceCount = { proposals: number; operational: number; grossAreaSqFt: number; areaUnknown: number };
const emptyPlace = (): PlaceCount => ({ proposals: 0, operational: 0, grossAreaSqFt: 0, areaUnknown: 0 });

function proposalFigures(all: readonly ProposalSummary[], today: string) {
  const proposals = all.filter((p) => !p.archivedAt);
  const perStage = new Map<Stage, number>(ALL_STAGES.map((s) => [s, 0]));
  const area = { proposedSqFt: 0, signedSqFt: 0, operationalSqFt: 0, unknown: { proposed: 0, signed: 0, operational: 0 } };
  const provinces = new Map<Province, PlaceCount>();
  const cities = new Map<string, PlaceCount & { city: string; province: Province }>();
  const partners = new Map<PartnerType | undefined, number>();
  const stuckCandidates: { p: ProposalSummary; days: number }[] = [];

  for (const p of proposals) {
    perStage.set(p.stage, (perStage.get(p.stage) ?? 0) + 1);
    if (!stageMatches(p.stage, 'open')) continue;
    const isOperational = p.stage === 'operational';
    const known = p.grossAreaSqFt !== undefined;
    const sqFt = p.grossAreaSqFt ?? 0;
    const unknown = known ? 0 : 1;
    area.proposedSqFt += sqFt;
    area.unknown.proposed += unknown;
    if (stageMatches(p.stage, 'signed')) {
      area.signedSqFt += sqFt;
      area.unknown.signed += unknown;
    }
    if (isOperational) {
      area.operationalSqFt += sqFt;
      area.unknown.operational += unknown;
    }

    const province = provinces.get(p.province) ?? emptyPlace();
    provinces.set(p.province, province);
    const cityKey = `${p.province}\u0000${p.city.trim().toLocaleLowerCase('en')}`;
    const city = cities.get(cityKey) ?? { ...emptyPlace(), city: p.city.trim(), province: p.province };
    cities.set(cityKey, city);
    for (const place of [province, city]) {
      place.proposals += 1;
      place.grossAreaSqFt += sqFt;
      place.areaUnknown += unknown;
      if (isOperational) place.operational += 1;
    }
    partners.set(p.offeringPartyType, (partners.get(p.offeringPartyType) ?? 0) + 1);
    if (!isOperational && p.stage !== 'on-hold') stuckCandidates.push({ p, days: daysInStage(p, today) });
  }

  const byCount = <T extends { proposals: number }>(a: T, b: T) => b.proposals - a.proposals;
  stuckCandidates.sort((a, b) => b.days - a.days || a.p.referenceNumber.localeCompare(b.p.referenceNumber));
  return {
    proposalCount: proposals.length,
    perStage: ALL_STAGES.map((stage) => ({ stage, count: perStage.get(stage) ?? 0 })),
    operationalCount: perStage.get('operational') ?? 0,
    area,
    byProvince: [...provinces].map(([province, c]) => ({ province, ...c })).sort(byCount),
    byCity: [...cities.values()].sort((a, b) => byCount(a, b) || a.city.localeCompare(b.city)),
    partnerMix: [...PARTNER_TYPES, undefined]
      .map((partnerType) => ({ partnerType, count: partners.get(partnerType) ?? 0 }))
      .filter((row) => row.count > 0),
    stuck: stuckCandidates.slice(0, STUCK_LIST_LENGTH).map(({ p, days }) => ({
      id: p.id,
      referenceNumber: p.referenceNumber,
      title: p.title,
      city: p.city,
      stage: p.stage,
      days,
    })),
  };
}

function mouFigures(all: readonly Mou[], today: string) {
  const mous = all.filter((m) => !ENDED_MOU_STATUSES.includes(currentMouStatus(m)));
  const expiring = EXPIRY_WINDOWS.map((withinDays) => ({ withinDays, count: 0 }));
  const overdue: Dashboard['overdueObligations']['items'] = [];
  const mousWithOverdue = new Set<string>();
  const periodsEnding: Dashboard['periodsEnding'] = [];

  for (const mou of mous) {
    const f = mou.fields;
    const expiry = mouExpiryDate(f);
    if (expiry !== undefined) {
      const days = daysBetween(today, expiry);
      for (const window of expiring) if (days >= 0 && days <= window.withinDays) window.count += 1;
    }
    for (const o of f.obligations) {
      if (obligationState(o, today) !== 'overdue') continue;
      mousWithOverdue.add(mou.id);
      overdue.push({ mouId: mou.id, mouNumber: f.mouNumber, description: o.description, owner: o.owner, dueOn: o.dueOn!, daysOverdue: daysBetween(o.dueOn!, today) });
    }
    for (const [period, endsOn] of [
      ['subsidy', f.subsidyEndsOn],
      ['free-internet', f.freeInternetEndsOn],
    ] as const) {
      if (!endsOn) continue;
      const daysLeft = daysBetween(today, endsOn);
      if (daysLeft >= 0 && daysLeft <= PERIOD_ENDING_WINDOW_DAYS) periodsEnding.push({ mouId: mou.id, mouNumber: f.mouNumber, period, endsOn, daysLeft });
    }
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
  periodsEnding.sort((a, b) => a.daysLeft - b.daysLeft);
  return {
    mouCount: mous.length,
    mousExpiring: expiring,
    overdueObligations: { count: overdue.length, mouCount: mousWithOverdue.size, items: overdue.slice(0, OVERDUE_LIST_LENGTH) },
    periodsEnding,
  };
}

export function computeDashboard({ proposals, mous, today, operationalTarget }: DashboardInput): Dashboard {
  const p = proposalFigures(proposals, today);
  return {
    today,
    proposalCount: p.proposalCount,
    perStage: p.perStage,
    operational: operationalTarget === undefined ? { count: p.operationalCount } : { count: p.operationalCount, target: operationalTarget },
    area: p.area,
    byProvince: p.byProvince,
    byCity: p.byCity,
    partnerMix: p.partnerMix,
    stuck: p.stuck,
    ...mouFigures(mous, today),
  };
}

/** The stage group behind each area figure, so the dashboard can link to its list. */
export const AREA_FIGURE_STAGES = { proposedSqFt: 'open', signedSqFt: 'signed', operationalSqFt: 'operational' } as const satisfies Record<
  Exclude<keyof Dashboard['area'], 'unknown'>,
  keyof typeof STAGE_GROUPS | Stage
>;
