import type { StateCreator } from 'zustand';
import type { AppState } from '../store';

export type NoticeKind = 'success' | 'info' | 'error';
/** A button in the notice: Undo right after archiving, Open PDF after an export. */
export interface NoticeAction {
  label: string;
  /** The letter of its Alt shortcut, shown on the notice (default: the label's first letter). */
  key?: string;
  run(): void;
}
export interface NoticeOptions {
  actions: NoticeAction[];
  /** Focus goes to the first action (after an export, opening the file is the next step). */
  takeFocus?: boolean;
}
export interface Notice {
  id: number;
  kind: NoticeKind;
  message: string;
  actions: NoticeAction[];
  takeFocus: boolean;
}

export interface NoticeSlice {
  /** At most one: a new notice replaces the one shown, so they never pile up over the work. */
  notices: Notice[];
  notify(kind: NoticeKind, message: string, action?: NoticeAction | NoticeOptions): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

/** Alt+F, Alt+E, Alt+V and Alt+H open the application menu; a notice never claims them. */
const MENU_LETTERS = new Set(['f', 'e', 'v', 'h']);

/** The Alt letter of an action: its own, else the first letter of its label no menu uses. */
export function noticeActionKey(action: NoticeAction): string | undefined {
  if (action.key) return action.key.toLowerCase();
  const letter = action.label.toLowerCase().match(/[a-z]/)?.[0];
  return letter && !MENU_LETTERS.has(letter) ? letter : undefined;
}

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  notify(kind, message, action) {
    const id = nextNoticeId++;
    const options: NoticeOptions = action === undefined ? { actions: [] } : 'actions' in action ? action : { actions: [action] };
    set({ notices: [{ id, kind, message, actions: options.actions, takeFocus: options.takeFocus ?? false }] });
  },
  dismissNotice(id) {
    set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  },
});
