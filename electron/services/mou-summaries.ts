import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import { combinedSummariesFileName, mouSummaryFileName } from '../../shared/documents/export-file-name';
import { buildCombinedMouSummariesHtml, buildMouSummaryHtml } from '../../shared/documents/mou-summary';
import type { Mou } from '../../shared/domain/mou';
import { describeExportFailure, writeFileAtomically, writeNewFile } from './export-files';
import { ExportedFiles } from './exported-files';
import type { Clock, FolderDialog, PdfPrinter, SaveDialog } from './platform';
import type { ParkStore } from './storage/park-store';
import type { StorageFs } from './storage/storage-fs';

type MouSummaryCalls = 'getMouSummaryHtml' | 'exportMouSummaryPdf' | 'chooseExportFolder' | 'exportMouSummaryToFolder' | 'exportCombinedMouSummariesPdf';

export interface MouSummaryDeps {
  store: ParkStore;
  clock: Clock;
  /** Given the document's text, the fonts may carry only the glyphs it uses. */
  fontCss: (documentText?: string) => Promise<string>;
  saveDialog?: SaveDialog;
  folderDialog?: FolderDialog;
  pdfPrinter?: PdfPrinter;
  /** Tests pass a file system that fails as Windows does; the app uses Node's. */
  fs?: StorageFs;
  /** Where exported files are remembered for Open PDF / Show in folder. */
  exportedFiles?: ExportedFiles;
}

/** How long a chosen export folder stays usable without being used. */
export const FOLDER_TOKEN_TTL_MS = 30 * 60 * 1000;

const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

function need<T>(value: T | undefined, what: string): T {
  if (!value) throw new ApiFailure('internal', `${what} is not available in this window.`);
  return value;
}

export function mouSummaryHandlers(deps: MouSummaryDeps): Pick<Handlers, MouSummaryCalls> {
  const { store, clock } = deps;
  const exportedFiles = deps.exportedFiles ?? new ExportedFiles();
  /** Folders the official picked, by token: the renderer can only name one of these. */
  const folders = new Map<string, { folder: string; expiresAt: number }>();

  // Reads MoUs straight from the store until the MoU services exist; one lookup per call.
  const findMou = (id: string): Mou => {
    const mou = store.data.mous.find((m) => m.id === id);
    if (!mou) throw new ApiFailure('not-found', 'This MoU is no longer on record.');
    return mou;
  };

  const proposalOf = (mou: Mou) => {
    const proposalId = mou.fields.proposalId;
    return proposalId ? store.data.proposals.find((p) => p.id === proposalId) : undefined;
  };

  /** Built once without fonts to learn which letters it uses, then with fonts cut to those letters. */
  const withFonts = async (build: (fontCss: string) => string): Promise<string> => build(await deps.fontCss(build('')));

  const summaryHtml = async (mou: Mou, blankUnrecorded?: boolean): Promise<string> => {
    const input = { mou, proposal: proposalOf(mou), generatedBy: store.data.settings.officialName, generatedAt: clock.now().toISOString(), blankUnrecorded };
    return withFonts((fontCss) => buildMouSummaryHtml({ ...input, fontCss }));
  };

  const printPdf = async (mou: Mou, blankUnrecorded?: boolean): Promise<Uint8Array> => {
    const printer = need(deps.pdfPrinter, 'Printing to PDF');
    return printer.printHtmlToPdf(await summaryHtml(mou, blankUnrecorded));
  };

  /** Asks where to save; the dialog may hand back a name without the extension, and a PDF should say it is one. */
  const choosePdfPath = async (title: string, defaultName: string): Promise<string | undefined> => {
    const dialog = need(deps.saveDialog, 'The save dialog');
    const chosen = await dialog.chooseSavePath({ title, defaultName, filters: PDF_FILTERS });
    if (!chosen) return undefined;
    return path.extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
  };

  const writePdf = async (file: string, bytes: Uint8Array) => {
    await writeFileAtomically(file, bytes, deps.fs).catch((error: unknown) => {
      throw new ApiFailure('storage', describeExportFailure(file, error));
    });
    return { path: file, fileName: path.basename(file), bytes: bytes.byteLength, fileToken: exportedFiles.remember(file) };
  };

  const folderFor = (token: string): string => {
    const entry = folders.get(token);
    const now = clock.now().getTime();
    if (!entry || entry.expiresAt < now) {
      folders.delete(token);
      throw new ApiFailure('forbidden', 'The export folder is no longer available; choose the folder again.');
    }
    entry.expiresAt = now + FOLDER_TOKEN_TTL_MS;
    return entry.folder;
  };

  return {
    getMouSummaryHtml: async ({ id, blankUnrecorded }) => {
      const mou = findMou(id);
      return { html: await summaryHtml(mou, blankUnrecorded), mouNumber: mou.fields.mouNumber, fileName: mouSummaryFileName(mou.fields) };
    },

    exportMouSummaryPdf: async ({ id, blankUnrecorded }) => {
      const mou = findMou(id);
      const file = await choosePdfPath(`Export MoU summary ${mou.fields.mouNumber}`, mouSummaryFileName(mou.fields));
      if (!file) return { cancelled: true as const };
      return { cancelled: false as const, ...(await writePdf(file, await printPdf(mou, blankUnrecorded))) };
    },

    exportCombinedMouSummariesPdf: async ({ ids, blankUnrecorded }) => {
      // Every MoU is found before the dialog opens, so a stale selection fails before anything is asked.
      const mous = ids.map(findMou);
      const file = await choosePdfPath(`Export ${mous.length === 1 ? '1 MoU summary' : `${mous.length} MoU summaries`} as one PDF`, combinedSummariesFileName(clock.now()));
      if (!file) return { cancelled: true as const };
      const input = {
        summaries: mous.map((mou) => ({ mou, proposal: proposalOf(mou) })),
        generatedBy: store.data.settings.officialName,
        generatedAt: clock.now().toISOString(),
        blankUnrecorded,
      };
      const html = await withFonts((fontCss) => buildCombinedMouSummariesHtml({ ...input, fontCss }));
      const bytes = await need(deps.pdfPrinter, 'Printing to PDF').printHtmlToPdf(html);
      return { cancelled: false as const, count: mous.length, ...(await writePdf(file, bytes)) };
    },

    chooseExportFolder: async () => {
      const dialog = need(deps.folderDialog, 'The folder dialog');
      const folder = await dialog.chooseFolder({ title: 'Choose a folder for the MoU summaries', buttonLabel: 'Export here' });
      if (!folder) return { cancelled: true as const };
      const info = await stat(folder).catch(() => undefined);
      if (!info?.isDirectory()) throw new ApiFailure('not-found', `The folder ${folder} cannot be opened.`);
      const folderToken = randomUUID();
      folders.set(folderToken, { folder, expiresAt: clock.now().getTime() + FOLDER_TOKEN_TTL_MS });
      return { cancelled: false as const, folderToken, folder };
    },

    exportMouSummaryToFolder: async ({ id, folderToken, blankUnrecorded }) => {
      const folder = folderFor(folderToken);
      const mou = findMou(id);
      const bytes = await printPdf(mou, blankUnrecorded);
      const fileName = mouSummaryFileName(mou.fields);
      const file = await writeNewFile(folder, fileName, bytes, deps.fs).catch((error: unknown) => {
        throw new ApiFailure('storage', `The summary of ${mou.fields.mouNumber} was not saved. ${describeExportFailure(path.join(folder, fileName), error)}`);
      });
      return { path: file, fileName: path.basename(file), bytes: bytes.byteLength, fileToken: exportedFiles.remember(file) };
    },
  };
}
