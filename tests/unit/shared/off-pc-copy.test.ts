import { describe, expect, it } from 'vitest';
import { copiesToRemove, copyFolderName, copyFolderTime, offPcCopyWarning, uniqueCopyFolderName, type OffPcCopySetting } from '../../../shared/domain/off-pc-copy';

const lastCopyAt = '2026-11-12T06:00:00.000Z'; // 12-Nov-2026, 11:00 in Pakistan
const setting: OffPcCopySetting = {
  folder: 'E:\\',
  lastComplete: { at: lastCopyAt, name: '2026-11-12_110000', bytes: 1000, files: 1 },
  lastAttempt: { at: lastCopyAt, outcome: 'copied', message: 'Copied and verified' },
};
/** The test clock: days after the last copy, at noon in Pakistan. */
const daysLater = (days: number) => new Date(Date.parse('2026-11-12T07:00:00.000Z') + days * 86_400_000);

describe('the dashboard warning about copies off the PC', () => {
  it('says nothing 6 or 7 days after the last copy, and warns on the 8th', () => {
    expect(offPcCopyWarning(setting, daysLater(6))).toBeUndefined();
    expect(offPcCopyWarning(setting, daysLater(7))).toBeUndefined();
    expect(offPcCopyWarning(setting, daysLater(8))).toBe(
      'The last copy off this PC was 8 days ago (12-Nov-2026). Plug in the USB stick (or connect to the shared folder) and choose Copy now.',
    );
    expect(offPcCopyWarning(setting, daysLater(9))).toMatch(/^The last copy off this PC was 9 days ago \(12-Nov-2026\)\./);
  });

  it('counts days in Pakistan: a copy at 23:30 there is that day, not the next', () => {
    const late = { ...setting, lastComplete: { ...setting.lastComplete!, at: '2026-11-12T18:30:00.000Z' } };
    expect(offPcCopyWarning(late, new Date('2026-11-20T19:30:00.000Z'))).toMatch(/was 9 days ago \(12-Nov-2026\)/);
  });

  it('warns when the last attempt could not reach the folder, however recent the last copy', () => {
    const unreachable: OffPcCopySetting = { ...setting, lastAttempt: { at: daysLater(1).toISOString(), outcome: 'unreachable', message: 'not reached' } };
    expect(offPcCopyWarning(unreachable, daysLater(1))).toMatch(/^The copy folder could not be reached at the last try; the last copy off this PC was yesterday \(12-Nov-2026\)/);
    // A failure other than reaching it (a full stick) shows under Data, and warns only once the copy is old.
    expect(offPcCopyWarning({ ...setting, lastAttempt: { ...unreachable.lastAttempt!, outcome: 'failed' } }, daysLater(1))).toBeUndefined();
  });

  it('no folder chosen: no dashboard warning; a folder chosen but never copied to: a warning', () => {
    expect(offPcCopyWarning(undefined, daysLater(100))).toBeUndefined();
    expect(offPcCopyWarning({ folder: 'E:\\' }, daysLater(0))).toMatch(/^No copy off this PC has been made yet\./);
  });
});

describe('copy folder names and what is kept', () => {
  it('names a copy by its Pakistan time, without characters Windows refuses, and reads the time back', () => {
    const at = new Date('2026-11-27T09:30:05.000Z');
    expect(copyFolderName(at)).toBe('2026-11-27_143005');
    expect(copyFolderTime('2026-11-27_143005')).toEqual(at);
    expect(copyFolderTime('2026-11-27_143005-2')).toEqual(at);
    expect(copyFolderTime('attachments')).toBeUndefined();
    expect(uniqueCopyFolderName(at, new Set(['2026-11-27_143005', '2026-11-27_143005-2']))).toBe('2026-11-27_143005-3');
  });

  it('keeps the newest 5 complete copies; removes older ones and old unfinished ones, never other folders', () => {
    const now = new Date('2026-11-27T12:00:00.000Z');
    const complete = ['2026-11-20_100000', '2026-11-21_100000', '2026-11-22_100000', '2026-11-23_100000', '2026-11-24_100000', '2026-11-25_100000', '2026-11-25_100000-2'];
    const folders = [
      ...complete.map((name) => ({ name, complete: true })),
      { name: '2026-11-26_100000', complete: false }, // interrupted a day ago
      { name: '2026-11-27_165000', complete: false }, // ten minutes ago: perhaps still being written
      { name: 'attachments', complete: false },
      { name: 'notes from IT', complete: false },
    ];
    expect(copiesToRemove(folders, now).sort()).toEqual(['2026-11-20_100000', '2026-11-21_100000', '2026-11-26_100000']);
  });
});
