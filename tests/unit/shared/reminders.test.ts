import { describe, expect, it } from 'vitest';
import type { Mou } from '../../../shared/domain/mou';
import { describeDue, NextActionInputSchema, nextActionTiming, type NextAction } from '../../../shared/domain/next-action';
import { summariseProposal } from '../../../shared/domain/proposal-summary';
import { activeSnoozes, buildReminder, dueItems, withSnooze } from '../../../shared/domain/reminders';
import { addDays, todayInPakistan } from '../../../shared/format/dates';
import { faisalabadMou, faisalabadProposal } from '../../support/mou-data';

const TODAY = '2026-11-27';
const action = (dueOn: string, what = 'Send the draft MoU to the university'): NextAction => ({ what, by: 'Bilal Ahmed', dueOn, setAt: '2026-11-20T05:00:00.000Z', setBy: 'Ayesha Siddiqui' });

/** The Faisalabad MoU in force until 2031, with nothing due: each test adds the one thing it is about. */
const quietMou = (change: (m: Mou) => void = () => {}): Mou => {
  const mou = faisalabadMou((f) => {
    f.signedOn = '2026-06-01';
    f.effectiveOn = '2026-06-01';
    f.nextReviewOn = undefined;
    f.obligations = [];
  });
  change(mou);
  return mou;
};
const proposalWith = (nextAction?: NextAction, archivedAt?: string) => summariseProposal({ ...faisalabadProposal(), ...(nextAction ? { nextAction } : {}), ...(archivedAt ? { archivedAt } : {}) });

describe('next actions', () => {
  it('are overdue, due today, due this week or later, counted in Pakistan days', () => {
    expect(nextActionTiming(action('2026-11-26'), TODAY)).toEqual({ timing: 'overdue', daysLeft: -1 });
    expect(nextActionTiming(action('2026-11-27'), TODAY)).toEqual({ timing: 'today', daysLeft: 0 });
    expect(nextActionTiming(action('2026-12-04'), TODAY)).toEqual({ timing: 'this-week', daysLeft: 7 });
    expect(nextActionTiming(action('2026-12-05'), TODAY)).toEqual({ timing: 'later', daysLeft: 8 });
    // 19:30 UTC on the 27th is already the 28th in Pakistan: an action due the 28th is due today.
    expect(nextActionTiming(action('2026-11-28'), todayInPakistan(new Date('2026-11-27T19:30:00Z'))).timing).toBe('today');
    expect(nextActionTiming(action('2026-11-28'), todayInPakistan(new Date('2026-11-27T18:59:00Z'))).timing).toBe('this-week');
    expect([describeDue(1), describeDue(0), describeDue(-3)]).toEqual(['due tomorrow', 'due today', '3 days overdue']);
  });

  it('need what and a real date; Urdu and typed dates come through intact', () => {
    const ok = NextActionInputSchema.parse({ what: ' مسودہ یونیورسٹی کو بھیجیں ', by: 'بلال احمد', dueOn: '28-Nov-2026' });
    expect(ok).toEqual({ what: 'مسودہ یونیورسٹی کو بھیجیں', by: 'بلال احمد', dueOn: '2026-11-28' });
    const bad = NextActionInputSchema.safeParse({ what: '', by: '', dueOn: '31-Feb-2026' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(messages.what).toBe('What is required.');
    expect(messages.dueOn).toMatch(/By when must be a real date/);
    const blank = NextActionInputSchema.safeParse({ what: 'Call the partner', dueOn: '' });
    expect(blank.error!.issues[0]!.message).toMatch(/By when is required/);
  });
});

describe('the reminder', () => {
  it('shows nothing when nothing is due', () => {
    expect(buildReminder({ proposals: [proposalWith(action('2026-12-20'))], mous: [quietMou()], today: TODAY })).toBeUndefined();
  });

  it('names a next action due tomorrow, with its record', () => {
    const reminder = buildReminder({ proposals: [proposalWith(action('2026-11-28', 'مسودہ بھیجیں'))], mous: [], today: TODAY })!;
    expect(reminder.title).toBe('Park Desk: 1 due this week');
    expect(reminder.lines).toEqual(['1 next action due this week: “مسودہ بھیجیں” (PSEB/STP/FSD/2021-01 Faisalabad Software Technology Park, due tomorrow)'.replace('Faisalabad Software Technology Park', faisalabadProposal().fields.title)]);
    expect(reminder.items[0]).toMatchObject({ kind: 'next-action', record: { kind: 'proposal' }, dueOn: '2026-11-28', daysLeft: 1, overdue: false });
  });

  it('covers every kind: MoU expired, in its notice period, obligations, next actions on MoUs, review dates', () => {
    const expired = faisalabadMou((f) => {
      f.obligations = [];
      f.nextReviewOn = undefined;
    }); // signed 20-May-2021 for 5 years
    const inNotice = quietMou((m) => {
      m.id = '5c1b3c9e-0000-4000-8000-000000000002';
      m.fields.mouNumber = 'NOTICE-1';
      m.fields.signedOn = '2021-12-10';
      m.fields.effectiveOn = '2021-12-10';
    });
    const busy = quietMou((m) => {
      m.id = '5c1b3c9e-0000-4000-8000-000000000003';
      m.fields.mouNumber = 'BUSY-1';
      m.fields.nextReviewOn = '2026-11-30';
      const base = { partyId: m.fields.parties[0]!.id, owner: 'Director Parks' };
      m.fields.obligations = [
        { ...base, id: '5c1b3c9e-0000-4000-8000-0000000000a1', description: 'Overdue report', dueOn: '2026-11-20' },
        { ...base, id: '5c1b3c9e-0000-4000-8000-0000000000a2', description: 'Fit-out inspection', dueOn: '2026-12-01' },
        { ...base, id: '5c1b3c9e-0000-4000-8000-0000000000a3', description: 'Next month', dueOn: '2026-12-20' },
        { ...base, id: '5c1b3c9e-0000-4000-8000-0000000000a4', description: 'Done already', dueOn: '2026-11-21', completedOn: '2026-11-21' },
      ];
      m.nextAction = action('2026-11-25', 'Chase the signed copy');
    });
    const reminder = buildReminder({ proposals: [], mous: [expired, inNotice, busy], today: TODAY })!;
    expect(reminder.items.map((i) => i.kind).sort()).toEqual(['mou-expired', 'mou-notice', 'next-action', 'obligation', 'obligation', 'review']);
    expect(reminder.lines).toEqual([
      expect.stringMatching(/^1 MoU expired: PSEB-STP-FSD-2021-01$/),
      expect.stringMatching(/^1 MoU in the notice period: NOTICE-1 \(notice by \d\d-[A-Z][a-z]{2}-2026\)$/),
      '1 next action overdue: “Chase the signed copy” (BUSY-1, 2 days overdue)',
      '2 obligations 1 overdue, 1 due this week: “Overdue report” (BUSY-1, 7 days overdue); “Fit-out inspection” (BUSY-1, due in 4 days)',
      '1 review date due this week: BUSY-1 (30-Nov-2026)',
    ]);
    // The notice deadline has passed, so that MoU counts as overdue too.
    expect(reminder.title).toBe('Park Desk: 4 overdue, 2 due this week');
    // The most overdue first.
    expect(reminder.items[0]!.overdue).toBe(true);
    expect(reminder.items.at(-1)!.overdue).toBe(false);
  });

  it('leaves out snoozed items until the snooze ends, and archived records always', () => {
    const proposals = [proposalWith(action('2026-11-28'))];
    const [item] = dueItems({ proposals, mous: [], today: TODAY });
    const snoozes = withSnooze(undefined, item!.key, 1, TODAY);
    expect(snoozes).toEqual([{ key: item!.key, until: '2026-11-28' }]);
    expect(buildReminder({ proposals, mous: [], today: TODAY, snoozes })).toBeUndefined();
    // On the day the snooze ends it is back (and the snooze has expired).
    expect(buildReminder({ proposals, mous: [], today: '2026-11-28', snoozes })!.items).toHaveLength(1);
    expect(activeSnoozes(snoozes, '2026-11-28')).toEqual([]);
    // A week's snooze; a changed date is a new item, so the snooze no longer holds it.
    const week = withSnooze(snoozes, item!.key, 7, TODAY);
    expect(week).toEqual([{ key: item!.key, until: addDays(TODAY, 7) }]);
    const moved = [proposalWith(action('2026-11-29'))];
    expect(buildReminder({ proposals: moved, mous: [], today: TODAY, snoozes: week })!.snoozed).toBe(0);
    const reminder = buildReminder({ proposals: [...proposals, ...moved], mous: [], today: TODAY, snoozes: week })!;
    expect([reminder.items.length, reminder.snoozed]).toEqual([1, 1]);
    expect(buildReminder({ proposals: [proposalWith(action('2026-11-28'), '2026-11-01T00:00:00.000Z')], mous: [], today: TODAY })).toBeUndefined();
  });
});
