import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import { findSampleRecords, withoutSampleRecords } from '../../shared/domain/sample-records';
import type { Mou } from '../../shared/domain/mou';
import type { Proposal } from '../../shared/domain/proposal';
import type { Clock } from './platform';
import { loadSampleData } from './sample-data';
import type { ParkStore } from './storage/park-store';

/** The practice data lives in a folder of its own inside the data folder, with its own file, lock and backups. */
export const PRACTICE_FOLDER = 'practice';

export const practiceDataDir = (registerDir: string) => path.join(registerDir, PRACTICE_FOLDER);

/** Which data the app is working on, and the switch between the register and the practice data. */
export interface Workspace {
  /** Opens the practice data (loading the sample parks into it once) and works on it from now on. */
  openPractice(): Promise<{ added: number; alreadyLoaded: boolean }>;
  /** Works on the register again and lets go of the practice data. */
  returnToRegister(): Promise<void>;
}

const proposalLabel = (p: Proposal) => `${p.fields.referenceNumber} — ${p.fields.title}`;
const mouLabel = (m: Mou) => `MoU ${m.fields.mouNumber}`;
const labelOf = (r: Proposal | Mou) => ('referenceNumber' in r.fields ? proposalLabel(r as Proposal) : mouLabel(r as Mou));

/** The practice calls as one data folder answers them: the register, or the practice data. */
export function practiceHandlers(
  store: ParkStore,
  clock: Clock,
  workspace: Workspace,
  practice: boolean,
): Pick<Handlers, 'loadSampleData' | 'returnToRegister' | 'findSampleRecords' | 'removeSampleRecords'> {
  const inRegisterOnly = () => {
    if (practice) throw new ApiFailure('forbidden', 'This is the practice data. Return to the register first.');
  };
  return {
    loadSampleData: () => (practice ? loadSampleData(store, clock) : workspace.openPractice()),
    returnToRegister: async () => {
      await workspace.returnToRegister();
      return { practice: false as const };
    },
    findSampleRecords: () => {
      inRegisterOnly();
      const found = findSampleRecords(store.data);
      const loadedAt = store.data.settings.sampleDataLoadedAt;
      return {
        ...(loadedAt ? { loadedAt } : {}),
        removable: {
          proposals: found.proposals.map((p) => ({ id: p.id, label: proposalLabel(p) })),
          mous: found.mous.map((m) => ({ id: m.id, label: mouLabel(m) })),
        },
        kept: found.kept.map(({ record, reason }) => ({ id: record.id, label: labelOf(record), reason })),
      };
    },
    removeSampleRecords: async () => {
      inRegisterOnly();
      if (!store.data.settings.sampleDataLoadedAt) throw new ApiFailure('not-found', 'There are no sample records in the register.');
      let counts = { removedProposals: 0, removedMous: 0, kept: 0 };
      // Found again on the data as saved now, so a record changed since the official looked is kept.
      const { safetyBackup } = await store.replaceAll((current) => {
        const found = findSampleRecords(current);
        counts = { removedProposals: found.proposals.length, removedMous: found.mous.length, kept: found.kept.length };
        return withoutSampleRecords(current, found);
      }, 'before-removal');
      if (!safetyBackup) throw new ApiFailure('internal', 'The sample records were removed without a backup before it.');
      return { ...counts, safetyBackup };
    },
  };
}
