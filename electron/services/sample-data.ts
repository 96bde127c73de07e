import { randomUUID } from 'node:crypto';
import type { Proposal, StageMove } from '../../shared/domain/proposal';
import { INITIAL_STAGE } from '../../shared/domain/stages';
import { SAMPLE_PROPOSALS } from '../../shared/domain/sample-parks';
import { addSampleMous } from './sample-mous';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';

/** Adds the real parks of the programme once; a second request adds nothing. */
export async function loadSampleData(store: ParkStore, clock: Clock): Promise<{ added: number; alreadyLoaded: boolean }> {
  if (store.data.settings.sampleDataLoadedAt) return { added: 0, alreadyLoaded: true };
  return store.update((db) => {
    const now = clock.now().toISOString();
    const taken = new Set(db.proposals.map((p) => p.fields.referenceNumber.toLowerCase()));
    let added = 0;
    for (const sample of SAMPLE_PROPOSALS) {
      if (taken.has(sample.fields.referenceNumber.toLowerCase())) continue;
      const receivedAt = sample.fields.dateReceived ? `${sample.fields.dateReceived}T09:00:00.000Z` : now;
      const history: StageMove[] = [{ at: receivedAt, from: null, to: INITIAL_STAGE, by: 'Sample data', note: 'Proposal received.' }];
      for (const step of sample.reached) {
        history.push({ at: `${step.on}T09:00:00.000Z`, from: history[history.length - 1]!.to, to: step.stage, by: 'Sample data', note: step.note });
      }
      const proposal: Proposal = { id: randomUUID(), createdAt: now, updatedAt: now, fields: sample.fields, stageHistory: history };
      db.proposals.push(proposal);
      added += 1;
    }
    addSampleMous(db, now);
    db.settings.sampleDataLoadedAt = now;
    return { added, alreadyLoaded: false };
  });
}
