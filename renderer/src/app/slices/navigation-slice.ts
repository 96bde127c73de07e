import type { StateCreator } from 'zustand';
import type { AppState } from '../store';
import type { MouListPreset } from '../../../../shared/domain/mou-list-query';

export type Route =
  | { screen: 'dashboard' }
  | { screen: 'proposals' }
  | { screen: 'proposal'; id: string }
  | { screen: 'proposal-form'; id?: string }
  | { screen: 'mous'; preset?: MouListPreset }
  | { screen: 'mou'; id: string }
  /** A new MoU (from a proposal when proposalId is given) or an edit of one (id). */
  | { screen: 'mou-form'; id?: string; proposalId?: string }
  | { screen: 'mou-summary'; id: string }
  | { screen: 'data' };

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

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  route: { screen: 'dashboard' },
  hasUnsavedChanges: false,
  pendingRoute: undefined,
  navigate(route) {
    if (get().hasUnsavedChanges) set({ pendingRoute: route });
    else set({ route, pendingRoute: undefined });
  },
  setUnsavedChanges(dirty) {
    set({ hasUnsavedChanges: dirty });
  },
  confirmLeave() {
    const target = get().pendingRoute;
    if (target) set({ route: target, pendingRoute: undefined, hasUnsavedChanges: false });
  },
  cancelLeave() {
    set({ pendingRoute: undefined });
  },
});
