import type { Handlers } from '../../shared/api/contract';
import { loadSampleData } from './sample-data';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';

/** The contract's app calls: where the data is, who is recording, the sample parks. */
export function appHandlers(
  store: ParkStore,
  clock: Clock,
  where: { appVersion: string; dataDir: string; dataFile: string },
): Pick<Handlers, 'getAppInfo' | 'updateSettings' | 'loadSampleData'> {
  return {
    getAppInfo: () => ({
      version: where.appVersion,
      dataFile: where.dataFile,
      dataDir: where.dataDir,
      settings: store.data.settings,
      proposalCount: store.data.proposals.length,
    }),
    updateSettings: ({ officialName }) =>
      store.update((db) => {
        db.settings.officialName = officialName;
        return db.settings;
      }),
    loadSampleData: () => loadSampleData(store, clock),
  };
}
