import { randomUUID } from 'node:crypto';
import type { Proposal, StageMove } from '../../shared/domain/proposal';
import { SAMPLE_PROPOSALS, type SampleProposal } from '../../shared/domain/sample-parks';
import { stagesBetween, isPipelineStage } from '../../shared/domain/stage-machine';
import { noonInPakistan } from '../../shared/domain/move-history';
import { addSampleMous } from './sample-mous';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';

const BY = 'Sample data';

/** A sample's history as moves: each dated on its day (or now, when not public), the stages between recorded as passed. */
export function sampleStageHistory(sample: SampleProposal, now: string): StageMove[] {
  const history: StageMove[] = [];
  for (const step of sample.history) {
    const previous = history[history.length - 1];
    const from = previous ? previous.to : null;
    const passes = isPipelineStage(step.stage) && (from === null || isPipelineStage(from)) ? stagesBetween(from, step.stage) : [];
    const at = step.on ? noonInPakistan(step.on) : now;
    history.push({
      id: randomUUID(),
      at,
      ...(at === now ? {} : { recordedAt: now }),
      from,
      to: step.stage,
      by: BY,
      note: step.note,
      ...(passes.length > 0 ? { passedStages: passes } : {}),
    });
  }
  return history;
}

/** Adds the real parks of the programme once; a second request adds nothing. */
export async function loadSampleData(store: ParkStore, clock: Clock): Promise<{ added: number; alreadyLoaded: boolean }> {
  if (store.data.settings.sampleDataLoadedAt) return { added: 0, alreadyLoaded: true };
  return store.update((db) => {
    const now = clock.now().toISOString();
    const taken = new Set(db.proposals.map((p) => p.fields.referenceNumber.toLowerCase()));
    let added = 0;
    for (const sample of SAMPLE_PROPOSALS) {
      if (taken.has(sample.fields.referenceNumber.toLowerCase())) continue;
      const proposal: Proposal = { id: randomUUID(), createdAt: now, updatedAt: now, fields: sample.fields, stageHistory: sampleStageHistory(sample, now) };
      db.proposals.push(proposal);
      added += 1;
    }
    addSampleMous(db, now);
    db.settings.sampleDataLoadedAt = now;
    return { added, alreadyLoaded: false };
  });
}
