import { z } from 'zod';
import { daysBetween } from '../format/dates';
import { optionalDate, optionalText, requiredText } from '../validation/field-values';

/**
 * A record's next action: what must happen next, by whom and by when. A proposal or an MoU
 * carries at most one; once done it moves into the record's history of done actions with who
 * marked it done and when. Overdue is derived from the date and today, never stored.
 */

export const NEXT_ACTION_LABELS = { what: 'What', by: 'By whom', dueOn: 'By when' } as const;

/** Days ahead that count as "due this week" on the dashboard, the due list and the reminder. */
export const DUE_SOON_DAYS = 7;

/** What the official types in the dialog (Urdu allowed in both texts). */
export const NextActionInputSchema = z.strictObject({
  what: requiredText(NEXT_ACTION_LABELS.what, 500),
  by: optionalText(NEXT_ACTION_LABELS.by, 160),
  dueOn: optionalDate(NEXT_ACTION_LABELS.dueOn).pipe(z.string({ error: `${NEXT_ACTION_LABELS.dueOn} is required, for example 20-May-2021.` })),
});
export type NextActionInput = z.input<typeof NextActionInputSchema>;

const Instant = z.iso.datetime();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** As stored on a proposal or MoU (`nextAction`). */
export const NextActionSchema = z.strictObject({
  what: z.string().min(1).max(500),
  by: z.string().max(160).optional(),
  dueOn: IsoDate,
  /** Who set it and when (the official's name from the settings). */
  setAt: Instant,
  setBy: z.string().max(120),
});
export type NextAction = z.output<typeof NextActionSchema>;

/** A next action marked done (`nextActionsDone`, oldest first): appended, never edited. */
export const DoneActionSchema = NextActionSchema.extend({
  doneAt: Instant,
  doneBy: z.string().max(120),
  note: z.string().max(2000).optional(),
});
export type DoneAction = z.output<typeof DoneActionSchema>;

export type NextActionTiming = 'overdue' | 'today' | 'this-week' | 'later';

/** Where a next action stands today (a Pakistan date): derived, never stored. */
export function nextActionTiming(action: Pick<NextAction, 'dueOn'>, today: string): { timing: NextActionTiming; daysLeft: number } {
  const daysLeft = daysBetween(today, action.dueOn);
  const timing: NextActionTiming = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : daysLeft <= DUE_SOON_DAYS ? 'this-week' : 'later';
  return { timing, daysLeft };
}

/** Overdue, or due today or within DUE_SOON_DAYS days: what the dashboard and the reminder count. */
export function isNextActionDue(action: Pick<NextAction, 'dueOn'>, today: string): boolean {
  return nextActionTiming(action, today).timing !== 'later';
}

/** "Due tomorrow", "Due today", "3 days overdue", "Due 12-Dec-2026 (in 15 days)". */
export function describeDue(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  if (daysLeft === -1) return '1 day overdue';
  if (daysLeft < 0) return `${-daysLeft} days overdue`;
  return `due in ${daysLeft} days`;
}
