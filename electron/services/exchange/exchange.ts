import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { Database } from '../../../shared/domain/database';
import { isolate } from '../../../shared/format/bidi';
import { todayInPakistan } from '../../../shared/format/dates';
import type { Clock, OpenDialog, SaveDialog } from '../platform';
import { writeFileDurably } from '../storage/durable-file';
import { attachmentPath, ATTACHMENTS_FOLDER, AttachmentHashMismatch, referencedAttachments, type AttachmentReference } from '../storage/attachment-files';
import type { ParkStore } from '../storage/park-store';
import { nodeStorageFs, retryWhileBusy, type StorageFs } from '../storage/storage-fs';
import { BUNDLE_EXTENSION, BundleAttachmentsUnfit, bundleTempPath, checkBundleAttachments, copyBundleAttachments, writeBundle } from './bundle';
import { describeExportFailure, EXPORT_FILE_MODE } from '../export-files';
import { mousCsv, proposalsCsv } from './csv-export';
import { changeLogBytes } from './change-log';
import { exportText } from './export-file';
import { ImportReadCancelled, ImportReadingTracker, type ImportReading } from './import-reader';
import { applyMerge, brokenLinks, planMerge, settleMerge } from './merge';

/** Larger than any real export (10,000 proposals and MoUs are a few tens of MB); anything bigger is not ours. */
const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ExchangeDeps {
  store: ParkStore;
  clock: Clock;
  appVersion: string;
  saveDialog?: SaveDialog;
  openDialog?: OpenDialog;
  fs?: StorageFs;
}

function noDialog(): never {
  throw new ApiFailure('forbidden', 'Choosing a file is not available in this window.');
}

async function saveTo(path: string, text: string, fs?: StorageFs): Promise<void> {
  try {
    // Durable like the data file, but readable by colleagues (0644 on Linux): an export is meant to be shared.
    await writeFileDurably(path, text, fs, { mode: EXPORT_FILE_MODE });
  } catch (error) {
    throw new ApiFailure('storage', describeExportFailure(path, error));
  }
}

/** Writes the bundle beside `target` and renames it into place: no half-written bundle is ever seen. */
async function saveBundle(target: string, write: (temp: string) => Promise<unknown>, fs: StorageFs = nodeStorageFs): Promise<void> {
  const temp = bundleTempPath(target);
  try {
    await write(temp);
    await retryWhileBusy(() => fs.rename(temp, target));
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    if (error instanceof BundleAttachmentsUnfit) {
      const line = (a: AttachmentReference, what: string) => `• “${isolate(a.name)}” of ${isolate(a.record)}: ${what}`;
      const lines = [...error.missing.map((a) => line(a, 'missing from the data folder')), ...error.changed.map((a) => line(a, 'its bytes no longer match its SHA-256'))];
      throw new ApiFailure('conflict', `The export was not written: these attachments cannot be put in it as they were added.\n${lines.slice(0, 20).join('\n')}\nUse Verify attachments, then add the right files again or restore a backup.`);
    }
    throw new ApiFailure('storage', describeExportFailure(target, error));
  }
}

/** A file that cannot be imported, with every reason, by record. */
function refusal(problems: readonly string[]): ApiFailure {
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `\n…and ${problems.length - shown.length} more.` : '';
  return new ApiFailure('invalid-input', `This file cannot be imported; nothing was changed.\n${shown.map((p) => `• ${p}`).join('\n')}${more}`);
}

/**
 * Export to one bundle (records and attachments, a zip), import it (or an older plain JSON
 * export, or a backup) back with a preview, and CSV for Excel. The renderer
 * never names a path: main asks the official through its own dialogs.
 */
export function exchangeHandlers({ store, clock, appVersion, saveDialog, openDialog, fs }: ExchangeDeps): Pick<
  Handlers,
  'exportAll' | 'previewImport' | 'applyImport' | 'exportProposalsCsv' | 'exportMousCsv' | 'getImportReadingProgress' | 'cancelImportReading'
> {
  const importReading = new ImportReadingTracker();
  /** One preview at a time: the file's records, kept in main until applied or replaced. */
  let pending: { importId: string; incoming: Database; file: string; attachments: Set<string> } | undefined;
  /** The data folder's attachment store: `<dataDir>/attachments/<aa>/<sha256>`. */
  const attachmentsRoot = path.join(path.dirname(store.file), ATTACHMENTS_FOLDER);
  const haveHere = async (hashes: Iterable<string>) => {
    const here = new Set<string>();
    for (const sha256 of hashes) if ((await stat(attachmentPath(attachmentsRoot, sha256)).catch(() => undefined))?.isFile()) here.add(sha256);
    return here;
  };

  const saveCsv = async (title: string, name: string, build: (db: Readonly<Database>) => { text: string; rows: number }) => {
    const chosen = await (saveDialog ?? noDialog()).chooseSavePath({ title, defaultName: `${name}-${todayInPakistan(clock.now())}.csv`, filters: [{ name: 'CSV (Excel)', extensions: ['csv'] }] });
    if (!chosen) return { cancelled: true as const };
    const { text, rows } = build(store.data);
    await saveTo(chosen, text, fs);
    return { cancelled: false as const, savedTo: chosen, rows };
  };

  return {
    exportAll: async () => {
      const chosen = await (saveDialog ?? noDialog()).chooseSavePath({
        title: 'Export all Park Desk records and attachments',
        defaultName: `park-desk-export-${todayInPakistan(clock.now())}${BUNDLE_EXTENSION}`,
        filters: [{ name: 'Park Desk export (zip)', extensions: ['zip'] }],
      });
      if (!chosen) return { cancelled: true };
      // The data and its change log as they stand together once writes under way are done; the
      // export's chain mark is the log's last entry.
      const { data, entries } = await store.chainForExport();
      const last = entries.at(-1);
      const exportedAt = clock.now().toISOString();
      const exportJson = exportText(data, exportedAt, appVersion, last ? { seq: last.seq, hash: last.hash } : data.journal);
      await saveBundle(
        chosen,
        (temp) => writeBundle(temp, { exportJson, changeLog: changeLogBytes(entries), exportedAt, appVersion, attachments: referencedAttachments(data), storeRoot: attachmentsRoot, mode: EXPORT_FILE_MODE }),
        fs,
      );
      return { cancelled: false, savedTo: chosen, rows: data.proposals.length + data.mous.length };
    },

    previewImport: async () => {
      const chosen = await (openDialog ?? noDialog()).chooseOpenPath({ title: 'Import Park Desk records', filters: [{ name: 'Park Desk export or backup', extensions: ['zip', 'json'] }] });
      if (!chosen) return { cancelled: true };
      let reading: ImportReading;
      try {
        if ((await stat(chosen)).size > MAX_IMPORT_BYTES) throw new ApiFailure('invalid-input', 'That file is far larger than any Park Desk export; it was not read.');
        // Read, parsed and validated in a worker thread; the renderer follows it with getImportReadingProgress.
        reading = await importReading.read(chosen);
      } catch (error) {
        if (error instanceof ImportReadCancelled) return { cancelled: true };
        if (error instanceof ApiFailure) throw error;
        throw new ApiFailure('not-found', `The file could not be read: ${(error as Error).message}`);
      }
      if (reading.changeLog?.state === 'broken') throw new ApiFailure('invalid-input', reading.changeLog.message);
      if (reading.kind === 'too-new') throw new ApiFailure('invalid-input', 'That file was made by a newer version of Park Desk; install it to import this file. Nothing was changed.');
      if (reading.kind === 'damaged') throw new ApiFailure('invalid-input', `That file is not a Park Desk export: ${reading.reason} Nothing was changed.`);
      // Every attachment the file's records refer to must come with it, whole, or be here already:
      // checked before any preview, so a bad file is refused with nothing changed.
      const references = referencedAttachments(reading.data);
      const bundle = reading.bundle ?? { manifest: { attachments: [] }, entries: [] };
      const entries = new Map(bundle.entries);
      const notInBundle = references.map((r) => r.sha256).filter((sha256) => !entries.has(sha256));
      const checked = checkBundleAttachments({ manifest: bundle.manifest, entries }, references, await haveHere(notInBundle));
      if (checked.problems.length > 0) throw refusal(checked.problems);
      const plan = planMerge(store.data, reading.data);
      if (plan.problems.length > 0) throw refusal(plan.problems);
      pending = { importId: randomUUID(), incoming: reading.data, file: chosen, attachments: new Set(checked.good.map((a) => a.sha256)) };
      return {
        cancelled: false,
        importId: pending.importId,
        file: chosen,
        ...(reading.exportedAt ? { exportedAt: reading.exportedAt } : {}),
        changeLog: reading.changeLog?.state === 'verified' ? { verified: true, entries: reading.changeLog.entries } : { verified: false },
        proposals: plan.proposals.side,
        mous: plan.mous.side,
        differences: plan.differences,
      };
    },

    applyImport: async ({ importId, choices }) => {
      if (!pending || pending.importId !== importId) throw new ApiFailure('not-found', 'That import preview has expired. Choose the file again.');
      const { incoming, file, attachments } = pending;
      const chosen = new Map(choices.map((c) => [c.id, c.take] as const));
      // The attachments first, so no record ever refers to a file not yet in the store. Each is
      // hashed again as it is copied (the bundle may have changed since the preview); one already
      // here is not rewritten. Files copied for an import then refused stay, unreferenced and harmless.
      try {
        await copyBundleAttachments(file, attachments, attachmentsRoot);
      } catch (error) {
        if (error instanceof AttachmentHashMismatch) {
          const ref = referencedAttachments(incoming).find((a) => a.sha256 === error.sha256);
          throw refusal([`${ref ? `The attachment “${isolate(ref.name)}” of ${isolate(ref.record)}` : `The attachment ${error.sha256}`} changed in the bundle since the preview: its bytes no longer match its SHA-256. Choose the file again.`]);
        }
        throw new ApiFailure('storage', `The attachments could not be copied into the data folder; no record was changed. ${(error as Error).message}`);
      }
      let counts = { added: 0, changed: 0 };
      const { safetyBackup } = await store.replaceAll((current) => {
        // Planned again against the data as saved now: the preview's rules, so the outcome matches
        // it unless records changed meanwhile, in which case a difference without a choice refuses.
        const plan = planMerge(current, incoming);
        const settled = settleMerge(plan, chosen, clock.now());
        const problems = [...plan.problems, ...settled.problems];
        if (problems.length === 0) {
          const next = applyMerge(current, settled);
          problems.push(...brokenLinks(next, settled.mous));
          if (problems.length === 0) {
            counts = { added: plan.proposals.added.length + plan.mous.added.length, changed: settled.changed };
            return next;
          }
        }
        throw refusal(problems);
      }, 'before-import');
      pending = undefined;
      if (!safetyBackup) throw new ApiFailure('internal', 'The import finished without a backup of the data before it.');
      return { ...counts, safetyBackup };
    },

    exportProposalsCsv: () => saveCsv('Export proposals for Excel', 'park-desk-proposals', proposalsCsv),
    exportMousCsv: () => saveCsv('Export MoUs for Excel', 'park-desk-mous', (db) => mousCsv(db, todayInPakistan(clock.now()))),
    getImportReadingProgress: () => importReading.progress(),
    cancelImportReading: () => importReading.cancel(),
  };
}
