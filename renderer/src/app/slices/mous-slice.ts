import type { StateCreator } from 'zustand';
import type { MouStateKind } from '../../../../shared/domain/mou-state';
import type { MouStatus } from '../../../../shared/domain/mou';
import type { MouSortKey } from '../../../../shared/domain/mou-list-query';
import type { MouSummary } from '../../../../shared/domain/mou-summary';
import { api, call } from '../api-client';
import type { AppState } from '../store';

export interface MouListView {
  query: string;
  status: MouStatus | '';
  state: MouStateKind | '';
  sortKey: MouSortKey;
  sortDirection: 'asc' | 'desc';
}

export interface MousSlice {
  mouSummaries: MouSummary[];
  mousLoaded: boolean;
  mousError: string | undefined;
  /** Kept in the store so search, filter and sort survive moving between screens. */
  mouListView: MouListView;
  loadMous(): Promise<void>;
  setMouListView(change: Partial<MouListView>): void;
}

export const createMousSlice: StateCreator<AppState, [], [], MousSlice> = (set) => ({
  mouSummaries: [],
  mousLoaded: false,
  mousError: undefined,
  mouListView: { query: '', status: '', state: '', sortKey: 'mouNumber', sortDirection: 'asc' },
  async loadMous() {
    const result = await call(api().listMous({}));
    if (result.ok) set({ mouSummaries: result.value, mousLoaded: true, mousError: undefined });
    else set({ mousLoaded: true, mousError: result.error.message });
  },
  setMouListView(change) {
    set((state) => ({ mouListView: { ...state.mouListView, ...change } }));
  },
});
