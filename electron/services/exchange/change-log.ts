import { canonicalJson, JournalMarkSchema, type ChangeEntry } from '../../../shared/domain/change-entry';
import type { Database } from '../../../shared/domain/database';
import { MouSchema } from '../../../shared/domain/mou';
import { ProposalSchema } from '../../../shared/domain/proposal';
import { formatDateTime } from '../../../shared/format/dates';
import { isolate } from '../../../shared/format/bidi';
import { entryLine, readLines, verifyChain } from '../storage/journal';

/**
 * A bundle carries the exporting data folder's change log (`change-log.jsonl`: every entry of its
 * chain, archive then journal, one line each), and its export's `chain` mark names the last one.
 * An import verifies it in the reading worker before any preview. The entries are not appended to
 * the importing computer's chain: that records the import as its own entry.
 */
export function changeLogBytes(entries: readonly ChangeEntry[]): Buffer {
  return Buffer.concat(entries.map(entryLine));
}

/** What the import found of the change log: verified, absent (an older bundle, a JSON export), or broken (refused). */
export type ChangeLogCheck = { state: 'verified'; entries: number } | { state: 'absent' } | { state: 'broken'; message: string };

const NOTHING_IMPORTED = 'Nothing was imported.';

function broken(seq: number, entry: Pick<ChangeEntry, 'recordKind' | 'recordId' | 'at'> | undefined, why: string): ChangeLogCheck {
  const where = entry ? ` (${entry.recordKind} ${isolate(entry.recordId)}, saved ${formatDateTime(entry.at)})` : '';
  return { state: 'broken', message: `The change log in this export does not verify from change ${seq}${where}: ${why} ${NOTHING_IMPORTED}` };
}

/**
 * Verifies a bundle's change log against its export: every line is an entry, the chain recomputes
 * from change 1 (verifyChain), its last entry is the export's `chain` mark, and each exported
 * proposal and MoU is the record its latest entry saved (when no import, restore or fresh start
 * came after that entry: those replace records without naming each one).
 */
export function checkChangeLog(bytes: Uint8Array, chainMark: unknown, data: Pick<Database, 'proposals' | 'mous'>): ChangeLogCheck {
  const { lines, tail } = readLines(bytes);
  const entries: ChangeEntry[] = [];
  for (const line of lines) {
    if (!line.entry) return broken((entries.at(-1)?.seq ?? 0) + 1, undefined, `its line ${lines.indexOf(line) + 1} is not a readable entry (${line.problem}): it was changed after it was exported.`);
    entries.push(line.entry);
  }
  if (tail) return broken((entries.at(-1)?.seq ?? 0) + 1, undefined, 'it is cut short.');
  const verification = verifyChain({ entries });
  if (!verification.ok) {
    const entry = entries.find((e) => e.seq === verification.seq);
    const why = /do not match its hash/.test(verification.message) ? 'it was changed after it was exported.' : verification.message;
    return broken(verification.seq, entry, why);
  }
  const mark = JournalMarkSchema.safeParse(chainMark);
  const last = entries.at(-1);
  if (!mark.success) return broken(last?.seq ?? 0, last, 'the export does not record where its change log ends.');
  if (mark.data.seq !== (last?.seq ?? 0) || mark.data.hash !== verification.lastHash)
    return broken(last?.seq ?? 0, last, `the export says its records stand at change ${mark.data.seq}, but its change log ends at change ${last?.seq ?? 0} with another hash.`);

  // Each record's latest entry, unless a replace-all came after it.
  const latest = new Map<string, ChangeEntry>();
  let replacedAt = 0;
  for (const entry of entries) {
    if (entry.op === 'replace-all') replacedAt = entry.seq;
    else if (entry.recordKind === 'proposal' || entry.recordKind === 'mou') latest.set(`${entry.recordKind}:${entry.recordId}`, entry);
  }
  for (const [kind, records, schema] of [
    ['proposal', data.proposals, ProposalSchema],
    ['mou', data.mous, MouSchema],
  ] as const) {
    for (const record of records) {
      const entry = latest.get(`${kind}:${record.id}`);
      if (!entry || entry.seq < replacedAt || entry.record === undefined) continue;
      const logged = schema.safeParse(entry.record);
      if (!logged.success || canonicalJson(logged.data) !== canonicalJson(record))
        return broken(entry.seq, entry, `the ${kind === 'mou' ? 'MoU' : kind} it saved is not the one in the export: the export was changed after it was written.`);
    }
  }
  return { state: 'verified', entries: entries.length };
}
