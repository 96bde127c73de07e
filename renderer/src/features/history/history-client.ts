import type { ChangeRecordKind } from '../../../../shared/domain/change-labels';
import type { HistoryEntryView } from '../../../../shared/domain/change-rows';
import type { HistoryVerification } from '../../../../shared/domain/change-entry';
import type { Result } from '../../../../shared/api/result';
import { api, call } from '../../app/api-client';

export type Verification = HistoryVerification;

/** A record's entries from the change log, oldest first. */
export async function loadRecordHistory(kind: ChangeRecordKind, recordId: string): Promise<Result<HistoryEntryView[]>> {
  return call(api().recordHistory({ kind, id: recordId }));
}

/**
 * The saves that replaced every record (a restore, an import), oldest first: they changed each
 * record too. Asked apart, so a record's own history shows without waiting for them.
 */
export async function loadReplacements(): Promise<HistoryEntryView[]> {
  const whole = await call(api().recordHistory({ kind: 'database', id: 'database' }));
  return whole.ok ? whole.value.filter((entry) => entry.op === 'replace-all') : [];
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
