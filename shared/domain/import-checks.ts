import type { Database } from './database';
import type { Mou } from './mou';
import type { Proposal } from './proposal';
import { isIdList } from './record-merge';

const proposalName = (p: Proposal) => `proposal ${p.fields.referenceNumber}`;
const mouName = (m: Mou) => `MoU ${m.fields.mouNumber}`;

function duplicateIds<R extends { id: string }>(records: readonly R[], name: (r: R) => string, kind: string): string[] {
  const byId = new Map<string, R[]>();
  for (const record of records) byId.set(record.id, [...(byId.get(record.id) ?? []), record]);
  return [...byId.values()]
    .filter((group) => group.length > 1)
    .map((group) => `${group.length} ${kind} in the file share one id (${group[0]!.id}): ${group.map(name).join(', ')}.`);
}

/** Items of a record's lists (obligations, parties, amendments…) must each have their own id too. */
function duplicateItemIds(record: { fields: Record<string, unknown> }, name: string): string[] {
  const problems: string[] = [];
  for (const [key, list] of Object.entries(record.fields)) {
    if (!Array.isArray(list) || list.length < 2 || !isIdList(list)) continue;
    const ids = list.map((item) => item.id);
    if (new Set(ids).size !== ids.length) problems.push(`${name} lists two ${key} under one id.`);
  }
  return problems;
}

/**
 * What makes a file unsafe to import at all, named by reference and MoU number: two records (or
 * two items of one record) under one id, and links to records that would not exist after the
 * import. `notImported` holds the ids of the file's records that the import leaves out.
 */
export function importFileProblems(current: Readonly<Database>, incoming: Readonly<Database>, notImported: ReadonlySet<string> = new Set()): string[] {
  const problems = [
    ...duplicateIds(incoming.proposals, proposalName, 'proposals'),
    ...duplicateIds(incoming.mous, mouName, 'MoUs'),
    ...incoming.proposals.flatMap((p) => duplicateItemIds(p, proposalName(p))),
    ...incoming.mous.flatMap((m) => duplicateItemIds(m, mouName(m))),
  ];

  const proposalsAfter = new Set([...current.proposals.map((p) => p.id), ...incoming.proposals.filter((p) => !notImported.has(p.id)).map((p) => p.id)]);
  const mousAfter = new Set([...current.mous.map((m) => m.id), ...incoming.mous.filter((m) => !notImported.has(m.id)).map((m) => m.id)]);
  const leftOut = (id: string, records: readonly (Proposal | Mou)[]) => {
    const record = records.find((r) => r.id === id);
    return record && notImported.has(id) ? record : undefined;
  };

  for (const mou of incoming.mous) {
    if (notImported.has(mou.id)) continue;
    const { proposalId, previousMouId } = mou.fields;
    if (proposalId && !proposalsAfter.has(proposalId)) {
      const excluded = leftOut(proposalId, incoming.proposals) as Proposal | undefined;
      problems.push(
        excluded
          ? `${mouName(mou)} is linked to ${proposalName(excluded)}, which cannot be imported (see the preview’s records left alone).`
          : `${mouName(mou)} is linked to a proposal that is neither in the file nor on this computer.`,
      );
    }
    if (previousMouId && !mousAfter.has(previousMouId)) {
      const excluded = leftOut(previousMouId, incoming.mous) as Mou | undefined;
      problems.push(
        excluded
          ? `${mouName(mou)} renews or supersedes ${mouName(excluded)}, which cannot be imported.`
          : `${mouName(mou)} renews or supersedes an MoU that is neither in the file nor on this computer.`,
      );
    }
  }
  return problems;
}
