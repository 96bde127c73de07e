import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { useAppStore } from './store';

/** Print, Back and Forward: kept apart from the Ctrl+letter navigation shortcuts. */
export function runDeskCommand(command: Extract<MenuCommand, 'print' | 'go-back' | 'go-forward'>): void {
  const state = useAppStore.getState();
  if (command === 'print') return window.print();
  if (command === 'go-back') return state.goBack();
  return state.goForward();
}

/** The mouse's own back and forward buttons (MouseEvent.button 3 and 4). */
const MOUSE_BACK = 3;
const MOUSE_FORWARD = 4;

/**
 * Desk keys the whole app shares: Ctrl+P prints the screen, Alt+Left / Alt+Right and the
 * mouse's side buttons walk the app's own screen history, and Ctrl+Enter submits the form
 * focus is in, so Enter in a note can start a new line.
 */
export function useDeskKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        return runDeskCommand('print');
      }
      if (event.altKey && !ctrl && !event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        return runDeskCommand(event.key === 'ArrowLeft' ? 'go-back' : 'go-forward');
      }
      if (ctrl && !event.altKey && event.key === 'Enter' && !event.isComposing) {
        const form = event.target instanceof Element ? event.target.closest('form') : null;
        if (!form) return;
        event.preventDefault();
        form.requestSubmit();
      }
    };
    const onMouseUp = (event: MouseEvent) => {
      if (event.button !== MOUSE_BACK && event.button !== MOUSE_FORWARD) return;
      event.preventDefault();
      runDeskCommand(event.button === MOUSE_BACK ? 'go-back' : 'go-forward');
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('mouseup', onMouseUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('mouseup', onMouseUp);
    };
  }, []);
}
