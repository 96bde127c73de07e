import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Notifier, Timer } from '../../../electron/services/platform';
import { REMINDER_CHECK_MS } from '../../../electron/services/reminders';
import type { Result } from '../../../shared/api/result';
import type { Proposal } from '../../../shared/domain/proposal';
import { useTempDataDir } from './temp-data-dir';
import { database, faisalabadMou, writeDataFolder } from '../../support/mou-data';
import type { Mou } from '../../../shared/domain/mou';

const makeDir = useTempDataDir();

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A clock the test moves, a timer it turns by hand, and a notifier that records: no real waiting. */
function testShell(start: string) {
  let now = new Date(start);
  const shown: { title: string; body: string; onClick?: () => void }[] = [];
  const ticks: { ms: number; run: () => void }[] = [];
  const timer: Timer = {
    every(ms, run) {
      const tick = { ms, run };
      ticks.push(tick);
      return () => ticks.splice(ticks.indexOf(tick), 1);
    },
  };
  const notifier: Notifier = {
    notify(n) {
      shown.push(n);
      return true;
    },
  };
  return {
    clock: { now: () => now },
    timer,
    notifier,
    shown,
    ticks,
    /** Moves the clock on and fires the timer as often as that much time would. */
    advance(ms: number) {
      const steps = Math.floor(ms / REMINDER_CHECK_MS);
      for (let i = 0; i < steps; i++) {
        now = new Date(now.getTime() + REMINDER_CHECK_MS);
        for (const tick of [...ticks]) tick.run();
      }
    },
  };
}

const fields = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab' };

describe('next actions and reminders over a real data file', () => {
  it('sets a next action, marks it done into the history, and keeps Urdu intact', async () => {
    const dir = await makeDir();
    const shell = testShell('2026-11-27T05:00:00.000Z');
    const services = await openParkServices({ dataDir: dir, appVersion: 'test', clock: shell.clock });
    value(await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' }));
    const proposal = value<Proposal>(await services.dispatch('createProposal', { fields }));
    const record = { kind: 'proposal', id: proposal.id };
    const set = value<{ updatedAt: string }>(
      await services.dispatch('setNextAction', { record, expectedUpdatedAt: proposal.updatedAt, action: { what: 'مسودہ بھیجیں', by: 'Bilal', dueOn: '28-Nov-2026' } }),
    );
    const refused = await services.dispatch('setNextAction', { record, expectedUpdatedAt: set.updatedAt, action: { what: '', dueOn: 'soon' } });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? undefined : refused.error.fieldErrors).toMatchObject({ 'action.what': 'What is required.', 'action.dueOn': expect.stringMatching(/By when must be a real date/) });

    const due = value<{ items: { kind: string; text: string; daysLeft: number }[] }>(await services.dispatch('getDueList', {}));
    expect(due.items).toEqual([expect.objectContaining({ kind: 'next-action', text: 'مسودہ بھیجیں', daysLeft: 1 })]);
    const dashboard = value<{ nextActions: { figures: Record<string, number> } }>(await services.dispatch('getDashboard', {}));
    expect(dashboard.nextActions.figures).toEqual({ 'next-actions-overdue': 0, 'next-actions-due-7': 1 });

    value(await services.dispatch('completeNextAction', { record, expectedUpdatedAt: set.updatedAt, note: 'Sent by TCS' }));
    await services.close();
    const stored = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
    expect(stored.proposals[0].nextAction).toBeUndefined();
    expect(stored.proposals[0].nextActionsDone).toEqual([
      { what: 'مسودہ بھیجیں', by: 'Bilal', dueOn: '2026-11-28', setAt: '2026-11-27T05:00:00.000Z', setBy: 'Ayesha Khan', doneAt: '2026-11-27T05:00:00.000Z', doneBy: 'Ayesha Khan', note: 'Sent by TCS' },
    ]);
  });

  it('keeps a next action on an MoU too, refuses a stale or archived record, and an archived MoU leaves the due list', async () => {
    const dir = await writeDataFolder(await makeDir(), database({ mous: [faisalabadMou((f) => (f.obligations = []))] }));
    const services = await openParkServices({ dataDir: dir, appVersion: 'test', clock: { now: () => new Date('2026-11-27T05:00:00.000Z') } });
    const mou = value<Mou>(await services.dispatch('getMou', { id: faisalabadMou().id }));
    const record = { kind: 'mou', id: mou.id };
    const stale = await services.dispatch('setNextAction', { record, expectedUpdatedAt: '2020-01-01T00:00:00.000Z', action: { what: 'Renew', dueOn: '2026-11-30' } });
    expect(stale.ok ? '' : stale.error.code).toBe('conflict');
    const set = value<{ updatedAt: string }>(await services.dispatch('setNextAction', { record, expectedUpdatedAt: mou.updatedAt, action: { what: 'Draft the renewal', dueOn: '2026-11-20' } }));
    const due = value<{ items: { kind: string; overdue: boolean }[] }>(await services.dispatch('getDueList', {}));
    expect(due.items.filter((i) => i.kind === 'next-action')).toEqual([expect.objectContaining({ overdue: true, recordLabel: 'PSEB-STP-FSD-2021-01' })]);
    const dashboard = value<{ nextActions: { figures: Record<string, number> } }>(await services.dispatch('getDashboard', {}));
    expect(dashboard.nextActions.figures).toEqual({ 'next-actions-overdue': 1, 'next-actions-due-7': 0 });
    const archived = value<Mou>(await services.dispatch('archiveMou', { id: mou.id }));
    expect(archived.updatedAt >= set.updatedAt).toBe(true);
    expect(value<{ items: unknown[] }>(await services.dispatch('getDueList', {})).items).toEqual([]);
    const refused = await services.dispatch('completeNextAction', { record, expectedUpdatedAt: archived.updatedAt });
    expect(refused.ok ? '' : refused.error.message).toMatch(/archived/);
    await services.close();
  });

  it('reminds at start and once a day, never twice a day, leaves snoozed items out, and a click opens the due list', async () => {
    const dir = await makeDir();
    // 18:00 UTC on the 27th: 23:00 in Pakistan, an hour before the Pakistan day turns.
    const shell = testShell('2026-11-27T18:00:00.000Z');
    let opened = 0;
    const open = () => openParkServices({ dataDir: dir, appVersion: 'test', clock: shell.clock, timer: shell.timer, platform: { notifier: shell.notifier }, onReminderClick: () => opened++ });
    let services = await open();
    expect(shell.shown).toEqual([]); // nothing due, nothing shown
    const proposal = value<Proposal>(await services.dispatch('createProposal', { fields }));
    value(await services.dispatch('setNextAction', { record: { kind: 'proposal', id: proposal.id }, expectedUpdatedAt: proposal.updatedAt, action: { what: 'Visit the site', dueOn: '2026-11-29' } }));
    await services.close();
    expect(shell.ticks).toHaveLength(0); // closing stops the timer

    services = await open();
    expect(shell.shown).toHaveLength(1);
    expect(shell.shown[0]!.title).toBe('Park Desk: 1 due this week');
    expect(shell.shown[0]!.body).toBe('1 next action due this week: “Visit the site” (PSEB/STP/FSD/2021-01 Faisalabad STP, due in 2 days)');
    shell.shown[0]!.onClick!();
    expect(opened).toBe(1);

    shell.advance(45 * 60 * 1000); // still the 27th in Pakistan
    expect(shell.shown).toHaveLength(1);
    shell.advance(30 * 60 * 1000); // the 28th has begun in Pakistan
    expect(shell.shown).toHaveLength(2);
    expect(shell.shown[1]!.body).toMatch(/due tomorrow/);

    const { items } = value<{ items: { key: string }[] }>(await services.dispatch('getDueList', {}));
    const { until } = value<{ until: string }>(await services.dispatch('snoozeDueItem', { key: items[0]!.key, days: 1 }));
    expect(until).toBe('2026-11-29');
    const listed = value<{ items: { snoozedUntil?: string }[] }>(await services.dispatch('getDueList', {}));
    expect(listed.items[0]!.snoozedUntil).toBe('2026-11-29');
    shell.advance(24 * 60 * 60 * 1000); // the 29th: the snooze has ended, the action is due today
    expect(shell.shown).toHaveLength(3);
    expect(shell.shown[2]!.body).toMatch(/due today/);
    await services.close();
  });

  it('shows no reminder on a day when everything due is snoozed', async () => {
    const dir = await makeDir();
    const shell = testShell('2026-11-27T05:00:00.000Z');
    const open = () => openParkServices({ dataDir: dir, appVersion: 'test', clock: shell.clock, timer: shell.timer, platform: { notifier: shell.notifier } });
    let services = await open();
    const proposal = value<Proposal>(await services.dispatch('createProposal', { fields }));
    value(await services.dispatch('setNextAction', { record: { kind: 'proposal', id: proposal.id }, expectedUpdatedAt: proposal.updatedAt, action: { what: 'Visit', dueOn: '2026-11-27' } }));
    const { items } = value<{ items: { key: string }[] }>(await services.dispatch('getDueList', {}));
    value(await services.dispatch('snoozeDueItem', { key: items[0]!.key, days: 7 }));
    await services.close();
    services = await open();
    expect(shell.shown).toEqual([]);
    await services.close();
  });
});
