import type { IpcMain, WebFrameMain } from 'electron';
import { channelOf, METHOD_NAMES } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import type { Dispatch } from '../services/dispatcher';
import { originOf } from './origins';

export type SenderFrame = Pick<WebFrameMain, 'parent' | 'url'> | null;

/**
 * Only the app's own top-level page may call main: not an iframe, not a page the window
 * was somehow navigated to, not a frame that is already gone (null).
 */
export function isTrustedSenderFrame(frame: SenderFrame, allowedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** One handler per contract entry and no other; the dispatcher parses input before any service runs. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (frame: SenderFrame) => boolean,
): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail('forbidden', `The call ${name} was refused: it did not come from the Park Desk window.`);
      }
      return dispatch(name, input);
    });
  }
}
