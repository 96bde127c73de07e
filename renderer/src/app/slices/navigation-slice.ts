import type { StateCreator } from 'zustand';
import type { ProposalListFilters } from '../../../../shared/domain/proposal-list-query';
import type { AppState } from '../store';
import type { MouListPreset } from '../../../../shared/domain/mou-list-query';
import type { MouStatus } from '../../../../shared/domain/mou';

/** The MoU list views the dashboard links into (defined with the MoU list query). */
export type { MouListPreset };

export type Route =
  | { screen: 'dashboard' }
  /** With `filters`, the list opens with exactly those filters (the dashboard's links). */
  | { screen: 'proposals'; filters?: ProposalListFilters }
  | { screen: 'proposal'; id: string }
  | { screen: 'proposal-form'; id?: string }
  | { screen: 'mous'; preset?: MouListPreset }
  | { screen: 'mou'; id: string }
  /**
   * A new MoU (from a proposal when proposalId is given) or an edit of one (id). `start`
   * prefills the status it is entered at (a proposal at MoU signed recording its MoU).
   */
  | { screen: 'mou-form'; id?: string; proposalId?: string; start?: { status: MouStatus; on: string } }
  | { screen: 'mou-summary'; id: string }
  | { screen: 'data' }
  | { screen: 'reports' };

export interface NavigationSlice {
  route: Route;
  /** True while a form holds edits that are not saved. */
  hasUnsavedChanges: boolean;
  /** Where the official asked to go while a form was dirty; a dialog asks first. */
  pendingRoute: Route | undefined;
  navigate(route: Route): void;
  setUnsavedChanges(dirty: boolean): void;
  confirmLeave(): void;
  cancelLeave(): void;
}

/** What arriving at a route sets up in the rest of the store. */
function arrive(route: Route, get: () => AppState): void {
  if (route.screen === 'proposals' && route.filters) get().presetProposalFilters(route.filters);
  // A dashboard figure opens exactly its rows: no search or filter left over from before.
  if (route.screen === 'mous' && route.preset) get().setMouListView({ query: '', status: '', state: '' });
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  route: { screen: 'dashboard' },
  hasUnsavedChanges: false,
  pendingRoute: undefined,
  navigate(route) {
    if (get().hasUnsavedChanges) return set({ pendingRoute: route });
    arrive(route, get);
    set({ route, pendingRoute: undefined });
  },
  setUnsavedChanges(dirty) {
    set({ hasUnsavedChanges: dirty });
  },
  confirmLeave() {
    const target = get().pendingRoute;
    if (!target) return;
    arrive(target, get);
    set({ route: target, pendingRoute: undefined, hasUnsavedChanges: false });
  },
  cancelLeave() {
    set({ pendingRoute: undefined });
  },
});
