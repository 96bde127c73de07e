import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createProposalService } from './proposals';
import { loadSampleData } from './sample-data';
import { ParkStore } from './storage/park-store';
import { systemClock, type Clock } from './platform';

export const DATA_FILE_NAME = 'park-desk-data.json';

export interface ParkServicesOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
}

export interface ParkServices {
  dispatch: Dispatch;
  handlers: Handlers;
  store: ParkStore;
  dataFile: string;
  /** Waits for writes under way and lets go of the data folder. */
  close(): Promise<void>;
}

/** Opens the data folder and wires every contract entry to its service. */
export async function openParkServices({ dataDir, appVersion, clock = systemClock }: ParkServicesOptions): Promise<ParkServices> {
  await mkdir(dataDir, { recursive: true });
  const dataFile = path.join(dataDir, DATA_FILE_NAME);
  const store = await ParkStore.open(dataFile);
  const proposals = createProposalService(store, clock);

  const handlers: Handlers = {
    getAppInfo: () => ({
      version: appVersion,
      dataFile,
      dataDir,
      settings: store.data.settings,
      proposalCount: store.data.proposals.length,
    }),
    updateSettings: ({ officialName }) =>
      store.update((db) => {
        db.settings.officialName = officialName;
        return db.settings;
      }),
    listProposals: () => proposals.list(),
    getProposal: ({ id }) => proposals.get(id),
    createProposal: (input) => proposals.create(input),
    updateProposal: (input) => proposals.update(input),
    loadSampleData: () => loadSampleData(store, clock),
  };

  return { dispatch: createDispatcher(handlers), handlers, store, dataFile, close: () => store.close() };
}
