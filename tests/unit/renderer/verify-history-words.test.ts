import { expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../shared/domain/change-entry';
import { verifyChain, sealEntry } from '../../../electron/services/storage/journal';
import { plainReason, shortHash } from '../../../renderer/src/features/history/VerifyHistoryPanel';

const entry = (seq: number, prev: string, by = 'Ayesha Khan') =>
  sealEntry({ seq, at: '2026-03-12T05:42:00.000Z', by, recordKind: 'proposal', recordId: '5f0c7d5e-3b7a-4c1e-9d7a-1b2c3d4e5f60', op: 'update', changes: [], prev });

it('says in plain words why the chain broke, for each way the verifier finds it broken', () => {
  const first = entry(1, GENESIS_HASH);
  const second = entry(2, first.hash);
  const forged = { ...first, by: 'Ayesha Khen' };
  const altered = verifyChain({ entries: [forged, second] });
  expect(altered.ok).toBe(false);
  if (!altered.ok) expect(plainReason(altered.message)).toBe('it was changed after it was written.');
  const reordered = verifyChain({ entries: [first, entry(2, GENESIS_HASH)] });
  if (!reordered.ok) expect(plainReason(reordered.message)).toMatch(/^it does not follow the change before it/);
  const gap = verifyChain({ entries: [first, entry(3, first.hash)] });
  if (!gap.ok) expect(plainReason(gap.message)).toBe('that change is missing or cannot be read.');
  const mark = verifyChain({ entries: [first], snapshotMark: { seq: 1, hash: second.hash } });
  if (!mark.ok) expect(plainReason(mark.message)).toBe('the data file and the change log disagree about where the history stands.');
  expect([reordered.ok, gap.ok, mark.ok]).toEqual([false, false, false]);
  expect(plainReason('Something new.')).toBe('Something new.');
});

it('shortens a hash to its first eight characters', () => {
  expect(shortHash('3f9a1c0e' + '0'.repeat(56))).toBe('3f9a1c0e…');
});
