import type { StateCreator } from 'zustand';
import type { OutputOf } from '../../../../shared/api/contract';
import { api, call } from '../api-client';
import type { AppState } from '../store';
import { countOf } from '../../../../shared/format/plural';

export type AppInfo = OutputOf<'getAppInfo'>;

export interface SettingsSlice {
  appInfo: AppInfo | undefined;
  loadAppInfo(): Promise<void>;
  saveOfficialName(name: string): Promise<boolean>;
  loadSampleData(): Promise<void>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  appInfo: undefined,
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
    if (result.value.alreadyLoaded) get().notify('info', 'The sample parks were already loaded; nothing was added.');
    else get().notify('success', `Added ${countOf(result.value.added, 'sample park')}.`);
    await Promise.all([get().loadProposals(), get().loadMous(), get().loadAppInfo()]);
  },
});
