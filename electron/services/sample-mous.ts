import { randomUUID } from 'node:crypto';
import type { Database } from '../../shared/domain/database';
import { MouFieldsSchema, type Mou, type MouStatusMove } from '../../shared/domain/mou';
import { SAMPLE_MOUS } from '../../shared/domain/sample-mous';
import { statusesBetween } from '../../shared/domain/mou-status';
import { noonInPakistan } from '../../shared/domain/move-history';

/**
 * Adds the sample MoUs to a database being changed, linked to the sample proposals by reference.
 * A sample is entered at the status it reached, as an official records an MoU signed before
 * Park Desk existed: the statuses before it are recorded as passed, never given made-up dates.
 */
export function addSampleMous(db: Database, now: string): number {
  const proposalByReference = new Map(db.proposals.map((p) => [p.fields.referenceNumber.toLowerCase(), p.id]));
  const takenNumbers = new Set(db.mous.map((m) => m.fields.mouNumber.toLowerCase()));
  let added = 0;
  for (const sample of SAMPLE_MOUS) {
    if (takenNumbers.has(sample.fields.mouNumber.toLowerCase())) continue;
    const partyIds = new Map(sample.fields.parties.map((p) => [p.key, randomUUID()]));
    const parties = sample.fields.parties.map(({ key, ...party }) => ({ ...party, id: partyIds.get(key)! }));
    const proposalId = proposalByReference.get(sample.proposalReference.toLowerCase());
    const fields = MouFieldsSchema.parse({
      ...sample.fields,
      parties,
      ...(proposalId ? { proposalId } : {}),
      obligations: sample.obligations.map(({ partyKey, ...o }) => ({ ...o, id: randomUUID(), partyId: partyIds.get(partyKey)! })),
      amendments: [],
    });
    const history: MouStatusMove[] = [];
    for (const step of sample.history) {
      const previous = history[history.length - 1];
      const from = previous ? previous.to : null;
      const passes = statusesBetween(from, step.to);
      const at = step.on ? noonInPakistan(step.on) : now;
      history.push({
        id: randomUUID(),
        at,
        ...(at === now ? {} : { recordedAt: now }),
        from,
        to: step.to,
        by: 'Sample data',
        note: step.note,
        ...(passes.length > 0 ? { passedStatuses: passes } : {}),
      });
    }
    const mou: Mou = { id: randomUUID(), createdAt: now, updatedAt: now, fields, statusHistory: history };
    db.mous.push(mou);
    added += 1;
  }
  return added;
}
