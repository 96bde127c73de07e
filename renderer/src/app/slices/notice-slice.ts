import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type NoticeKind = 'success' | 'info' | 'error';
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
}

export interface NoticeSlice {
  notices: Notice[];
  notify(kind: NoticeKind, message: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;
/** Errors stay until dismissed; confirmations fade, as a person has read them by then. */
const FADE_AFTER_MS = 6000;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  notify(kind, message) {
    const id = nextNoticeId++;
    set((state) => ({ notices: [...state.notices.slice(-3), { id, kind, message }] }));
    if (kind !== 'error') setTimeout(() => get().dismissNotice(id), FADE_AFTER_MS);
  },
  dismissNotice(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
});
