import type { Handlers } from '../../shared/api/contract';
import type { ParkStore } from './storage/park-store';

/** The contract's app calls: where the data is (the register or the practice data), who is recording. */
export function appHandlers(
  store: ParkStore,
  where: { appVersion: string; dataDir: string; dataFile: string; practice: boolean },
): Pick<Handlers, 'getAppInfo' | 'updateSettings'> {
  return {
    getAppInfo: () => ({
      version: where.appVersion,
      dataFile: where.dataFile,
      dataDir: where.dataDir,
      settings: store.data.settings,
      proposalCount: store.data.proposals.length,
      practice: where.practice,
    }),
    updateSettings: ({ officialName }) =>
      store.update((db) => {
        db.settings.officialName = officialName;
        return db.settings;
      }),
  };
}
