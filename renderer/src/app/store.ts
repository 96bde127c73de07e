import { create } from 'zustand';
import { createNavigationSlice, type NavigationSlice } from './slices/navigation-slice';
import { createMousSlice, type MousSlice } from './slices/mous-slice';
import { createNoticeSlice, type NoticeSlice } from './slices/notice-slice';
import { createProposalsSlice, type ProposalsSlice } from './slices/proposals-slice';
import { createSettingsSlice, type SettingsSlice } from './slices/settings-slice';

export type AppState = NavigationSlice & ProposalsSlice & MousSlice & SettingsSlice & NoticeSlice;

/** The renderer's one store, built from typed slices (zustand's slices pattern). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createNavigationSlice(...a),
  ...createProposalsSlice(...a),
  ...createMousSlice(...a),
  ...createSettingsSlice(...a),
  ...createNoticeSlice(...a),
}));
