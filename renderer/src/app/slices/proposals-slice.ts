import type { StateCreator } from 'zustand';
import type { ProposalSummary } from '../../../../shared/domain/proposal-summary';
import { api, call } from '../api-client';
import type { AppState } from '../store';

import type { ProposalListFilters, ProposalListView } from '../../../../shared/domain/proposal-list-query';

export type { ProposalListView };

export interface ProposalsSlice {
  proposalSummaries: ProposalSummary[];
  proposalsLoaded: boolean;
  proposalsError: string | undefined;
  /** Kept in the store so search and sort survive moving between screens. */
  proposalListView: ProposalListView;
  loadProposals(): Promise<void>;
  setProposalListView(change: Partial<ProposalListView>): void;
  setProposalFilter<K extends keyof ProposalListFilters>(key: K, value: ProposalListFilters[K] | undefined): void;
  clearProposalFilters(): void;
  /** Opens the list on exactly these filters (a dashboard link): search cleared, current proposals. */
  presetProposalFilters(filters: ProposalListFilters): void;
}

export const createProposalsSlice: StateCreator<AppState, [], [], ProposalsSlice> = (set) => ({
  proposalSummaries: [],
  proposalsLoaded: false,
  proposalsError: undefined,
  proposalListView: { query: '', sortKey: 'referenceNumber', sortDirection: 'asc', filters: {}, archived: false },
  async loadProposals() {
    const result = await call(api().listProposals({}));
    if (result.ok) set({ proposalSummaries: result.value, proposalsLoaded: true, proposalsError: undefined });
    else set({ proposalsLoaded: true, proposalsError: result.error.message });
  },
  setProposalListView(change) {
    set((state) => ({ proposalListView: { ...state.proposalListView, ...change } }));
  },
  setProposalFilter(key, value) {
    set((state) => {
      const filters = { ...state.proposalListView.filters };
      if (value === undefined || value === '') delete filters[key];
      else filters[key] = value;
      return { proposalListView: { ...state.proposalListView, filters } };
    });
  },
  clearProposalFilters() {
    set((state) => ({ proposalListView: { ...state.proposalListView, filters: {} } }));
  },
  presetProposalFilters(filters) {
    set((state) => ({ proposalListView: { ...state.proposalListView, filters: { ...filters }, query: '', archived: false } }));
  },
});
