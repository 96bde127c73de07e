import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { runDeskCommand } from './desk-keys';
import { useAppStore } from './store';

/** Ctrl+N, Ctrl+F, Ctrl+E and Ctrl+1..4, the same keys the application menu shows. */
const KEY_COMMANDS: Record<string, MenuCommand> = {
  n: 'new-proposal',
  f: 'focus-search',
  '1': 'go-dashboard',
  '2': 'go-proposals',
  '3': 'go-mous',
  '4': 'go-data',
  e: 'export-pdf',
};

/** Ctrl+E / File > Export PDF: the screen that can export (the MoU summary) listens for this. */
export const EXPORT_PDF_EVENT = 'park-desk:export-pdf';

export const SEARCH_INPUT_ID = 'proposal-search';

export function runCommand(command: MenuCommand): void {
  const { navigate } = useAppStore.getState();
  switch (command) {
    case 'new-proposal':
      return navigate({ screen: 'proposal-form' });
    case 'focus-search': {
      navigate({ screen: 'proposals' });
      // The list may mount on this very navigation, so focus after React has rendered it.
      requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
      return;
    }
    case 'go-dashboard':
      return navigate({ screen: 'dashboard' });
    case 'go-proposals':
      return navigate({ screen: 'proposals' });
    case 'go-mous':
      return navigate({ screen: 'mous' });
    case 'go-data':
      return navigate({ screen: 'data' });
    case 'export-pdf': {
      const handled = !window.dispatchEvent(new CustomEvent(EXPORT_PDF_EVENT, { cancelable: true }));
      if (!handled) useAppStore.getState().notify('info', 'Open an MoU summary to export it as PDF.');
      return;
    }
    case 'print':
    case 'go-back':
    case 'go-forward':
      return runDeskCommand(command);
  }
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const command = KEY_COMMANDS[event.key.toLowerCase()];
      if (!command) return;
      event.preventDefault();
      runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = window.shell?.onMenuCommand(runCommand);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu?.();
    };
  }, []);
}
