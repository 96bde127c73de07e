import type { ImportSide } from '../../../shared/api/calls/exchange-calls';
import type { Database } from '../../../shared/domain/database';
import type { Mou } from '../../../shared/domain/mou';
import type { Proposal } from '../../../shared/domain/proposal';

/** What an import would do; computed from the data as it is, so it can be shown and then applied. */
export interface MergePlan {
  proposals: ImportSide;
  mous: ImportSide;
  /** The records that will be written: added or replacing an older copy. */
  take: { proposals: Proposal[]; mous: Mou[] };
}

interface Kind<R extends { id: string; updatedAt: string }> {
  label(record: R): string;
  /** The number officials use to tell records apart; two records may not share it. */
  key(record: R): string;
}

const proposalKind: Kind<Proposal> = {
  label: (p) => `${p.fields.referenceNumber} — ${p.fields.title}`,
  key: (p) => p.fields.referenceNumber.trim().toLowerCase(),
};
const mouKind: Kind<Mou> = {
  label: (m) => `MoU ${m.fields.mouNumber}`,
  key: (m) => m.fields.mouNumber.trim().toLowerCase(),
};

function planSide<R extends { id: string; updatedAt: string }>(current: readonly R[], incoming: readonly R[], kind: Kind<R>): { side: ImportSide; take: R[] } {
  const byId = new Map(current.map((r) => [r.id, r]));
  const idByKey = new Map(current.map((r) => [kind.key(r), r.id]));
  const side: ImportSide = { added: [], changed: [], keptNewer: [], unchanged: 0, conflicts: [] };
  const take: R[] = [];
  const row = (r: R) => ({ id: r.id, label: kind.label(r) });

  for (const record of incoming) {
    const mine = byId.get(record.id);
    const holder = idByKey.get(kind.key(record));
    if (holder !== undefined && holder !== record.id) {
      const other = byId.get(holder);
      side.conflicts.push({ ...row(record), reason: `Its number is already used by a different record here${other ? ` (${kind.label(other)})` : ''}; neither was changed.` });
      continue;
    }
    if (!mine) {
      side.added.push(row(record));
      take.push(record);
    } else if (record.updatedAt > mine.updatedAt) {
      side.changed.push(row(record));
      take.push(record);
    } else if (record.updatedAt < mine.updatedAt) {
      side.keptNewer.push(row(mine));
    } else if (JSON.stringify(record) === JSON.stringify(mine)) {
      side.unchanged += 1;
    } else {
      side.conflicts.push({ ...row(record), reason: 'It was changed differently on both computers at the same moment; this computer’s copy was kept.' });
      continue;
    }
    idByKey.set(kind.key(record), record.id);
  }
  return { side, take };
}

/** Merges by id; the copy changed last (updatedAt) wins; anything that cannot be decided is listed, not applied. */
export function planMerge(current: Readonly<Database>, incoming: Readonly<Database>): MergePlan {
  const proposals = planSide(current.proposals, incoming.proposals, proposalKind);
  const mous = planSide(current.mous, incoming.mous, mouKind);
  return { proposals: proposals.side, mous: mous.side, take: { proposals: proposals.take, mous: mous.take } };
}

/** Writes the plan's records into a draft: replaced in place, or appended. */
export function applyMerge(draft: Database, plan: MergePlan): void {
  const put = <R extends { id: string }>(list: R[], records: readonly R[]) => {
    const index = new Map(list.map((r, i) => [r.id, i]));
    for (const record of records) {
      const at = index.get(record.id);
      if (at === undefined) list.push(record);
      else list[at] = record;
    }
  };
  put(draft.proposals, plan.take.proposals);
  put(draft.mous, plan.take.mous);
}
