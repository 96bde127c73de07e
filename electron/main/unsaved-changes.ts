import { dialog, type BrowserWindow } from 'electron';

/** The same words as the renderer's own prompt when leaving a form (App.tsx). */
export const DISCARD_UNSAVED_PROMPT = {
  title: 'Discard unsaved changes?',
  message: 'Discard unsaved changes?',
  detail: 'You have changes on this form that are not saved. If you close Park Desk now they will be lost.',
  buttons: ['Discard changes', 'Keep editing'],
} as const;
const DISCARD = 0;
const KEEP_EDITING = 1;

/**
 * Asks the official whether a form's unsaved changes may be thrown away. Synchronous:
 * Electron decides on will-prevent-unload from what its listener did before returning.
 * Keep editing is the default and the answer to Esc, so a stray Enter loses nothing.
 */
export function askDiscardUnsavedChanges(win: BrowserWindow): boolean {
  const response = dialog.showMessageBoxSync(win, {
    type: 'warning',
    title: DISCARD_UNSAVED_PROMPT.title,
    message: DISCARD_UNSAVED_PROMPT.message,
    detail: DISCARD_UNSAVED_PROMPT.detail,
    buttons: [...DISCARD_UNSAVED_PROMPT.buttons],
    defaultId: KEEP_EDITING,
    cancelId: KEEP_EDITING,
    noLink: true,
  });
  return response === DISCARD;
}
