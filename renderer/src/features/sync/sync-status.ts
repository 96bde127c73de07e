import { useEffect } from 'react';
import { create } from 'zustand';
import type { OutputOf } from '../../../../shared/api/contract';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';

export type SyncStatus = OutputOf<'getSyncStatus'>;

/** How often the line asks main for the sync state (a local call; main syncs on its own clock). */
const POLL_MS = 4000;

interface SyncStatusState {
  status: SyncStatus | undefined;
  /** True while this window asked for a sync and waits for its answer. */
  asked: boolean;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
  /** A call that answered with the status (connect, disconnect, resolve) sets it here. */
  show(status: SyncStatus): void;
}

/**
 * The shared register's state for the status line, the settings and the conflicts screen: one
 * place, so "Sync now" on the line and "Connect" on the Data screen tell the same story.
 */
export const useSyncStatus = create<SyncStatusState>()((set, get) => ({
  status: undefined,
  asked: false,
  async refresh() {
    const result = await call(api().getSyncStatus({}));
    if (result.ok) get().show(result.value);
  },
  async syncNow() {
    set({ asked: true, status: get().status ? { ...get().status!, state: 'syncing' } : undefined });
    const result = await call(api().syncNow({}));
    set({ asked: false });
    if (result.ok) get().show(result.value);
    else {
      useAppStore.getState().notify('error', result.error.message);
      await get().refresh();
    }
  },
  show(status) {
    const before = get().status;
    set({ status });
    // Records pulled from the server: the lists show them without a restart.
    if (before && status.lastSyncedAt && status.lastSyncedAt !== before.lastSyncedAt) {
      const { loadProposals, loadMous } = useAppStore.getState();
      void loadProposals();
      void loadMous();
    }
  },
}));

/** Keeps the status fresh while the app is open: main syncs every few minutes by itself. */
export function useSyncStatusPolling(): void {
  useEffect(() => {
    const { refresh } = useSyncStatus.getState();
    void refresh();
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, []);
}
