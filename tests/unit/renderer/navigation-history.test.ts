import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { AppState } from '../../../renderer/src/app/store';
import { createNavigationSlice } from '../../../renderer/src/app/slices/navigation-slice';

/** The navigation slice alone: Back and Forward walk the app's own screen history. */
function navigationStore() {
  return create<AppState>()((...a) => ({ ...createNavigationSlice(...a), presetProposalFilters: () => undefined }) as unknown as AppState);
}

const proposal = { screen: 'proposal', id: 'p1' } as const;
const mou = { screen: 'mou', id: 'm1' } as const;

describe('screen history (Alt+Left / Alt+Right)', () => {
  it('goes back through the screens visited and forward again, and a new visit drops the forward ones', () => {
    const store = navigationStore();
    const { navigate, goBack, goForward } = store.getState();
    navigate({ screen: 'proposals' });
    navigate(proposal);
    navigate(mou);
    goBack();
    expect(store.getState().route).toEqual(proposal);
    goBack();
    expect(store.getState().route).toEqual({ screen: 'proposals' });
    goForward();
    expect(store.getState().route).toEqual(proposal);
    navigate({ screen: 'data' });
    goForward();
    expect(store.getState().route).toEqual({ screen: 'data' });
    goBack();
    expect(store.getState().route).toEqual(proposal);
  });

  it('does nothing at either end', () => {
    const store = navigationStore();
    store.getState().goBack();
    store.getState().goForward();
    expect(store.getState().route).toEqual({ screen: 'dashboard' });
    expect(store.getState().arrivals).toBe(0);
  });

  it('asks before leaving a form with unsaved changes, and Back completes once the official discards them', () => {
    const store = navigationStore();
    store.getState().navigate(proposal);
    store.getState().navigate({ screen: 'proposal-form', id: 'p1' });
    store.getState().setUnsavedChanges(true);
    store.getState().goBack();
    expect(store.getState().route).toEqual({ screen: 'proposal-form', id: 'p1' });
    expect(store.getState().pendingRoute).toEqual(proposal);
    store.getState().confirmLeave();
    expect(store.getState().route).toEqual(proposal);
    // It was a Back: Forward returns to the form.
    store.getState().goForward();
    expect(store.getState().route).toEqual({ screen: 'proposal-form', id: 'p1' });
  });
});
