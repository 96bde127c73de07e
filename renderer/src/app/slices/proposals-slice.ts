import type { StateCreator } from 'zustand';
import type { ProposalSummary } from '../../../../shared/domain/proposal-summary';
import { api, call } from '../api-client';
import type { AppState } from '../store';

import type { ProposalSortKey } from '../../../../shared/domain/proposal-list-query';

export interface ProposalListView {
  query: string;
  sortKey: ProposalSortKey;
  sortDirection: 'asc' | 'desc';
}

export interface ProposalsSlice {
  proposalSummaries: ProposalSummary[];
  proposalsLoaded: boolean;
  proposalsError: string | undefined;
  /** Kept in the store so search and sort survive moving between screens. */
  proposalListView: ProposalListView;
  loadProposals(): Promise<void>;
  setProposalListView(change: Partial<ProposalListView>): void;
}

export const createProposalsSlice: StateCreator<AppState, [], [], ProposalsSlice> = (set) => ({
  proposalSummaries: [],
  proposalsLoaded: false,
  proposalsError: undefined,
  proposalListView: { query: '', sortKey: 'referenceNumber', sortDirection: 'asc' },
  async loadProposals() {
    const result = await call(api().listProposals({}));
    if (result.ok) set({ proposalSummaries: result.value, proposalsLoaded: true, proposalsError: undefined });
    else set({ proposalsLoaded: true, proposalsError: result.error.message });
  },
  setProposalListView(change) {
    set((state) => ({ proposalListView: { ...state.proposalListView, ...change } }));
  },
});
