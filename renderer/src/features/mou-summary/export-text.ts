import { api, call } from '../../app/api-client';
import type { NoticeAction, NoticeKind } from '../../app/slices/notice-slice';

/** 123456 -> "121 KB": enough for an official to see the file is not empty. */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The folder part of a path main reported, on Windows or elsewhere. */
export function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut > 0 ? filePath.slice(0, cut) : filePath;
}

/** Open PDF and Show in folder for a file main exported, named by its token (never by path). */
export function exportedFileActions(fileToken: string, notify: (kind: NoticeKind, message: string) => void): NoticeAction[] {
  const failed = (result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) notify('error', result.error?.message ?? 'The file could not be opened.');
  };
  return [
    { label: 'Open PDF', key: 'o', run: () => void call(api().openExportedFile({ fileToken })).then(failed) },
    { label: 'Show in folder', key: 's', run: () => void call(api().showExportedFileInFolder({ fileToken })).then(failed) },
  ];
}
