import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type NoticeKind = 'success' | 'info' | 'error';
/** A button in the notice, e.g. Undo right after archiving. */
export interface NoticeAction {
  label: string;
  run(): void;
}
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  action?: NoticeAction;
}

export interface NoticeSlice {
  notices: Notice[];
  notify(kind: NoticeKind, message: string, action?: NoticeAction): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;
/** Errors stay until dismissed; confirmations fade, as a person has read them by then. */
const FADE_AFTER_MS = 6000;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set, get) => ({
  notices: [],
  notify(kind, message, action) {
    const id = nextNoticeId++;
    set((state) => ({ notices: [...state.notices.slice(-3), action ? { id, kind, message, action } : { id, kind, message }] }));
    // A notice with an action (Undo) stays longer, so there is time to use it.
    if (kind !== 'error') setTimeout(() => get().dismissNotice(id), action ? FADE_AFTER_MS * 2 : FADE_AFTER_MS);
  },
  dismissNotice(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
});
