import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import type { SyncSettings, SyncStatus } from '../../../shared/api/calls/sync-calls';

type SyncHandlerNames = 'getSyncSettings' | 'saveSyncSettings' | 'forgetSyncSettings' | 'getSyncStatus' | 'syncNow' | 'listSyncConflicts' | 'resolveSyncConflict';

/** What the sync calls need from the engine (electron/services/sync/sync-service.ts). */
export interface SyncCallsService {
  getSettings(): SyncSettings;
  saveSettings(input: Parameters<Handlers['saveSyncSettings']>[0]): Promise<SyncSettings>;
  forgetSettings(): Promise<SyncSettings>;
  status(): SyncStatus;
  syncNow(): Promise<SyncStatus>;
  listConflicts(): ReturnType<Handlers['listSyncConflicts']>;
  resolveConflict(id: string, keep: 'local' | 'remote'): Promise<SyncStatus>;
}

const OFF: SyncStatus = { state: 'off', waitingChanges: 0, conflictCount: 0 };

/** The sync calls; without a service (the practice data) sync is off and cannot be set. */
export function syncHandlers(service: SyncCallsService | undefined): Pick<Handlers, SyncHandlerNames> {
  const practice = () => {
    throw new ApiFailure('forbidden', 'The practice data is never synced. Return to the register to set up syncing.');
  };
  if (!service) {
    return {
      getSyncSettings: () => ({ hasPassword: false }),
      saveSyncSettings: practice,
      forgetSyncSettings: () => ({ hasPassword: false }),
      getSyncStatus: () => OFF,
      syncNow: () => OFF,
      listSyncConflicts: () => [],
      resolveSyncConflict: practice,
    };
  }
  return {
    getSyncSettings: () => service.getSettings(),
    saveSyncSettings: (input) => service.saveSettings(input),
    forgetSyncSettings: () => service.forgetSettings(),
    getSyncStatus: () => service.status(),
    syncNow: () => service.syncNow(),
    listSyncConflicts: () => service.listConflicts(),
    resolveSyncConflict: ({ id, keep }) => service.resolveConflict(id, keep),
  };
}
