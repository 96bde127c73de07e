import type { ChangeRecordKind } from '../../../../shared/domain/change-labels';
import type { HistoryEntryView } from '../../../../shared/domain/change-rows';
import type { HistoryVerification } from '../../../../shared/domain/change-entry';
import type { Result } from '../../../../shared/api/result';
import { api, call } from '../../app/api-client';

export type Verification = HistoryVerification;

/**
 * A record's entries from the change log, oldest first, with the saves that replaced every record
 * (a restore, an import) since it was created: they changed this record too.
 */
export async function loadRecordHistory(kind: ChangeRecordKind, recordId: string): Promise<Result<HistoryEntryView[]>> {
  const [own, whole] = await Promise.all([call(api().recordHistory({ kind, id: recordId })), call(api().recordHistory({ kind: 'database', id: 'database' }))]);
  if (!own.ok) return own;
  const since = own.value[0]?.seq ?? 0;
  const replaced = whole.ok ? whole.value.filter((entry) => entry.op === 'replace-all' && entry.seq > since) : [];
  return { ok: true, value: mergeBySeq(own.value, replaced) };
}

/** Two lists of entries, each oldest first, as one. */
export function mergeBySeq<T extends { seq: number }>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b].sort((x, y) => x.seq - y.seq);
}

/** Recomputes the whole chain in main. */
export async function runVerifyHistory(): Promise<Result<Verification>> {
  return call(api().verifyHistory({}));
}

/** The record a change names, as an official knows it: "Faisalabad Software Technology Park, proposal PSEB/STP/FSD/2021-01". */
export async function describeRecord(recordKind: string, recordId: string): Promise<string> {
  if (recordKind === 'proposal') {
    const found = await call(api().getProposal({ id: recordId }));
    return found.ok ? `${found.value.fields.title}, proposal ${found.value.fields.referenceNumber}` : 'a proposal no longer in the data';
  }
  if (recordKind === 'mou') {
    const found = await call(api().getMou({ id: recordId }));
    return found.ok ? `MoU ${found.value.fields.mouNumber}` : 'an MoU no longer in the data';
  }
  if (recordKind === 'settings') return 'the settings';
  return 'the data as a whole';
}
