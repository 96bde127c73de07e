import { z } from 'zod';
import { daysBetween } from '../format/dates';
import { obligationState } from './mou-dates';
import type { Mou } from './mou';
import { MOU_LIST_PRESETS, isMouLive, matchesMouPreset, type MouListPreset } from './mou-list-query';
import { MOU_STATE_KINDS, deriveMouState } from './mou-state';
import { summariseMou, type MouSummary } from './mou-summary';
import { PARTNER_TYPES, PROVINCES, type PartnerType, type Province } from './proposal';
import type { ProposalSummary } from './proposal-summary';
import { daysInStage, matchesProposalFilters, type ProposalListFilters } from './proposal-list-query';
import { ALL_STAGES, type Stage } from './stages';
import { OutOfStepSchema, proposalMouStepIssues, type MouStep } from './proposal-mou-step';
import { DueItemSchema, matchesDuePreset, nextActionItems, sortDueItems } from './reminders';

/**
 * The dashboard's figures, computed from the records and today's date, never stored.
 * Every figure is the row count of the list it opens, counted with that list's own filter
 * (matchesProposalFilters / matchesMouPreset, what filterProposalSummaries / filterMouSummaries apply), so the two can never disagree.
 * Archived proposals are left out, as the list leaves them out.
 * Area: open proposals split without overlap into pipeline (before MoU signed), signed (MoU
 * signed or Fit-out), operational and on hold.
 */

export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export const PERIOD_ENDING_WINDOW_DAYS = 90;
export const STUCK_LIST_LENGTH = 5;
export const OVERDUE_LIST_LENGTH = 10;
export const ATTENTION_LIST_LENGTH = 8;
export const NEXT_ACTION_LIST_LENGTH = 5;
/** The due list's views behind the dashboard's next-action figures. */
export const NEXT_ACTION_FIGURES = ['next-actions-overdue', 'next-actions-due-7'] as const;
/** Longer than this in one stage counts as stuck, unless the official sets another threshold. */
export const DEFAULT_STUCK_AFTER_DAYS = 60;

/** The proposal list filters behind each area figure. */
export const AREA_FIGURE_FILTERS = {
  pipeline: { stage: 'pipeline' },
  signed: { stage: 'signed' },
  operational: { stage: 'operational' },
  onHold: { stage: 'on-hold' },
} as const satisfies Record<string, ProposalListFilters>;
export type AreaFigure = keyof typeof AREA_FIGURE_FILTERS;

const CountByStage = z.object({ stage: z.enum(ALL_STAGES), count: z.number() });
/** Area sums count only known areas; `areaUnknown` says how many proposals have none recorded yet. */
const Place = z.object({ proposals: z.number(), operational: z.number(), grossAreaSqFt: z.number(), areaUnknown: z.number() });
/** An area figure: the known areas summed, the proposals it covers, and how many of them have no area recorded yet. */
const Area = z.object({ sqFt: z.number(), count: z.number(), unknown: z.number() });

export const DashboardSchema = z.object({
  today: z.string(),
  proposalCount: z.number(),
  perStage: z.array(CountByStage),
  operational: z.object({ count: z.number(), target: z.number().optional() }),
  area: z.object({ pipeline: Area, signed: Area, operational: Area, onHold: Area }),
  byProvince: z.array(Place.extend({ province: z.enum(PROVINCES) })),
  byCity: z.array(Place.extend({ city: z.string(), province: z.enum(PROVINCES) })),
  partnerMix: z.array(z.object({ partnerType: z.union([z.enum(PARTNER_TYPES), z.literal('unrecorded')]), count: z.number() })),
  stuck: z.object({
    /** The threshold: longer than this many days in one stage. */
    overDays: z.number(),
    count: z.number(),
    /** The longest first, at most STUCK_LIST_LENGTH. */
    items: z.array(
      z.object({ id: z.string(), referenceNumber: z.string(), title: z.string(), city: z.string(), stage: z.enum(ALL_STAGES), days: z.number() }),
    ),
  }),
  mouCount: z.number(),
  /** The row count of the MoU list under each preset. */
  mouFigures: z.record(z.enum(MOU_LIST_PRESETS), z.number()),
  /** Expired MoUs first, then notice deadlines passed, then coming; at most ATTENTION_LIST_LENGTH. */
  attentionMous: z.array(z.object({ id: z.string(), mouNumber: z.string(), state: z.enum(MOU_STATE_KINDS), sentence: z.string() })),
  overdueObligations: z.object({
    /** Obligations (not MoUs) overdue, in the MoUs the overdue-obligations list holds. */
    count: z.number(),
    /** The most overdue first, at most OVERDUE_LIST_LENGTH. */
    items: z.array(
      z.object({ mouId: z.string(), mouNumber: z.string(), description: z.string(), owner: z.string().optional(), dueOn: z.string(), daysOverdue: z.number() }),
    ),
  }),
  periodsEnding: z.array(
    z.object({ mouId: z.string(), mouNumber: z.string(), period: z.enum(['subsidy', 'free-internet']), endsOn: z.string(), daysLeft: z.number() }),
  ),
  /** Proposals and MoUs whose signing disagrees (proposal-mou-step.ts); archived records left out. */
  outOfStep: z.array(OutOfStepSchema),
  /** Next actions overdue and due within 7 days: each the row count of the due list under that view. */
  nextActions: z.object({
    figures: z.record(z.enum(NEXT_ACTION_FIGURES), z.number()),
    /** The most overdue first, then the soonest; at most NEXT_ACTION_LIST_LENGTH. */
    items: z.array(DueItemSchema),
  }),
});
export type Dashboard = z.output<typeof DashboardSchema>;

export interface DashboardInput {
  proposals: readonly ProposalSummary[];
  mous: readonly Mou[];
  today: string;
  operationalTarget?: number;
  stuckAfterDays?: number;
}

type PlaceCount = { proposals: number; operational: number; grossAreaSqFt: number; areaUnknown: number };
const emptyPlace = (): PlaceCount => ({ proposals: 0, operational: 0, grossAreaSqFt: 0, areaUnknown: 0 });

/**
 * The rows of several lists at once: one pass over the rows, each row tested against every
 * list's filters with the list's own test (matchesProposalFilters), so each figure still equals
 * its list's row count without filtering all the rows once per figure.
 */
function listRows<K extends string>(all: readonly ProposalSummary[], lists: Record<K, ProposalListFilters>, today: string): Record<K, ProposalSummary[]> {
  const entries = Object.entries(lists) as [K, ProposalListFilters][];
  const rows = Object.fromEntries(entries.map(([key]) => [key, [] as ProposalSummary[]])) as Record<K, ProposalSummary[]>;
  for (const row of all) {
    // Archived rows are in none of these lists; skip them before testing each list.
    if (row.archivedAt) continue;
    for (const [key, filters] of entries) if (matchesProposalFilters(row, filters, false, today)) rows[key].push(row);
  }
  return rows;
}

function proposalFigures(all: readonly ProposalSummary[], today: string, stuckAfterDays: number) {
  const lists = listRows(
    all,
    {
      all: {},
      open: { stage: 'open' },
      stuck: { stuckOverDays: stuckAfterDays },
      ...AREA_FIGURE_FILTERS,
      ...Object.fromEntries(ALL_STAGES.map((stage) => [`stage:${stage}`, { stage }])),
    } as Record<string, ProposalListFilters>,
    today,
  );
  const list = (key: string): ProposalSummary[] => lists[key]!;
  const area = (key: AreaFigure) => {
    const rows = list(key);
    return { sqFt: rows.reduce((sum, p) => sum + (p.grossAreaSqFt ?? 0), 0), count: rows.length, unknown: rows.filter((p) => p.grossAreaSqFt === undefined).length };
  };
  const open = list('open');
  const provinces = new Map<Province, PlaceCount>();
  const cities = new Map<string, PlaceCount & { city: string; province: Province }>();
  const partners = new Map<PartnerType | 'unrecorded', number>();
  for (const p of open) {
    const isOperational = p.stage === 'operational';
    const sqFt = p.grossAreaSqFt ?? 0;
    const unknown = p.grossAreaSqFt === undefined ? 1 : 0;
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
    const partner = p.offeringPartyType ?? 'unrecorded';
    partners.set(partner, (partners.get(partner) ?? 0) + 1);
  }

  const stuck = list('stuck')
    .map((p) => ({ p, days: daysInStage(p, today) }))
    .sort((a, b) => b.days - a.days || a.p.referenceNumber.localeCompare(b.p.referenceNumber));
  const byCount = <T extends { proposals: number }>(a: T, b: T) => b.proposals - a.proposals;
  return {
    proposalCount: list('all').length,
    perStage: ALL_STAGES.map((stage: Stage) => ({ stage, count: list(`stage:${stage}`).length })),
    operationalCount: list('stage:operational').length,
    area: {
      pipeline: area('pipeline'),
      signed: area('signed'),
      operational: area('operational'),
      onHold: area('onHold'),
    },
    byProvince: [...provinces].map(([province, c]) => ({ province, ...c })).sort(byCount),
    byCity: [...cities.values()].sort((a, b) => byCount(a, b) || a.city.localeCompare(b.city)),
    partnerMix: [...PARTNER_TYPES, 'unrecorded' as const]
      .map((partnerType) => ({ partnerType, count: partners.get(partnerType) ?? 0 }))
      .filter((row) => row.count > 0),
    stuck: {
      overDays: stuckAfterDays,
      count: stuck.length,
      items: stuck.slice(0, STUCK_LIST_LENGTH).map(({ p, days }) => ({
        id: p.id,
        referenceNumber: p.referenceNumber,
        title: p.title,
        city: p.city,
        stage: p.stage,
        days,
      })),
    },
  };
}

const ATTENTION_ORDER = (row: MouSummary): number => (row.state === 'expired' ? 0 : (row.daysToNotice ?? 0) < 0 ? 1 : 2);

function mouFigures(all: readonly Mou[], today: string) {
  const states = all.map((mou) => deriveMouState(mou, today));
  const rows = all.map((mou, index) => summariseMou(mou, undefined, today, states[index]));
  // One pass, each row tested against every preset with the list's own test (matchesMouPreset,
  // what filterMouSummaries applies), rather than filtering all the rows once per preset.
  const mouFigures = Object.fromEntries(MOU_LIST_PRESETS.map((preset) => [preset, 0])) as Record<MouListPreset, number>;
  for (const row of rows) for (const preset of MOU_LIST_PRESETS) if (matchesMouPreset(row, preset)) mouFigures[preset] += 1;

  const attentionMous = rows
    .filter((row) => row.state === 'expired' || row.state === 'notice-period')
    .sort((a, b) => ATTENTION_ORDER(a) - ATTENTION_ORDER(b) || (a.daysToNotice ?? a.daysToExpiry ?? 0) - (b.daysToNotice ?? b.daysToExpiry ?? 0))
    .slice(0, ATTENTION_LIST_LENGTH)
    .map((row) => ({ id: row.id, mouNumber: row.mouNumber, state: row.state, sentence: row.stateSentence }));

  const overdue: Dashboard['overdueObligations']['items'] = [];
  const periodsEnding: Dashboard['periodsEnding'] = [];
  all.forEach((mou, index) => {
    if (!isMouLive(rows[index]!)) return;
    const f = mou.fields;
    for (const o of f.obligations) {
      if (obligationState(o, today) !== 'overdue') continue;
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
  });
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
  periodsEnding.sort((a, b) => a.daysLeft - b.daysLeft);
  return {
    mouCount: rows.length,
    mouFigures,
    attentionMous,
    overdueObligations: { count: overdue.length, items: overdue.slice(0, OVERDUE_LIST_LENGTH) },
    periodsEnding,
    // The out-of-step check reads each MoU's status and since when, already derived with its state
    // (mouStepOf reads the same currentMouStatus and mouStatusSince).
    steps: all.map((mou, index): MouStep => ({
      id: mou.id,
      mouNumber: mou.fields.mouNumber,
      proposalId: mou.fields.proposalId,
      status: states[index]!.status,
      since: states[index]!.statusSince,
      archivedAt: mou.archivedAt,
    })),
  };
}

/** Counted with the due list's own test (matchesDuePreset) over the same items the list shows. */
function nextActionFigures(proposals: readonly ProposalSummary[], mous: readonly Mou[], today: string): Dashboard['nextActions'] {
  const items = sortDueItems(nextActionItems({ proposals, mous, today }));
  const figures = Object.fromEntries(NEXT_ACTION_FIGURES.map((preset) => [preset, 0])) as Record<(typeof NEXT_ACTION_FIGURES)[number], number>;
  for (const item of items) for (const preset of NEXT_ACTION_FIGURES) if (matchesDuePreset(item, preset)) figures[preset] += 1;
  return { figures, items: items.slice(0, NEXT_ACTION_LIST_LENGTH) };
}

export function computeDashboard({ proposals, mous, today, operationalTarget, stuckAfterDays = DEFAULT_STUCK_AFTER_DAYS }: DashboardInput): Dashboard {
  const p = proposalFigures(proposals, today, stuckAfterDays);
  const m = mouFigures(mous, today);
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
    mouCount: m.mouCount,
    mouFigures: m.mouFigures,
    attentionMous: m.attentionMous,
    overdueObligations: m.overdueObligations,
    periodsEnding: m.periodsEnding,
    outOfStep: proposalMouStepIssues(proposals, m.steps),
    nextActions: nextActionFigures(proposals, mous, today),
  };
}
