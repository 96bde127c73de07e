import { savedData } from '../../support/saved-data';
import type { Database } from '../../../shared/domain/database';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParkServices } from '../../../electron/services/park-services';
import { COPY_DATA_FILE, writeOffPcCopy, type CopyManifest, type OffPcCopyRequest } from '../../../electron/services/storage/off-pc-copy';
import { COPIES_FOLDER_NAME, COPY_COMPLETE_FILE } from '../../../shared/domain/off-pc-copy';
import type { Result } from '../../../shared/api/result';
import { FatLikeFs } from '../../support/fat-like-fs';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const hashOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A data folder with attachments stored as the attachments feature stores them: attachments/<2 hex>/<sha256>. */
async function dataFolderWith(attachments: string[]): Promise<{ dataDir: string; hashes: string[] }> {
  const dataDir = await makeDir();
  const hashes: string[] = [];
  for (const text of attachments) {
    const hash = hashOf(text);
    await mkdir(path.join(dataDir, 'attachments', hash.slice(0, 2)), { recursive: true });
    await writeFile(path.join(dataDir, 'attachments', hash.slice(0, 2), hash), text);
    hashes.push(hash);
  }
  return { dataDir, hashes };
}

const snapshot = Buffer.from('{"schemaVersion":1,"settings":{"officialName":"Ayesha"},"proposals":[],"mous":[]}\n');
let minute = 0;
/** Each copy a minute after the last, so their folder names differ. */
const nextTime = () => new Date(Date.UTC(2026, 10, 27, 9, minute++, 5));

async function copy(fs: FatLikeFs, folder: string, dataDir: string, extra: Partial<OffPcCopyRequest> = {}) {
  return writeOffPcCopy({ folder, snapshot, dataDir, now: nextTime(), appVersion: 't', fs, ...extra });
}

const copyFolders = async (stick: string) => (await readdir(path.join(stick, COPIES_FOLDER_NAME))).filter((n) => n !== 'attachments').sort();

describe('a copy off the PC on a FAT-like stick', () => {
  it('writes the data and attachments, verified, on a file system that refuses links, symlinks and chmod', async () => {
    const stick = await makeDir();
    const { dataDir, hashes } = await dataFolderWith(['offer letter PDF', 'signed MoU scan']);
    const fs = new FatLikeFs();
    const report = await copy(fs, stick, dataDir);

    expect(report.name).toMatch(/^\d{4}-\d{2}-\d{2}_\d{6}$/);
    expect(report.name).not.toContain(':');
    const dir = path.join(stick, COPIES_FOLDER_NAME, report.name);
    expect(await readFile(path.join(dir, COPY_DATA_FILE))).toEqual(snapshot);
    const manifest = JSON.parse(await readFile(path.join(dir, COPY_COMPLETE_FILE), 'utf8')) as CopyManifest;
    expect(manifest.dataFile.sha256).toBe(hashOf(snapshot));
    expect(manifest.attachments.map((a) => a.sha256).sort()).toEqual([...hashes].sort());
    for (const a of manifest.attachments) expect(hashOf(await readFile(path.join(dir, a.path)))).toBe(a.sha256);
    expect(report).toMatchObject({ files: 3, attachmentsCopied: 2, attachmentsAlreadyThere: 0 });
    // Nothing FAT cannot do was even tried, and no file was opened with permission bits.
    expect(fs.calls.filter((c) => /^(link|symlink|chmod)/.test(c) || c.includes('mode'))).toEqual([]);
  });

  it('does not copy an attachment the stick already holds', async () => {
    const stick = await makeDir();
    const { dataDir } = await dataFolderWith(['offer letter PDF', 'site visit photo']);
    const fs = new FatLikeFs();
    await copy(fs, stick, dataDir);
    const writesBefore = fs.writes;
    const { hashes } = { hashes: [hashOf('Board minutes')] };
    await mkdir(path.join(dataDir, 'attachments', hashes[0]!.slice(0, 2)), { recursive: true });
    await writeFile(path.join(dataDir, 'attachments', hashes[0]!.slice(0, 2), hashes[0]!), 'Board minutes');
    const second = await copy(fs, stick, dataDir);
    expect(second).toMatchObject({ attachmentsCopied: 1, attachmentsAlreadyThere: 2, files: 4 });
    // The data file, the one new attachment and the manifest: three writes.
    expect(fs.writes - writesBefore).toBe(3);
  });

  it('catches a byte changed on the stick after writing, and does not mark the copy complete', async () => {
    const stick = await makeDir();
    const { dataDir } = await dataFolderWith(['signed MoU scan']);
    const fs = new FatLikeFs();
    const good = await copy(fs, stick, dataDir);
    fs.corrupt = (file) => path.basename(file) === COPY_DATA_FILE;
    await expect(copy(fs, stick, dataDir)).rejects.toMatchObject({ outcome: 'failed', message: expect.stringMatching(/could not be verified: park-desk-data\.json .*did not match/) });
    expect(await copyFolders(stick)).toEqual([good.name]);
  });

  it('a stick full part-way leaves the earlier copies intact and says so plainly', async () => {
    const stick = await makeDir();
    const { dataDir } = await dataFolderWith(['offer letter PDF']);
    const fs = new FatLikeFs();
    const first = await copy(fs, stick, dataDir);
    const before = await readFile(path.join(stick, COPIES_FOLDER_NAME, first.name, COPY_DATA_FILE));
    await mkdir(path.join(dataDir, 'attachments', hashOf('big scan').slice(0, 2)), { recursive: true });
    await writeFile(path.join(dataDir, 'attachments', hashOf('big scan').slice(0, 2), hashOf('big scan')), 'big scan');
    fs.failWritesAfter = fs.writes + 1; // the data file fits; the new attachment does not
    await expect(copy(fs, stick, dataDir)).rejects.toMatchObject({
      outcome: 'failed',
      message: 'The copy could not be written: the USB stick or shared folder is full. Free some space on it (or choose a bigger one) and choose Copy now. The earlier copies are as they were.',
    });
    expect(await copyFolders(stick)).toEqual([first.name]);
    expect(await readFile(path.join(stick, COPIES_FOLDER_NAME, first.name, COPY_DATA_FILE))).toEqual(before);
    const shard = path.join(stick, COPIES_FOLDER_NAME, 'attachments', hashOf('big scan').slice(0, 2));
    expect(await readdir(shard).catch(() => [])).toEqual([]);
  });

  it('a stick pulled out mid-copy, or not plugged in, is reported as not reachable', async () => {
    const stick = await makeDir();
    const { dataDir } = await dataFolderWith(['offer letter PDF', 'site visit photo']);
    const fs = new FatLikeFs();
    fs.vanishAfterWrites = 1;
    await expect(copy(fs, stick, dataDir)).rejects.toMatchObject({ outcome: 'unreachable', message: expect.stringContaining(`The folder ${stick} could not be reached`) });
    await expect(copy(new FatLikeFs(), path.join(stick, 'E-drive-not-there'), dataDir)).rejects.toMatchObject({ outcome: 'unreachable' });
    // The missing folder is not created: copies would land on the PC instead of the stick.
    await expect(readdir(path.join(stick, 'E-drive-not-there'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps the last 5 complete copies, removes older ones, interrupted leftovers and attachments no copy lists', async () => {
    const stick = await makeDir();
    const { dataDir, hashes } = await dataFolderWith(['offer letter PDF', 'old photo']);
    const fs = new FatLikeFs();
    const leftover = path.join(stick, COPIES_FOLDER_NAME, '2026-01-01_000000');
    await mkdir(leftover, { recursive: true });
    await writeFile(path.join(leftover, COPY_DATA_FILE), 'half');
    const names: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      if (i === 1) await rm(path.join(dataDir, 'attachments', hashes[1]!.slice(0, 2), hashes[1]!));
      names.push((await copy(fs, stick, dataDir)).name);
    }
    expect(await copyFolders(stick)).toEqual(names.slice(2).sort());
    const kept = await readdir(path.join(stick, COPIES_FOLDER_NAME, 'attachments', hashes[0]!.slice(0, 2)));
    expect(kept).toContain(hashes[0]);
    // The old photo was only in the two copies removed.
    const oldShard = await readdir(path.join(stick, COPIES_FOLDER_NAME, 'attachments', hashes[1]!.slice(0, 2))).catch(() => [] as string[]);
    expect(oldShard).not.toContain(hashes[1]);
  });
});

describe('the off-PC copy service', () => {
  it('Copy now records the result, and the end of the session makes another copy', async () => {
    const dataDir = await makeDir();
    const stick = await makeDir();
    const fs = new FatLikeFs();
    const clock = { now: () => new Date('2026-11-27T10:00:00Z') };
    const services = await openParkServices({ dataDir, appVersion: 't', clock, copyFs: fs, platform: { folderDialog: { chooseFolder: async () => stick } } });
    const api = services.handlers;
    expect(await api.getOffPcCopyStatus({})).toEqual({ practice: false });
    expect(value({ ok: true, value: await api.chooseOffPcCopyFolder({}) })).toMatchObject({ chosen: true, status: { folder: stick, warning: expect.stringMatching(/^No copy off this PC has been made yet/) } });
    const status = await api.copyOffPcNow({});
    expect(status.lastAttempt).toMatchObject({ outcome: 'copied', message: expect.stringMatching(/^Copied and verified: 1 file, \d+ bytes, into /) });
    expect(status.lastComplete).toMatchObject({ at: '2026-11-27T10:00:00.000Z', name: '2026-11-27_150000', files: 1 });
    expect(status.warning).toBeUndefined();
    const copied = await readFile(path.join(stick, COPIES_FOLDER_NAME, '2026-11-27_150000', COPY_DATA_FILE), 'utf8');
    expect(JSON.parse(copied)).toMatchObject({ schemaVersion: 1 });

    await services.close();
    expect(await copyFolders(stick)).toEqual(['2026-11-27_150000', '2026-11-27_150000-2']);
  });

  it('records a folder that cannot be reached and the dashboard warning says so; the session end gives up after its time limit', async () => {
    const dataDir = await makeDir();
    const stick = await makeDir();
    const fs = new FatLikeFs();
    const services = await openParkServices({ dataDir, appVersion: 't', copyFs: fs, sessionEndCopyLimitMs: 50, platform: { folderDialog: { chooseFolder: async () => stick } } });
    await services.handlers.chooseOffPcCopyFolder({});
    await services.handlers.copyOffPcNow({});
    fs.vanishAfterWrites = 0;
    const status = await services.handlers.copyOffPcNow({});
    expect(status.lastAttempt?.outcome).toBe('unreachable');
    expect(status.warning).toMatch(/^The copy folder could not be reached at the last try; the last copy off this PC was today/);

    // A share that stops answering: the session still ends, soon after the limit.
    fs.vanishAfterWrites = undefined;
    const stuck = new Promise<never>(() => undefined);
    fs.mkdir = () => stuck;
    await services.close();
    // The copy made before the stick went is as it was.
    expect(await copyFolders(stick)).toHaveLength(1);
    const reopened = await openParkServices({ dataDir, appVersion: 't' });
    expect((await reopened.handlers.getOffPcCopyStatus({})).lastAttempt).toMatchObject({ outcome: 'interrupted', message: expect.stringMatching(/^The copy at the end of the session was not finished within 0 seconds/) });
    await reopened.close();
  });
});

describe('the snapshot a copy takes', () => {
  it('is the data as saved once writes under way are done, never half of a save', async () => {
    const dataDir = await makeDir();
    const services = await openParkServices({ dataDir, appVersion: 't' });
    const saving = services.store.update((db) => void (db.settings.officialName = 'Ayesha Khan'));
    const snapshot = JSON.parse(Buffer.from(await services.store.savedBytes()).toString('utf8')) as { settings: { officialName: string } };
    await saving;
    expect(snapshot.settings.officialName).toBe('Ayesha Khan');
    // The data file is the last compaction's snapshot; with the journal replayed it is what the copy holds.
    const { journal: _copyMark, ...copied } = JSON.parse(Buffer.from(await services.store.savedBytes()).toString('utf8')) as Database;
    const { journal: _savedMark, ...saved } = await savedData(services.dataFile);
    expect(copied).toEqual(saved);
    await services.close();
  });
});
