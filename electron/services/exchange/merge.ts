import type { ImportChoice, ImportDifference, ImportSide } from '../../../shared/api/calls/exchange-calls';
import type { Database } from '../../../shared/domain/database';
import { importFileProblems } from '../../../shared/domain/import-checks';
import { MouSchema, type Mou } from '../../../shared/domain/mou';
import { ProposalSchema, type Proposal } from '../../../shared/domain/proposal';
import { mergeRecords, pathKey, resolveConflicts, type RecordMerge } from '../../../shared/domain/record-merge';
import { nextUpdatedAt } from '../record-stamp';
import { differenceLabel, differenceValue } from '../../../shared/domain/difference-words';

type RecordKind = 'proposal' | 'mou';
type AnyRecord = Proposal | Mou;

/** One record of the file that is on this computer too, merged but not yet settled. */
interface MergedRecord<R> {
  mine: R;
  theirs: R;
  merge: RecordMerge<R>;
}

interface SidePlan<R> {
  side: ImportSide;
  added: R[];
  merged: MergedRecord<R>[];
  /** Ids of the file's records that cannot be imported. */
  leftAlone: Set<string>;
}

/** What an import would do; computed from the data as it is, so it can be shown and then applied. */
export interface MergePlan {
  proposals: SidePlan<Proposal>;
  mous: SidePlan<Mou>;
  differences: ImportDifference[];
  /** Why the file cannot be imported at all; empty when it can. */
  problems: string[];
}

interface Kind<R extends AnyRecord> {
  kind: RecordKind;
  label(record: R): string;
  /** The number officials use to tell records apart; two records may not share it. */
  key(record: R): string;
}

const proposalKind: Kind<Proposal> = {
  kind: 'proposal',
  label: (p) => `${p.fields.referenceNumber} — ${p.fields.title}`,
  key: (p) => p.fields.referenceNumber.trim().toLowerCase(),
};
const mouKind: Kind<Mou> = {
  kind: 'mou',
  label: (m) => `MoU ${m.fields.mouNumber}`,
  key: (m) => m.fields.mouNumber.trim().toLowerCase(),
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function planSide<R extends AnyRecord>(current: readonly R[], incoming: readonly R[], kind: Kind<R>): SidePlan<R> {
  const byId = new Map(current.map((r) => [r.id, r]));
  const idByKey = new Map(current.map((r) => [kind.key(r), r.id]));
  const plan: SidePlan<R> = { side: { added: [], merged: [], unchanged: 0, leftAlone: [] }, added: [], merged: [], leftAlone: new Set() };
  const row = (r: R) => ({ id: r.id, label: kind.label(r) });

  for (const record of incoming) {
    const mine = byId.get(record.id);
    const holder = idByKey.get(kind.key(record));
    if (holder !== undefined && holder !== record.id) {
      const other = byId.get(holder);
      plan.side.leftAlone.push({ ...row(record), reason: `Its number is already used by a different record here${other ? ` (${kind.label(other)})` : ''}; neither was changed.` });
      plan.leftAlone.add(record.id);
      continue;
    }
    idByKey.set(kind.key(record), record.id);
    if (!mine) {
      plan.side.added.push(row(record));
      plan.added.push(record);
      continue;
    }
    const merge = mergeRecords(mine, record);
    if (merge.historyAdded === 0 && merge.itemsAdded === 0 && merge.conflicts.length === 0) {
      plan.side.unchanged += 1;
      continue;
    }
    const detail = [
      merge.historyAdded > 0 ? `${plural(merge.historyAdded, 'history entry', 'history entries')} from the file` : '',
      merge.itemsAdded > 0 ? `${plural(merge.itemsAdded, 'item', 'items')} (obligations, amendments…) from the file` : '',
      merge.conflicts.length > 0 ? `${plural(merge.conflicts.length, 'difference', 'differences')} to choose` : '',
    ].filter(Boolean);
    plan.side.merged.push({ ...row(mine), detail: detail.join('; ') });
    plan.merged.push({ mine, theirs: record, merge });
  }
  return plan;
}

const differenceId = (kind: RecordKind, recordId: string, path: Parameters<typeof pathKey>[0]) => `${kind}:${recordId}:${pathKey(path)}`;

/**
 * Merges the file into the data by id: new records are added; for a record on both, histories
 * are united and every other difference is listed for the official to choose. Anything that
 * would leave the data inconsistent makes the whole file refused.
 */
export function planMerge(current: Readonly<Database>, incoming: Readonly<Database>): MergePlan {
  const proposals = planSide(current.proposals, incoming.proposals, proposalKind);
  const mous = planSide(current.mous, incoming.mous, mouKind);

  const names = new Map<string, string>();
  for (const p of [...current.proposals, ...incoming.proposals]) names.set(p.id, proposalKind.label(p));
  for (const m of [...current.mous, ...incoming.mous]) names.set(m.id, mouKind.label(m));
  const differences: ImportDifference[] = [];
  const list = <R extends AnyRecord>(kind: Kind<R>, merged: MergedRecord<R>[]) => {
    for (const { mine, theirs, merge } of merged) {
      // Links are shown by the name of what they point at; an obligation's party by the party's name.
      const parties = [...((mine as Mou).fields.parties ?? []), ...((theirs as Mou).fields.parties ?? [])];
      const show = (key: string | undefined, value: unknown) => {
        if (typeof value !== 'string') return differenceValue(value);
        if (key === 'proposalId' || key === 'previousMouId') return names.get(value) ?? '(a record not on this computer)';
        if (key === 'partyId') return parties.find((p) => p.id === value)?.name ?? '(an unknown party)';
        return differenceValue(value);
      };
      for (const conflict of merge.conflicts) {
        const last = conflict.path.at(-1);
        const key = last && 'key' in last ? last.key : undefined;
        differences.push({
          id: differenceId(kind.kind, mine.id, conflict.path),
          kind: kind.kind,
          record: kind.label(mine),
          field: differenceLabel(conflict.path, kind.kind, mine),
          mine: show(key, conflict.mine),
          theirs: show(key, conflict.theirs),
          mineUpdatedAt: mine.updatedAt,
          theirsUpdatedAt: theirs.updatedAt,
        });
      }
    }
  };
  list(proposalKind, proposals.merged);
  list(mouKind, mous.merged);

  const problems = importFileProblems(current, incoming, new Set([...proposals.leftAlone, ...mous.leftAlone]));
  return { proposals, mous, differences, problems };
}

/** The plan's records as they will be written, with the official's choices; throws a list of what is wrong. */
export function settleMerge(
  plan: MergePlan,
  choices: ReadonlyMap<string, ImportChoice>,
  now: Date,
): { proposals: Proposal[]; mous: Mou[]; changed: number; problems: string[] } {
  const problems: string[] = [];
  const missing = plan.differences.filter((d) => !choices.has(d.id));
  if (missing.length > 0) problems.push(`${plural(missing.length, 'difference has', 'differences have')} no choice: ${missing.map((d) => `${d.record}, ${d.field}`).join('; ')}.`);

  let changed = 0;
  const settle = <R extends AnyRecord>(kind: Kind<R>, side: SidePlan<R>, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }): R[] => {
    const out: R[] = [...side.added];
    for (const { mine, theirs, merge } of side.merged) {
      const record = resolveConflicts(merge, (c) => choices.get(differenceId(kind.kind, mine.id, c.path)) === 'theirs');
      const unchanged = merge.historyAdded === 0 && merge.itemsAdded === 0 && merge.conflicts.every((c) => choices.get(differenceId(kind.kind, mine.id, c.path)) !== 'theirs');
      if (unchanged) continue;
      const stamped = { ...record, updatedAt: nextUpdatedAt(mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt, now) };
      const checked = schema.safeParse(stamped);
      if (!checked.success) {
        problems.push(`${kind.label(mine)} would not be valid with these choices: ${checked.error?.issues[0]?.message ?? 'it breaks a rule of the record'}`);
        continue;
      }
      out.push(stamped);
      changed += 1;
    }
    return out;
  };
  const proposals = settle(proposalKind, plan.proposals, ProposalSchema);
  const mous = settle(mouKind, plan.mous, MouSchema);
  return { proposals, mous, changed, problems };
}

/** Writes settled records into a copy of the data: replaced in place, or appended. */
export function applyMerge(current: Readonly<Database>, settled: { proposals: readonly Proposal[]; mous: readonly Mou[] }): Database {
  const next = structuredClone(current) as Database;
  const put = <R extends { id: string }>(list: R[], records: readonly R[]) => {
    const index = new Map(list.map((r, i) => [r.id, i]));
    for (const record of records) {
      const at = index.get(record.id);
      if (at === undefined) list.push(record);
      else list[at] = record;
    }
  };
  put(next.proposals, settled.proposals);
  put(next.mous, settled.mous);
  return next;
}

/** Links the official's choices might have broken: each imported MoU's proposal and predecessor must exist. */
export function brokenLinks(data: Readonly<Database>, mous: readonly Mou[]): string[] {
  const proposalIds = new Set(data.proposals.map((p) => p.id));
  const mouIds = new Set(data.mous.map((m) => m.id));
  return mous.flatMap((m) => [
    ...(m.fields.proposalId && !proposalIds.has(m.fields.proposalId) ? [`MoU ${m.fields.mouNumber} would be linked to a proposal that does not exist.`] : []),
    ...(m.fields.previousMouId && !mouIds.has(m.fields.previousMouId) ? [`MoU ${m.fields.mouNumber} would renew or supersede an MoU that does not exist.`] : []),
  ]);
}
