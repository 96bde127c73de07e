import type { JournalMark } from '../../../shared/domain/change-entry';
import type { Database } from '../../../shared/domain/database';
import { readDatabaseJson, type DatabaseReading } from '../storage/serialise';

/** An export wraps the records with where and when they came from; a bare data file or backup is accepted too. */
export const EXPORT_FORMAT = 'park-desk-export';

/**
 * `chain`: where the exporting computer's change log stood (the seq and hash of its last entry,
 * see shared/domain/change-entry.ts), so the export can be matched to that computer's history. A
 * bundle passes the last entry of the change log it carries (the mark the import checks it against).
 */
export function exportText(data: Readonly<Database>, exportedAt: string, appVersion: string, chain: JournalMark | undefined = data.journal): string {
  return JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt, appVersion, ...(chain ? { chain } : {}), data });
}

/** `chain`: the export's mark as written (unchecked; see change-log.ts), when it has one. */
export function readExportText(text: string): DatabaseReading & { exportedAt?: string; chain?: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { kind: 'damaged', reason: 'It is cut short or garbled: it is not complete JSON.' };
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === EXPORT_FORMAT) {
    const wrapper = json as { data?: unknown; exportedAt?: unknown; chain?: unknown };
    const reading = readDatabaseJson(wrapper.data);
    return {
      ...reading,
      ...(typeof wrapper.exportedAt === 'string' && wrapper.exportedAt.length < 40 ? { exportedAt: wrapper.exportedAt } : {}),
      ...(wrapper.chain !== undefined ? { chain: wrapper.chain } : {}),
    };
  }
  return readDatabaseJson(json);
}
