import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { historyPathOf, journalPathOf } from '../../../electron/services/storage/journal';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATA_FILE_NAME, openParkServices, type ParkServices } from '../../../electron/services/park-services';
import type { StorageFs } from '../../../electron/services/storage/storage-fs';
import { writeNewFile } from '../../../electron/services/export-files';
import { database, faisalabadMou, faisalabadProposal, IDS, quettaMou, writeDataFolder } from '../../support/mou-data';
import { FaultyFs } from '../../support/faulty-fs';
import { ScriptedDialogs } from '../../support/scripted-dialogs';
import { useTempDataDir } from './temp-data-dir';

// Windows on a FAT32/exFAT stick: a hard link is refused, and Node reports it as EISDIR.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const link = async (_existing: unknown, to: unknown) => {
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory, link '${String(to)}'`), { code: 'EISDIR', syscall: 'link' });
  };
  return { ...actual, link, default: { ...actual, link } };
});

const tempDir = useTempDataDir();
const opened: ParkServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function open(options: { folder?: string; storageFs?: StorageFs } = {}) {
  const dataDir = await writeDataFolder(await tempDir(), database({ proposals: [faisalabadProposal()], mous: [faisalabadMou(), quettaMou()] }));
  const dialogs = new ScriptedDialogs();
  const services = await openParkServices({
    dataDir,
    appVersion: 'test',
    fontsDir: path.resolve(import.meta.dirname, '../../../renderer/public/fonts'),
    ...(options.storageFs ? { storageFs: options.storageFs } : {}),
    platform: {
      pdfPrinter: { printHtmlToPdf: async () => new TextEncoder().encode('%PDF fake') },
      saveDialog: dialogs,
      openDialog: dialogs,
      folderDialog: { chooseFolder: async () => options.folder },
    },
  });
  opened.push(services);
  return { services, dialogs, dataDir, call: services.dispatch };
}

async function folderToken(call: ParkServices['dispatch']): Promise<string> {
  return ((await call('chooseExportFolder', {})) as { value: { folderToken: string } }).value.folderToken;
}

describe('exporting to a FAT32/exFAT USB stick (no hard links)', () => {
  it('saves every summary of a batch, numbering names already taken, without a hard link', async () => {
    const folder = await tempDir();
    const { call } = await open({ folder });
    const token = await folderToken(call);
    for (const id of [IDS.faisalabadMou, IDS.faisalabadMou, IDS.quettaMou]) expect(await call('exportMouSummaryToFolder', { id, folderToken: token })).toMatchObject({ ok: true });
    expect((await readdir(folder)).sort()).toEqual([
      'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries (2).pdf',
      'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf',
      'MoU PSEB-STP-QTA-2022-01 - UltraSoft.pdf',
    ]);
  });

  it('never overwrites a file already there, even when two exports race for the same name', async () => {
    const folder = await tempDir();
    const names = await Promise.all(Array.from({ length: 6 }, (_, n) => writeNewFile(folder, 'Summary.pdf', new TextEncoder().encode(`copy ${n}`))));
    expect(new Set(names).size).toBe(6);
    const contents = await Promise.all(names.map((n) => readFile(n, 'utf8')));
    expect(contents.sort()).toEqual(Array.from({ length: 6 }, (_, n) => `copy ${n}`));
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a PDF open in another program (Acrobat) when it is exported again', () => {
  it('says so plainly, not "EPERM … rename", and leaves no temp file', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const { call, dialogs } = await open({ storageFs: fs });
    // Windows refuses to replace a file another program has open: EPERM on the rename, for as long as it stays open.
    fs.fault = { code: 'EPERM', step: 'rename', where: '.pdf' };
    dialogs.savePaths.push(path.join(dir, 'Faisalabad MoU.pdf'));
    const result = await call('exportMouSummaryPdf', { id: IDS.faisalabadMou });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: 'Faisalabad MoU.pdf is open in another program; close it and export again.' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('is saved when the program lets go within a moment (an antivirus scan)', async () => {
    const dir = await tempDir();
    const fs = new FaultyFs();
    const { call, dialogs } = await open({ storageFs: fs });
    fs.fault = { code: 'EBUSY', step: 'rename', where: '.pdf', times: 2 };
    dialogs.savePaths.push(path.join(dir, 'Faisalabad MoU.pdf'));
    expect(await call('exportMouSummaryPdf', { id: IDS.faisalabadMou })).toMatchObject({ ok: true });
    expect(await readFile(path.join(dir, 'Faisalabad MoU.pdf'), 'utf8')).toBe('%PDF fake');
  });
});

describe.runIf(process.platform !== 'win32')('who may read what Park Desk writes (Linux)', () => {
  let umask: number;
  beforeEach(() => {
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('gives exports (JSON, CSV, PDF) ordinary permissions, and keeps the data file and backups owner-only', async () => {
    const out = await tempDir();
    const folder = await tempDir();
    const { services, dialogs, dataDir, call } = await open({ folder });
    const exported: string[] = [];
    for (const [name, call_] of [
      ['all.json', 'exportAll'],
      ['proposals.csv', 'exportProposalsCsv'],
      ['mous.csv', 'exportMousCsv'],
      ['one.pdf', 'exportMouSummaryPdf'],
    ] as const) {
      dialogs.savePaths.push(path.join(out, name));
      expect(await services.dispatch(call_, call_ === 'exportMouSummaryPdf' ? { id: IDS.faisalabadMou } : {}), name).toMatchObject({ ok: true });
      exported.push(path.join(out, name));
    }
    const batch = (await call('exportMouSummaryToFolder', { id: IDS.quettaMou, folderToken: await folderToken(call) })) as { value: { path: string } };
    exported.push(batch.value.path);
    for (const file of exported) expect([path.basename(file), (await stat(file)).mode & 0o777]).toEqual([path.basename(file), 0o644]);

    value(await services.dispatch('updateSettings', { officialName: 'Ayesha' })); // the journal as Park Desk writes it
    await services.store.compactNow(); // the data file and the history archive as Park Desk writes them
    value(await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' })); // a journal started afresh
    value(await services.dispatch('backUpNow', {}));
    const backups = path.join(dataDir, 'backups');
    const changeLog = [journalPathOf, historyPathOf].map((of) => of(path.join(dataDir, DATA_FILE_NAME)));
    for (const file of [path.join(dataDir, DATA_FILE_NAME), ...changeLog, ...(await readdir(backups)).map((n) => path.join(backups, n))]) {
      expect([path.basename(file), (await stat(file)).mode & 0o777]).toEqual([path.basename(file), 0o600]);
    }
  });
});

function value<T>(result: { ok: boolean; value?: T }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.value as T;
}
