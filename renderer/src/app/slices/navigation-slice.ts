import type { StateCreator } from 'zustand';
import type { ProposalListFilters } from '../../../../shared/domain/proposal-list-query';
import type { AppState } from '../store';
import type { MouListPreset } from '../../../../shared/domain/mou-list-query';
import type { MouStatus } from '../../../../shared/domain/mou';
import type { DueListPreset } from '../../../../shared/domain/reminders';

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
  | { screen: 'reports' }
  /** What is overdue or due this week (the reminder opens it); `preset` narrows it as a dashboard figure does. */
  | { screen: 'due'; preset?: DueListPreset }
  /** The shared register's conflicts: the same field changed on two PCs since they last synced. */
  | { screen: 'sync-conflicts' };

/** How a navigation moves through the app's own screen history (Back / Forward). */
export type HistoryMove = 'push' | 'back' | 'forward';

/** The most screens Back remembers; older ones drop off. */
const HISTORY_LIMIT = 50;

export interface NavigationSlice {
  route: Route;
  /** Screens Back returns to (last is the most recent) and Forward goes on to. */
  backStack: Route[];
  forwardStack: Route[];
  /** Counts every arrival, so focus can follow a navigation even to an equal route. */
  arrivals: number;
  /** True while a form holds edits that are not saved. */
  hasUnsavedChanges: boolean;
  /** Where the official asked to go while a form was dirty; a dialog asks first. */
  pendingRoute: Route | undefined;
  pendingMove: HistoryMove;
  navigate(route: Route): void;
  /** Alt+Left / the mouse's back button: the screen before this one (asks first when a form is dirty). */
  goBack(): void;
  /** Alt+Right / the mouse's forward button. */
  goForward(): void;
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

/** The stacks after moving to `route` from `from` in the way `move` says. */
function historyAfter(state: NavigationSlice, from: Route, move: HistoryMove): Pick<NavigationSlice, 'backStack' | 'forwardStack'> {
  if (move === 'back') return { backStack: state.backStack.slice(0, -1), forwardStack: [...state.forwardStack, from] };
  if (move === 'forward') return { backStack: [...state.backStack, from], forwardStack: state.forwardStack.slice(0, -1) };
  return { backStack: [...state.backStack, from].slice(-HISTORY_LIMIT), forwardStack: [] };
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => {
  const go = (route: Route, move: HistoryMove) => {
    if (get().hasUnsavedChanges) return set({ pendingRoute: route, pendingMove: move });
    arrive(route, get);
    set((state) => ({ route, pendingRoute: undefined, arrivals: state.arrivals + 1, ...historyAfter(state, state.route, move) }));
  };
  return {
    route: { screen: 'dashboard' },
    backStack: [],
    forwardStack: [],
    arrivals: 0,
    hasUnsavedChanges: false,
    pendingRoute: undefined,
    pendingMove: 'push',
    navigate(route) {
      go(route, 'push');
    },
    goBack() {
      const target = get().backStack.at(-1);
      if (target) go(target, 'back');
    },
    goForward() {
      const target = get().forwardStack.at(-1);
      if (target) go(target, 'forward');
    },
    setUnsavedChanges(dirty) {
      set({ hasUnsavedChanges: dirty });
    },
    confirmLeave() {
      const target = get().pendingRoute;
      if (!target) return;
      arrive(target, get);
      set((state) => ({
        route: target,
        pendingRoute: undefined,
        hasUnsavedChanges: false,
        arrivals: state.arrivals + 1,
        ...historyAfter(state, state.route, state.pendingMove),
      }));
    },
    cancelLeave() {
      set({ pendingRoute: undefined });
    },
  };
};
