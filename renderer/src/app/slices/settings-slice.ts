import type { StateCreator } from 'zustand';
import type { OutputOf } from '../../../../shared/api/contract';
import { api, call } from '../api-client';
import type { AppState } from '../store';
import type { Route } from './navigation-slice';
import { countOf } from '../../../../shared/format/plural';

export type AppInfo = OutputOf<'getAppInfo'>;

export interface SettingsSlice {
  appInfo: AppInfo | undefined;
  loadAppInfo(): Promise<void>;
  saveOfficialName(name: string): Promise<boolean>;
  /** Opens the practice data with the sample parks; the register is not touched. */
  loadSampleData(): Promise<void>;
  returnToRegister(): Promise<void>;
  /** Counts each switch between the register and the practice data; the screens are rebuilt on it. */
  workspace: number;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get, store) => {
  /**
   * After a switch every record the renderer holds belongs to the other data: the whole store
   * starts afresh (every slice, whoever added it), and a record's page gives way to the dashboard.
   */
  const afterSwitch = async () => {
    const { route, workspace } = get();
    const next: Route =
      route.screen === 'data' || route.screen === 'dashboard' || route.screen === 'proposals' || route.screen === 'mous' ? { screen: route.screen } : { screen: 'dashboard' };
    set({ ...store.getInitialState(), route: next, workspace: workspace + 1 }, true);
    await Promise.all([get().loadAppInfo(), get().loadProposals(), get().loadMous()]);
  };

  return {
    appInfo: undefined,
    workspace: 0,
    async loadAppInfo() {
      const result = await call(api().getAppInfo({}));
      if (result.ok) set({ appInfo: result.value });
      else get().notify('error', result.error.message);
    },
    async saveOfficialName(name) {
      const result = await call(api().updateSettings({ officialName: name }));
      if (!result.ok) {
        get().notify('error', result.error.message);
        return false;
      }
      await get().loadAppInfo();
      get().notify('success', name.trim() ? `Your name is set to ${name.trim()}.` : 'Your name was cleared.');
      return true;
    },
    async loadSampleData() {
      const result = await call(api().loadSampleData({}));
      if (!result.ok) return get().notify('error', result.error.message);
      await afterSwitch();
      if (result.value.alreadyLoaded) get().notify('info', 'Practice data opened, as you left it. Your register is not touched.');
      else get().notify('success', `Practice data opened. Added ${countOf(result.value.added, 'sample park')}. Your register is not touched.`);
    },
    async returnToRegister() {
      if (get().hasUnsavedChanges) return get().notify('info', 'Save or cancel the form first, then return to the register.');
      const result = await call(api().returnToRegister({}));
      if (!result.ok) return get().notify('error', result.error.message);
      await afterSwitch();
      get().notify('success', 'Back in the register.');
    },
  };
};
