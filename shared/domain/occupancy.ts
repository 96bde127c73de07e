import { z } from 'zod';
import { MAX_LONG_TEXT, optionalNumber, optionalText, requiredNumber } from '../validation/field-values';
import { parsePeriodKey, periodRange, periodWithin, type FiscalPeriod } from './fiscal-period';
import type { MouFields } from './mou';
import type { Stage } from './stages';

/** Stages at which a park houses firms, so PSEB asks it for occupancy returns. */
export const RETURN_STAGES: readonly Stage[] = ['fit-out', 'operational'];

export function acceptsReturns(stage: Stage): boolean {
  return RETURN_STAGES.includes(stage);
}

/** A return covers a calendar month or a fiscal quarter. */
const ReturnPeriodSchema = z
  .string({ error: 'Choose the month or quarter the return is for.' })
  .trim()
  .min(1, { error: 'Choose the month or quarter the return is for.' })
  .refine((key) => {
    const period = parsePeriodKey(key);
    return period !== undefined && period.kind !== 'year';
  }, { error: 'A return is for one month (2026-10) or one fiscal quarter (FY2026-27-Q2).' });

/** What the official types on the return form; the same schema checks it in main. */
const returnValuesShape = {
  period: ReturnPeriodSchema,
  firmsHoused: requiredNumber('Firms housed', { integer: true, min: 0, max: 100_000 }),
  /** Optional, one firm per line. */
  firmNames: optionalText('Names of the firms', MAX_LONG_TEXT),
  seatsAvailable: requiredNumber('Seats available', { integer: true, positive: true, max: 10_000_000 }),
  seatsOccupied: requiredNumber('Seats occupied', { integer: true, min: 0, max: 10_000_000 }),
  peopleEmployed: optionalNumber('People employed', { integer: true, min: 0, max: 10_000_000 }),
  note: optionalText('Note', MAX_LONG_TEXT),
};

function checkSeats(values: { seatsAvailable?: number; seatsOccupied?: number }, ctx: z.RefinementCtx): void {
  if (values.seatsAvailable !== undefined && values.seatsOccupied !== undefined && values.seatsOccupied > values.seatsAvailable) {
    ctx.addIssue({ code: 'custom', path: ['seatsOccupied'], message: `Seats occupied cannot be more than the ${values.seatsAvailable} seats available.` });
  }
}

export const OccupancyReturnValuesSchema = z.strictObject(returnValuesShape).superRefine(checkSeats);
export type OccupancyReturnValues = z.output<typeof OccupancyReturnValuesSchema>;

/** One return as kept on the proposal; a history, one entry per period. */
export const OccupancyReturnSchema = z
  .strictObject({
    ...returnValuesShape,
    id: z.uuid({ error: 'Not a valid record id.' }),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().max(120),
  })
  .superRefine(checkSeats);
export type OccupancyReturn = z.output<typeof OccupancyReturnSchema>;

export type Targets = Pick<MouFields, 'targetFirms' | 'targetSeats' | 'targetJobs'>;

/** Seats occupied out of seats available, in per cent (unrounded). */
export function occupancyPercent(r: Pick<OccupancyReturn, 'seatsAvailable' | 'seatsOccupied'>): number | undefined {
  return r.seatsAvailable > 0 ? (r.seatsOccupied / r.seatsAvailable) * 100 : undefined;
}

/** 75 -> "75%", 66.666 -> "67%": whole per cents, as a Ministry table shows them. */
export function formatPercent(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : `${Math.round(value)}%`;
}

/** How far a figure is towards its target, in per cent; undefined without a target. */
export function progressPercent(achieved: number | undefined, target: number | undefined): number | undefined {
  return achieved === undefined || !target ? undefined : (achieved / target) * 100;
}

/**
 * The return that speaks for a park: the one whose period ends last (within `within`, when
 * given: a quarter's report uses that quarter's returns and its months' returns). Between a
 * month and a quarter ending the same day the month is the fresher count; then the one
 * recorded last.
 */
export function latestReturn(returns: readonly OccupancyReturn[] | undefined, within?: FiscalPeriod): OccupancyReturn | undefined {
  let best: { r: OccupancyReturn; end: string; start: string } | undefined;
  for (const r of returns ?? []) {
    const period = parsePeriodKey(r.period);
    if (!period || (within && !periodWithin(period, within))) continue;
    const { start, end } = periodRange(period);
    if (!best || end > best.end || (end === best.end && (start > best.start || (start === best.start && r.recordedAt > best.r.recordedAt)))) {
      best = { r, end, start };
    }
  }
  return best?.r;
}

/** One park's occupancy from one return, against its MoU's targets. Derived, never stored. */
export interface ParkOccupancy {
  returnId: string;
  period: string;
  firmsHoused: number;
  seatsAvailable: number;
  seatsOccupied: number;
  peopleEmployed?: number;
  occupancyPercent?: number;
  targetFirms?: number;
  targetSeats?: number;
  targetJobs?: number;
}

export function parkOccupancy(r: OccupancyReturn, targets: Targets | undefined): ParkOccupancy {
  return {
    returnId: r.id,
    period: r.period,
    firmsHoused: r.firmsHoused,
    seatsAvailable: r.seatsAvailable,
    seatsOccupied: r.seatsOccupied,
    ...(r.peopleEmployed === undefined ? {} : { peopleEmployed: r.peopleEmployed }),
    ...(occupancyPercent(r) === undefined ? {} : { occupancyPercent: occupancyPercent(r) }),
    ...(targets?.targetFirms === undefined ? {} : { targetFirms: targets.targetFirms }),
    ...(targets?.targetSeats === undefined ? {} : { targetSeats: targets.targetSeats }),
    ...(targets?.targetJobs === undefined ? {} : { targetJobs: targets.targetJobs }),
  };
}

/** A figure summed over the parks that report it and have a target for it. */
export interface AgainstTarget {
  achieved: number;
  target: number;
  parks: number;
}

export interface OccupancyTotals {
  /** Parks whose figures are summed (those with a return). */
  parksReporting: number;
  firmsHoused: number;
  seatsAvailable: number;
  seatsOccupied: number;
  peopleEmployed: number;
  occupancyPercent?: number;
  firms: AgainstTarget;
  seats: AgainstTarget;
  jobs: AgainstTarget;
}

/** Totals over parks' occupancy; each "against target" pair counts only parks that have both figures. */
export function occupancyTotals(rows: readonly (ParkOccupancy | undefined)[]): OccupancyTotals {
  const t: OccupancyTotals = {
    parksReporting: 0,
    firmsHoused: 0,
    seatsAvailable: 0,
    seatsOccupied: 0,
    peopleEmployed: 0,
    firms: { achieved: 0, target: 0, parks: 0 },
    seats: { achieved: 0, target: 0, parks: 0 },
    jobs: { achieved: 0, target: 0, parks: 0 },
  };
  const add = (pair: AgainstTarget, achieved: number | undefined, target: number | undefined) => {
    if (achieved === undefined || target === undefined) return;
    pair.achieved += achieved;
    pair.target += target;
    pair.parks += 1;
  };
  for (const o of rows) {
    if (!o) continue;
    t.parksReporting += 1;
    t.firmsHoused += o.firmsHoused;
    t.seatsAvailable += o.seatsAvailable;
    t.seatsOccupied += o.seatsOccupied;
    t.peopleEmployed += o.peopleEmployed ?? 0;
    add(t.firms, o.firmsHoused, o.targetFirms);
    add(t.seats, o.seatsOccupied, o.targetSeats);
    add(t.jobs, o.peopleEmployed, o.targetJobs);
  }
  const percent = occupancyPercent(t);
  if (percent !== undefined) t.occupancyPercent = percent;
  return t;
}

/** Returns newest period first, as the history is shown. */
export function returnsNewestFirst(returns: readonly OccupancyReturn[] | undefined): OccupancyReturn[] {
  const endOf = (r: OccupancyReturn) => {
    const p = parsePeriodKey(r.period);
    return p ? periodRange(p) : { start: r.period, end: r.period };
  };
  return [...(returns ?? [])].sort((a, b) => {
    const [ea, eb] = [endOf(a), endOf(b)];
    return eb.end.localeCompare(ea.end) || eb.start.localeCompare(ea.start) || b.recordedAt.localeCompare(a.recordedAt);
  });
}
