import type { ChangeRecordKind } from '../../../../shared/domain/change-labels';
import type { HistoryEntryView } from '../../../../shared/domain/change-rows';
import type { Result } from '../../../../shared/api/result';
import { api, call } from '../../app/api-client';

/** What Verify history answers (HistoryVerificationSchema of the change log). */
export type Verification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; seq: number; at?: string; recordKind?: string; recordId?: string; message: string };

// TODO(journal): typed through the contract once history-calls.ts is merged.
interface HistoryBridge {
  recordHistory?: (input: { kind: string; id: string }) => Promise<Result<HistoryEntryView[]>>;
  verifyHistory?: (input: Record<string, never>) => Promise<Result<Verification>>;
}
const bridge = () => api() as unknown as HistoryBridge;
const NO_LOG: Result<never> = { ok: false, error: { code: 'internal', message: 'This version of Park Desk keeps no change log yet.' } };

/** A record's entries from the change log, oldest first. */
export async function loadRecordHistory(kind: ChangeRecordKind, recordId: string): Promise<Result<HistoryEntryView[]>> {
  const b = bridge();
  return b.recordHistory ? call(b.recordHistory({ kind, id: recordId })) : NO_LOG;
}

/** Recomputes the whole chain in main. */
export async function runVerifyHistory(): Promise<Result<Verification>> {
  const b = bridge();
  return b.verifyHistory ? call(b.verifyHistory({})) : NO_LOG;
}

/** The record a change names, as an official knows it: "Faisalabad Software Technology Park (proposal PSEB/STP/FSD/2021-01)". */
export async function describeRecord(recordKind: string, recordId: string): Promise<string> {
  if (recordKind === 'proposal') {
    const found = await call(api().getProposal({ id: recordId }));
    return found.ok ? `${found.value.fields.title} (proposal ${found.value.fields.referenceNumber})` : 'a proposal no longer in the data';
  }
  if (recordKind === 'mou') {
    const found = await call(api().getMou({ id: recordId }));
    return found.ok ? `MoU ${found.value.fields.mouNumber}` : 'an MoU no longer in the data';
  }
  if (recordKind === 'settings') return 'the settings';
  return 'the data as a whole';
}
