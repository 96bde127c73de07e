import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { FileOpener } from './platform';

/** The most recent exports that can still be opened by token; older tokens are forgotten. */
const REMEMBERED_EXPORTS = 200;

/** Files this session exported, by token: the only files the renderer can ask to open. */
export class ExportedFiles {
  private readonly byToken = new Map<string, string>();

  /** Remembers a file main has just written and returns the token that names it. */
  remember(filePath: string): string {
    const token = randomUUID();
    this.byToken.set(token, filePath);
    if (this.byToken.size > REMEMBERED_EXPORTS) this.byToken.delete(this.byToken.keys().next().value!);
    return token;
  }

  /** The path behind a token, if the file is still there. */
  async pathOf(token: string): Promise<string> {
    const filePath = this.byToken.get(token);
    if (!filePath) throw new ApiFailure('forbidden', 'Park Desk no longer knows this exported file; export it again.');
    const info = await stat(filePath).catch(() => undefined);
    if (!info?.isFile()) throw new ApiFailure('not-found', `${path.basename(filePath)} is no longer in ${path.dirname(filePath)}; it may have been moved or deleted.`);
    return filePath;
  }
}

type ExportedFileCalls = 'openExportedFile' | 'showExportedFileInFolder';

function need(opener: FileOpener | undefined): FileOpener {
  if (!opener) throw new ApiFailure('internal', 'Opening files is not available in this window.');
  return opener;
}

export function exportedFileHandlers(files: ExportedFiles, opener: FileOpener | undefined): Pick<Handlers, ExportedFileCalls> {
  return {
    openExportedFile: async ({ fileToken }) => {
      const filePath = await files.pathOf(fileToken);
      const problem = await need(opener).openFile(filePath);
      if (problem) throw new ApiFailure('internal', `${path.basename(filePath)} could not be opened: ${problem}`);
      return { opened: true as const };
    },
    showExportedFileInFolder: async ({ fileToken }) => {
      const filePath = await files.pathOf(fileToken);
      need(opener).showInFolder(filePath);
      return { shown: true as const };
    },
  };
}
