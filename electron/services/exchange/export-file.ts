import type { Database } from '../../../shared/domain/database';
import { readDatabaseJson, type DatabaseReading } from '../storage/serialise';

/** An export wraps the records with where and when they came from; a bare data file or backup is accepted too. */
export const EXPORT_FORMAT = 'park-desk-export';

/**
 * `chain`: where the exporting computer's change log stood (the seq and hash of its last entry,
 * see shared/domain/change-entry.ts), so the export can be matched to that computer's history.
 */
export function exportText(data: Readonly<Database>, exportedAt: string, appVersion: string): string {
  return JSON.stringify({ format: EXPORT_FORMAT, formatVersion: 1, exportedAt, appVersion, ...(data.journal ? { chain: data.journal } : {}), data });
}

export function readExportText(text: string): DatabaseReading & { exportedAt?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { kind: 'damaged', reason: 'It is cut short or garbled: it is not complete JSON.' };
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === EXPORT_FORMAT) {
    const wrapper = json as { data?: unknown; exportedAt?: unknown };
    const reading = readDatabaseJson(wrapper.data);
    return typeof wrapper.exportedAt === 'string' && wrapper.exportedAt.length < 40 ? { ...reading, exportedAt: wrapper.exportedAt } : reading;
  }
  return readDatabaseJson(json);
}
