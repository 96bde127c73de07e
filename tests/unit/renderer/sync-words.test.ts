import { describe, expect, it } from 'vitest';
import { conflictFieldLabel, conflictValueText } from '../../../renderer/src/features/sync/conflict-words';
import { conflictsSentence, HTTPS_REQUIRED, serverAddressProblem, syncStatusSentence, whenSynced } from '../../../renderer/src/features/sync/sync-words';

// 27-Nov-2026 12:00 in Pakistan (UTC+5).
const NOW = new Date('2026-11-27T07:00:00.000Z');

describe('the sync status line in words', () => {
  it('says when the last sync was (a time today, a date before) and how many changes wait', () => {
    expect(syncStatusSentence({ state: 'idle', lastSyncedAt: '2026-11-27T05:42:00.000Z', waitingChanges: 3, conflictCount: 0 }, NOW)).toBe(
      'Last synced 10:42 · 3 changes waiting',
    );
    expect(syncStatusSentence({ state: 'idle', lastSyncedAt: '2026-11-26T05:42:00.000Z', waitingChanges: 1, conflictCount: 0 }, NOW)).toBe(
      'Last synced 26-Nov-2026 10:42 · 1 change waiting',
    );
    expect(syncStatusSentence({ state: 'idle', lastSyncedAt: '2026-11-27T05:42:00.000Z', waitingChanges: 0, conflictCount: 0 }, NOW)).toBe('Last synced 10:42');
    expect(syncStatusSentence({ state: 'idle', waitingChanges: 0, conflictCount: 0 }, NOW)).toBe('Not synced yet');
  });

  it('reads midnight in Pakistan as the new day, whatever the UTC date', () => {
    // 00:30 on 28-Nov in Pakistan is still 27-Nov in UTC.
    expect(whenSynced('2026-11-27T19:30:00.000Z', new Date('2026-11-27T20:00:00.000Z'))).toBe('00:30');
    expect(whenSynced('2026-11-27T18:30:00.000Z', new Date('2026-11-27T20:00:00.000Z'))).toBe('27-Nov-2026 23:30');
  });

  it('says an unreachable server is a state to work on in, with what waits', () => {
    expect(syncStatusSentence({ state: 'unreachable', waitingChanges: 3, conflictCount: 0 }, NOW)).toBe('Server not reachable: working offline · 3 changes waiting');
    expect(syncStatusSentence({ state: 'syncing', waitingChanges: 3, conflictCount: 0 }, NOW)).toBe('Syncing…');
    expect(syncStatusSentence({ state: 'off', waitingChanges: 0, conflictCount: 0 }, NOW)).toBeUndefined();
    expect(syncStatusSentence({ state: 'refused', message: 'the password was not accepted', waitingChanges: 0, conflictCount: 0 }, NOW)).toBe(
      'The server refused this PC: the password was not accepted',
    );
  });

  it('counts conflicts to resolve, and says nothing when there are none', () => {
    expect(conflictsSentence(2)).toBe('2 conflicts to resolve');
    expect(conflictsSentence(1)).toBe('1 conflict to resolve');
    expect(conflictsSentence(0)).toBeUndefined();
  });
});

describe('the server address', () => {
  it('takes https anywhere and http only on this PC', () => {
    expect(serverAddressProblem('https://parks.pseb.org.pk:6984')).toBeUndefined();
    expect(serverAddressProblem('http://localhost:5984')).toBeUndefined();
    expect(serverAddressProblem('http://127.0.0.1:5984')).toBeUndefined();
    expect(serverAddressProblem('http://[::1]:5984')).toBeUndefined();
    expect(serverAddressProblem('http://parks.pseb.org.pk:5984')).toBe(HTTPS_REQUIRED);
    expect(serverAddressProblem('http://localhost.evil.example:5984')).toBe(HTTPS_REQUIRED);
    expect(serverAddressProblem('ftp://parks.pseb.org.pk')).toBe(HTTPS_REQUIRED);
    expect(serverAddressProblem('parks.pseb.org.pk')).toMatch(/whole address/);
    expect(serverAddressProblem('  ')).toMatch(/Enter the server address/);
  });
});

describe('a conflict in words', () => {
  it("names the field as the form does, and a list item's field with its item", () => {
    expect(conflictFieldLabel('fields.grossAreaSqFt', 'proposal')).toBe('Gross covered area');
    expect(conflictFieldLabel('grossAreaSqFt', 'proposal')).toBe('Gross covered area');
    expect(conflictFieldLabel('fields.termYears', 'mou')).toBe('Term (years)');
    expect(conflictFieldLabel('obligations[id=5].dueOn', 'mou')).toBe('Obligation: Due date');
    expect(conflictFieldLabel('fields.obligations[id=5].dueOn', 'mou')).toBe('Obligation: Due date');
    expect(conflictFieldLabel('fields.somethingNew', 'mou')).toBe('Something new');
    expect(conflictFieldLabel('Gross covered area', 'proposal')).toBe('Gross covered area');
  });

  it('shows values as officials read them', () => {
    expect(conflictValueText(19500)).toBe('19,500');
    expect(conflictValueText('2021-02-15')).toBe('15-Feb-2021');
    expect(conflictValueText(undefined)).toBe('(empty)');
    expect(conflictValueText('پہلا پارک')).toBe('پہلا پارک');
  });
});
