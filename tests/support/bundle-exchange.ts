import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import type { ImportPreview } from '../../shared/api/calls/exchange-calls';
import type { Result } from '../../shared/api/result';
import { ScriptedDialogs } from './scripted-dialogs';
import { apiOf } from './typed-api';

/** What the bundle tests do through the services: open a data folder, export, take a zip apart, import. */

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A data folder opened with dialogs the test answers and a fixed clock. */
export async function openExchangeFolder(dir: string) {
  const dialogs = new ScriptedDialogs();
  const clock = { now: () => new Date('2026-11-25T10:00:00.000Z') };
  const services = await openParkServices({ dataDir: dir, appVersion: '1.2.3', clock, platform: { saveDialog: dialogs, openDialog: dialogs } });
  return { services, dialogs, api: apiOf(services), dir, dataFile: path.join(dir, DATA_FILE_NAME) };
}
export type ExchangeFolder = Awaited<ReturnType<typeof openExchangeFolder>>;

/** Export everything into `folder`; returns the bundle's path. */
export async function exportBundle(source: ExchangeFolder, folder: string): Promise<string> {
  const file = path.join(folder, 'park-desk-export.parkdesk.zip');
  source.dialogs.savePaths.push(file);
  value(await source.api.exportAll({}));
  return file;
}

export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return entries;
}

/** The bundle written again as a whole zip (valid CRCs) with its parts as given: what someone editing it would make. */
export async function writeZip(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await writeFile(file, Buffer.concat(chunks));
}

export function previewed(result: Result<unknown>): Extract<ImportPreview, { cancelled: false }> {
  const preview = value(result) as ImportPreview;
  if (preview.cancelled) throw new Error('expected a preview');
  return preview;
}

/** Asks `target` to preview importing `file`, as the open dialog would answer. */
export async function importInto(target: ExchangeFolder, file: string) {
  target.dialogs.openPaths.push(file);
  return target.services.dispatch('previewImport', {});
}
