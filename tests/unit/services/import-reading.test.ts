import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportText, readExportText } from '../../../electron/services/exchange/export-file';
import { readImportFile } from '../../../electron/services/exchange/import-reader';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { ImportReadingProgress } from '../../../shared/api/calls/import-reading-calls';
import { generateParkData } from '../../bench/generate-park-data';
import { ScriptedDialogs } from '../../support/scripted-dialogs';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes } from '../../support/saved-data';

const makeDir = useTempDataDir();
afterEach(() => vi.restoreAllMocks());

/** An export of `count` proposals and MoUs, fully filled in (Urdu in about one in five). */
async function exportFile(count: number): Promise<string> {
  const file = path.join(await makeDir(), `export-${count}.json`);
  await writeFile(file, exportText(generateParkData(count), '2026-11-25T10:00:00.000Z', '0.1.0'));
  return file;
}

async function openWithDialog(file: string) {
  const dialogs = new ScriptedDialogs();
  dialogs.openPaths.push(file);
  const services = await openParkServices({ dataDir: await makeDir(), appVersion: 't', platform: { openDialog: dialogs } });
  return services;
}

describe('reading a file to import, in a worker thread', () => {
  it('gives exactly what reading it in place gives, reporting how far it has read', async () => {
    const file = await exportFile(300);
    const seen: ImportReadingProgress[] = [];
    const reading = await readImportFile(file, { onProgress: (p) => seen.push(p) });
    expect(reading).toEqual(readExportText(await readFile(file, 'utf8')));
    expect(reading.kind).toBe('ok');
    const size = (await readFile(file)).length;
    expect(seen.filter((p) => p.phase === 'reading').at(-1)).toEqual({ phase: 'reading', bytesRead: size, totalBytes: size });
    expect(seen.at(-1)?.phase).toBe('checking');
  });

  it('never parses the file on the main process', async () => {
    const file = await exportFile(300);
    const size = (await readFile(file, 'utf8')).length;
    const services = await openWithDialog(file);
    const parse = vi.spyOn(JSON, 'parse');
    const preview = await apiOf(services).previewImport({});
    expect(preview).toMatchObject({ ok: true, value: { cancelled: false } });
    expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= size - 1)).toEqual([]);
    await services.close();
  });

  it('can be cancelled while it reads: the preview answers "cancelled" and nothing changes', async () => {
    const file = await exportFile(2000);
    const services = await openWithDialog(file);
    const before = await savedBytes(path.join(path.dirname(services.dataFile), DATA_FILE_NAME));
    const preview = apiOf(services).previewImport({});
    await vi.waitFor(async () => expect(await apiOf(services).getImportReadingProgress({})).toMatchObject({ ok: true, value: { reading: true, file } }), { interval: 5 });
    expect(await apiOf(services).cancelImportReading({})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await preview).toEqual({ ok: true, value: { cancelled: true } });
    expect(await apiOf(services).getImportReadingProgress({})).toEqual({ ok: true, value: { reading: false } });
    // Nothing was kept to apply, and the data file is as it was.
    expect(await services.dispatch('applyImport', { importId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await savedBytes(services.dataFile)).toEqual(before);
    await services.close();
  });

  it('says plainly when the file is not a Park Desk export', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'notes.json');
    await writeFile(file, '{"hello":');
    const services = await openWithDialog(file);
    expect(await services.dispatch('previewImport', {})).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not complete JSON') } });
    await services.close();
  });
});
