import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openParkServices, type ParkServices } from '../../../electron/services/park-services';
import type { Clock } from '../../../electron/services/platform';
import { database, faisalabadMou, faisalabadProposal, IDS, quettaMou, rawalpindiMou, URDU_SIGNATORY, writeDataFolder } from '../../support/mou-data';
import { useTempDataDir } from './temp-data-dir';

const FONTS_DIR = path.resolve(import.meta.dirname, '../../../renderer/public/fonts');
const tempDir = useTempDataDir();
const opened: ParkServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** Services over a data folder with the three MoUs; printing is faked as "PDF of <html length>". */
async function open(options: { savePath?: string; folder?: string; clock?: Clock; opened?: string[]; shown?: string[] } = {}) {
  const dataDir = await writeDataFolder(await tempDir(), database({ proposals: [faisalabadProposal()], mous: [faisalabadMou(), rawalpindiMou(), quettaMou()] }));
  const printed: string[] = [];
  const services = await openParkServices({
    dataDir,
    appVersion: 'test',
    fontsDir: FONTS_DIR,
    ...(options.clock ? { clock: options.clock } : {}),
    platform: {
      pdfPrinter: { printHtmlToPdf: async (html) => (printed.push(html), new TextEncoder().encode(`%PDF fake ${printed.length}`)) },
      saveDialog: { chooseSavePath: async () => options.savePath },
      folderDialog: { chooseFolder: async () => options.folder },
      fileOpener: {
        openFile: async (file) => (options.opened?.push(file), ''),
        showInFolder: (file) => void options.shown?.push(file),
      },
    },
  });
  opened.push(services);
  return { services, printed, call: services.dispatch };
}

describe('MoU summary services', () => {
  it('gives the preview the document with the Urdu font embedded and the file name', async () => {
    const { call } = await open();
    const result = await call('getMouSummaryHtml', { id: IDS.faisalabadMou });
    expect(result.ok).toBe(true);
    const value = (result as { value: { html: string; fileName: string } }).value;
    expect(value.fileName).toBe('MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf');
    expect(value.html).toMatch(/@font-face\{font-family:"Park Desk Naskh";[^}]*src:url\(data:font\/ttf;base64,AAEAAA/);
    expect(value.html).toContain(URDU_SIGNATORY);
    expect(value.html).toContain('Faisalabad Software Technology Park');
  });

  it('answers not-found for an MoU that is not on record', async () => {
    const { call } = await open();
    const result = await call('getMouSummaryHtml', { id: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6effff' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('writes the printed PDF where the official chose, adding .pdf when the name lacks it', async () => {
    const dir = await tempDir();
    const { call } = await open({ savePath: path.join(dir, 'Faisalabad MoU') });
    const result = await call('exportMouSummaryPdf', { id: IDS.faisalabadMou });
    expect(result).toEqual({
      ok: true,
      value: { cancelled: false, path: path.join(dir, 'Faisalabad MoU.pdf'), fileName: 'Faisalabad MoU.pdf', bytes: 11, fileToken: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(await readFile(path.join(dir, 'Faisalabad MoU.pdf'), 'utf8')).toBe('%PDF fake 1');
    expect(await readdir(dir)).toEqual(['Faisalabad MoU.pdf']); // no temp file left behind
  });

  it('prints nothing when the save dialog is cancelled', async () => {
    const { call, printed } = await open({ savePath: undefined });
    expect(await call('exportMouSummaryPdf', { id: IDS.faisalabadMou })).toEqual({ ok: true, value: { cancelled: true } });
    expect(printed).toHaveLength(0);
  });

  it('prints blanks for unrecorded fields only when asked, in the preview and the PDF alike', async () => {
    const dir = await tempDir();
    const { call, printed } = await open({ savePath: path.join(dir, 'q.pdf') });
    const plain = (await call('getMouSummaryHtml', { id: IDS.quettaMou })) as { value: { html: string } };
    const blank = (await call('getMouSummaryHtml', { id: IDS.quettaMou, blankUnrecorded: true })) as { value: { html: string } };
    expect(plain.value.html).not.toContain('class="blank"');
    expect(blank.value.html).toContain('class="blank"');
    await call('exportMouSummaryPdf', { id: IDS.quettaMou, blankUnrecorded: true });
    expect(printed[0]).toContain('class="blank"');
  });

  it('exports several MoUs as one PDF with a contents page, printed once, after one save dialog', async () => {
    const dir = await tempDir();
    const { call, printed } = await open({ savePath: path.join(dir, 'Meeting pack') });
    const result = await call('exportCombinedMouSummariesPdf', { ids: [IDS.quettaMou, IDS.faisalabadMou] });
    expect(result).toMatchObject({ ok: true, value: { cancelled: false, count: 2, fileName: 'Meeting pack.pdf' } });
    expect(printed).toHaveLength(1);
    const contents = printed[0]!.split('<article')[0]!;
    expect(contents).toContain('Contents: 2 MoU summaries');
    expect(contents.indexOf('PSEB-STP-QTA-2022-01')).toBeLessThan(contents.indexOf('PSEB-STP-FSD-2021-01'));
    expect(printed[0]!.match(/<article class="summary-part"/g)).toHaveLength(2);
    expect(await readFile(path.join(dir, 'Meeting pack.pdf'), 'utf8')).toBe('%PDF fake 1');
  });

  it('asks nothing and prints nothing for a combined PDF when an MoU is gone or the dialog is cancelled', async () => {
    const { call, printed } = await open({ savePath: undefined });
    expect(await call('exportCombinedMouSummariesPdf', { ids: [IDS.faisalabadMou] })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await call('exportCombinedMouSummariesPdf', { ids: [IDS.faisalabadMou, '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6effff'] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('exportCombinedMouSummariesPdf', { ids: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(printed).toHaveLength(0);
  });

  it('exports into a chosen folder by token, never overwriting a file already there', async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, 'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf'), 'an older copy');
    const { call } = await open({ folder });
    const chosen = await call('chooseExportFolder', {});
    expect(chosen).toMatchObject({ ok: true, value: { cancelled: false, folder } });
    const folderToken = (chosen as { value: { folderToken: string } }).value.folderToken;

    for (const id of [IDS.faisalabadMou, IDS.rawalpindiMou, IDS.quettaMou]) {
      expect(await call('exportMouSummaryToFolder', { id, folderToken })).toMatchObject({ ok: true });
    }
    expect(await call('exportMouSummaryToFolder', { id: IDS.quettaMou, folderToken })).toMatchObject({ ok: true, value: { fileName: 'MoU PSEB-STP-QTA-2022-01 - UltraSoft (2).pdf' } });
    expect((await readdir(folder)).sort()).toEqual([
      'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries (2).pdf',
      'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf',
      'MoU PSEB-STP-QTA-2022-01 - UltraSoft (2).pdf',
      'MoU PSEB-STP-QTA-2022-01 - UltraSoft.pdf',
      'MoU PSEB-STP-RWP-2021-02 - IMARAT Group.pdf',
    ]);
    expect(await readFile(path.join(folder, 'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf'), 'utf8')).toBe('an older copy');
  });

  it('refuses a folder token it never handed out, or one that has expired', async () => {
    let now = new Date('2026-11-25T06:00:00Z');
    const { call } = await open({ folder: await tempDir(), clock: { now: () => now } });
    expect(await call('exportMouSummaryToFolder', { id: IDS.faisalabadMou, folderToken: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'The export folder is no longer available; choose the folder again.' },
    });
    const folderToken = ((await call('chooseExportFolder', {})) as { value: { folderToken: string } }).value.folderToken;
    now = new Date(now.getTime() + 31 * 60 * 1000);
    expect(await call('exportMouSummaryToFolder', { id: IDS.faisalabadMou, folderToken })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('does not accept a path where a folder token belongs', async () => {
    const { call } = await open();
    expect(await call('exportMouSummaryToFolder', { id: IDS.faisalabadMou, folderToken: '/etc' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('says plainly when the bundled fonts are missing', async () => {
    const dataDir = await writeDataFolder(await tempDir(), database({ mous: [faisalabadMou()] }));
    const services = await openParkServices({ dataDir, appVersion: 'test', fontsDir: path.join(dataDir, 'no-fonts') });
    opened.push(services);
    const result = await services.dispatch('getMouSummaryHtml', { id: IDS.faisalabadMou });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('NotoNaskhArabic-Regular.ttf is missing') } });
  });
});

describe('opening an exported file', () => {
  it('opens the file, or shows it in its folder, named only by the token its export returned', async () => {
    const dir = await tempDir();
    const opened: string[] = [];
    const shown: string[] = [];
    const { call } = await open({ savePath: path.join(dir, 'Faisalabad MoU.pdf'), opened, shown });
    const exported = await call('exportMouSummaryPdf', { id: IDS.faisalabadMou });
    const { fileToken } = (exported as { value: { fileToken: string } }).value;

    expect(await call('openExportedFile', { fileToken })).toEqual({ ok: true, value: { opened: true } });
    expect(await call('showExportedFileInFolder', { fileToken })).toEqual({ ok: true, value: { shown: true } });
    expect(opened).toEqual([path.join(dir, 'Faisalabad MoU.pdf')]);
    expect(shown).toEqual([path.join(dir, 'Faisalabad MoU.pdf')]);
  });

  it('refuses a token it never gave and a path in place of a token, opening nothing', async () => {
    const opened: string[] = [];
    const { call } = await open({ opened });
    expect(await call('openExportedFile', { fileToken: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6effff' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('openExportedFile', { fileToken: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('openExportedFile', { fileToken: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6effff', path: '/etc/passwd' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(opened).toEqual([]);
  });

  it('says plainly when the exported file has since been moved or deleted', async () => {
    const dir = await tempDir();
    const opened: string[] = [];
    const { call } = await open({ folder: dir, opened });
    const folder = await call('chooseExportFolder', {});
    const { folderToken } = (folder as { value: { folderToken: string } }).value;
    const exported = await call('exportMouSummaryToFolder', { id: IDS.faisalabadMou, folderToken });
    const { fileToken, path: file } = (exported as { value: { fileToken: string; path: string } }).value;
    await rm(file);
    const result = await call('openExportedFile', { fileToken });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('may have been moved or deleted') } });
    expect(opened).toEqual([]);
  });
});
