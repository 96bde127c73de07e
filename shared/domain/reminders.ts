import { z } from 'zod';
import { addDays, daysBetween, formatDate } from '../format/dates';
import { countOf } from '../format/plural';
import type { Mou } from './mou';
import { obligationState } from './mou-dates';
import { isMouLive } from './mou-list-query';
import { summariseMou } from './mou-summary';
import { describeDue, DUE_SOON_DAYS, isNextActionDue, type NextAction } from './next-action';
import type { ProposalSummary } from './proposal-summary';

/**
 * What is overdue and what falls due this week, as one list of items: MoUs expired or in their
 * notice period, obligations, next actions and review dates. The dashboard counts its next-action
 * figures from these items with the due list's own filter (matchesDuePreset), the due list shows
 * them, and the reminder (buildReminder) summarises those not snoozed. Computed, never stored.
 */

export const DUE_KINDS = ['mou-expired', 'mou-notice', 'obligation', 'next-action', 'review'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const DueItemSchema = z.object({
  /**
   * Names the item and the date it is due, so a snooze ends when the date is changed (and a
   * next action set again is a new item): snoozed "until changed" as well as until a day.
   */
  key: z.string(),
  kind: z.enum(DUE_KINDS),
  record: z.object({ kind: z.enum(['proposal', 'mou']), id: z.string() }),
  /** The MoU number, or the proposal's reference and title. */
  recordLabel: z.string(),
  /** What is due, in a few words (the next action's text as typed, Urdu included). */
  text: z.string(),
  by: z.string().optional(),
  dueOn: z.string().optional(),
  /** Days from today to dueOn, negative once passed. */
  daysLeft: z.number().optional(),
  overdue: z.boolean(),
});
export type DueItem = z.output<typeof DueItemSchema>;

/** The views of the due list; the dashboard's next-action figures open the last two. */
export const DUE_LIST_PRESETS = ['all', 'next-actions-overdue', 'next-actions-due-7'] as const;
export type DueListPreset = (typeof DUE_LIST_PRESETS)[number];
export const DUE_LIST_PRESET_LABELS: Record<DueListPreset, string> = {
  all: 'Everything overdue or due this week',
  'next-actions-overdue': 'Next actions overdue',
  'next-actions-due-7': `Next actions due in the next ${DUE_SOON_DAYS} days`,
};

/** The due list's one test of an item; the dashboard counts its figures with it too. */
export function matchesDuePreset(item: DueItem, preset: DueListPreset): boolean {
  switch (preset) {
    case 'all':
      return true;
    case 'next-actions-overdue':
      return item.kind === 'next-action' && item.overdue;
    case 'next-actions-due-7':
      return item.kind === 'next-action' && !item.overdue;
  }
}

export function filterDueItems<T extends DueItem>(items: readonly T[], preset: DueListPreset): T[] {
  return items.filter((item) => matchesDuePreset(item, preset));
}

export interface DueInput {
  /** Proposal rows with their next action; archived ones are left out. */
  proposals: readonly Pick<ProposalSummary, 'id' | 'referenceNumber' | 'title' | 'archivedAt' | 'nextAction'>[];
  /** Archived MoUs are left out. */
  mous: readonly Mou[];
  /** Today in Pakistan (YYYY-MM-DD). */
  today: string;
}

const dated = (dueOn: string, today: string) => {
  const daysLeft = daysBetween(today, dueOn);
  return { dueOn, daysLeft, overdue: daysLeft < 0 };
};

function nextActionItem(kind: 'proposal' | 'mou', id: string, recordLabel: string, action: NextAction, today: string): DueItem {
  return {
    key: `next-action:${kind}:${id}:${action.dueOn}:${action.setAt}`,
    kind: 'next-action',
    record: { kind, id },
    recordLabel,
    text: action.what,
    ...(action.by ? { by: action.by } : {}),
    ...dated(action.dueOn, today),
  };
}

/** The next actions overdue or due within DUE_SOON_DAYS days (unsorted); the dashboard counts only these. */
export function nextActionItems({ proposals, mous, today }: DueInput): DueItem[] {
  const items: DueItem[] = [];
  for (const p of proposals) {
    if (p.archivedAt || !p.nextAction || !isNextActionDue(p.nextAction, today)) continue;
    items.push(nextActionItem('proposal', p.id, `${p.referenceNumber} ${p.title}`, p.nextAction, today));
  }
  for (const mou of mous) {
    if (mou.archivedAt || !mou.nextAction || !isNextActionDue(mou.nextAction, today)) continue;
    items.push(nextActionItem('mou', mou.id, mou.fields.mouNumber, mou.nextAction, today));
  }
  return items;
}

/** Every item overdue or due within DUE_SOON_DAYS days, the most overdue first. */
export function dueItems(input: DueInput): DueItem[] {
  const { mous, today } = input;
  const items = nextActionItems(input);
  const soon = (dueOn: string | undefined): dueOn is string => dueOn !== undefined && daysBetween(today, dueOn) <= DUE_SOON_DAYS;
  for (const mou of mous) {
    if (mou.archivedAt) continue;
    const row = summariseMou(mou, undefined, today);
    const record = { kind: 'mou' as const, id: mou.id };
    const label = mou.fields.mouNumber;
    if (row.state === 'expired') {
      items.push({ key: `mou-expired:${mou.id}`, kind: 'mou-expired', record, recordLabel: label, text: row.stateSentence, ...(row.expiresOn ? dated(row.expiresOn, today) : {}), overdue: true });
    } else if (row.state === 'notice-period' && row.noticeBy) {
      items.push({ key: `mou-notice:${mou.id}:${row.noticeBy}`, kind: 'mou-notice', record, recordLabel: label, text: row.stateSentence, ...dated(row.noticeBy, today) });
    }
    if (!isMouLive(row)) continue;
    for (const o of mou.fields.obligations) {
      if (obligationState(o, today) === 'done' || !soon(o.dueOn)) continue;
      items.push({
        key: `obligation:${mou.id}:${o.id}:${o.dueOn}`,
        kind: 'obligation',
        record,
        recordLabel: label,
        text: o.description,
        ...(o.owner ? { by: o.owner } : {}),
        ...dated(o.dueOn, today),
      });
    }
    if (soon(row.nextReviewOn)) {
      items.push({ key: `review:${mou.id}:${row.nextReviewOn}`, kind: 'review', record, recordLabel: label, text: 'Review date', ...dated(row.nextReviewOn, today) });
    }
  }
  return sortDueItems(items);
}

/** The most overdue first, then the soonest due. */
export function sortDueItems(items: DueItem[]): DueItem[] {
  return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.daysLeft ?? -99_999) - (b.daysLeft ?? -99_999) || a.key.localeCompare(b.key));
}

/** One snoozed item: left out of reminders until `until` (a Pakistan date), or until its date changes. */
export const ReminderSnoozeSchema = z.strictObject({
  key: z.string().min(1).max(600),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type ReminderSnooze = z.output<typeof ReminderSnoozeSchema>;

export const SNOOZE_CHOICES = [
  { days: 1, label: 'Snooze 1 day' },
  { days: 7, label: 'Snooze 1 week' },
] as const;
export type SnoozeDays = (typeof SNOOZE_CHOICES)[number]['days'];

/** The snoozes still in force today: one that reached its day has expired. */
export function activeSnoozes(snoozes: readonly ReminderSnooze[] | undefined, today: string): ReminderSnooze[] {
  return (snoozes ?? []).filter((s) => s.until > today);
}

/** The snooze list after snoozing `key` for `days` from today (expired ones dropped, one entry per key). */
export function withSnooze(snoozes: readonly ReminderSnooze[] | undefined, key: string, days: SnoozeDays, today: string): ReminderSnooze[] {
  return [...activeSnoozes(snoozes, today).filter((s) => s.key !== key), { key, until: addDays(today, days) }];
}

export interface Reminder {
  /** The items in the reminder: due and not snoozed. */
  items: DueItem[];
  /** Items due but left out because they are snoozed. */
  snoozed: number;
  title: string;
  /** One line per kind of item, most pressing first. */
  lines: string[];
  body: string;
}

const KIND_ORDER: readonly DueKind[] = ['mou-expired', 'mou-notice', 'next-action', 'obligation', 'review'];
const SHOWN_PER_LINE = 2;

function itemWords(item: DueItem): string {
  switch (item.kind) {
    case 'mou-expired':
      return item.recordLabel;
    case 'mou-notice':
      return `${item.recordLabel} (notice by ${formatDate(item.dueOn)})`;
    case 'review':
      return `${item.recordLabel} (${formatDate(item.dueOn)})`;
    default:
      return `“${item.text}” (${item.recordLabel}, ${describeDue(item.daysLeft ?? 0)})`;
  }
}

function kindLine(kind: DueKind, items: DueItem[]): string {
  const overdue = items.filter((i) => i.overdue).length;
  const split = overdue === items.length ? 'overdue' : overdue === 0 ? 'due this week' : `${overdue} overdue, ${items.length - overdue} due this week`;
  const head = {
    'mou-expired': `${countOf(items.length, 'MoU')} expired`,
    'mou-notice': `${countOf(items.length, 'MoU')} in the notice period`,
    'next-action': `${countOf(items.length, 'next action')} ${split}`,
    obligation: `${countOf(items.length, 'obligation')} ${split}`,
    review: `${countOf(items.length, 'review date')} ${overdue === items.length ? 'passed' : overdue === 0 ? 'due this week' : `${overdue} passed, ${items.length - overdue} due this week`}`,
  }[kind];
  const named = items.slice(0, SHOWN_PER_LINE).map(itemWords).join('; ');
  const more = items.length > SHOWN_PER_LINE ? `; and ${items.length - SHOWN_PER_LINE} more` : '';
  return `${head}: ${named}${more}`;
}

/**
 * The reminder for today: what is overdue and what falls due this week, snoozed items left out.
 * Undefined when nothing is due (no notification is shown then).
 */
export function buildReminder(input: DueInput & { snoozes?: readonly ReminderSnooze[] | undefined }): Reminder | undefined {
  const snoozed = new Set(activeSnoozes(input.snoozes, input.today).map((s) => s.key));
  const all = dueItems(input);
  const items = all.filter((item) => !snoozed.has(item.key));
  if (items.length === 0) return undefined;
  const lines = KIND_ORDER.flatMap((kind) => {
    const ofKind = items.filter((i) => i.kind === kind);
    return ofKind.length === 0 ? [] : [kindLine(kind, ofKind)];
  });
  const overdue = items.filter((i) => i.overdue).length;
  const soon = items.length - overdue;
  const parts = [overdue > 0 ? `${overdue} overdue` : '', soon > 0 ? `${soon} due this week` : ''].filter(Boolean);
  return { items, snoozed: all.length - items.length, title: `Park Desk: ${parts.join(', ')}`, lines, body: lines.join('\n') };
}
