import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api/menu-commands';
import { OPEN_SEARCH_EVENT } from '../features/search/open-search';
import { runDeskCommand } from './desk-keys';
import { useAppStore } from './store';

/** Ctrl+N, Ctrl+F, Ctrl+E and Ctrl+1..5, the same keys the application menu shows. */
const KEY_COMMANDS: Record<string, MenuCommand> = {
  n: 'new-proposal',
  f: 'focus-search',
  '1': 'go-dashboard',
  '2': 'go-proposals',
  '3': 'go-mous',
  '4': 'go-data',
  '5': 'go-reports',
  '6': 'go-due',
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
    case 'focus-search':
      // One search over proposals and MoUs, opened over whatever screen is shown.
      window.dispatchEvent(new CustomEvent(OPEN_SEARCH_EVENT));
      return;
    case 'go-dashboard':
      return navigate({ screen: 'dashboard' });
    case 'go-proposals':
      return navigate({ screen: 'proposals' });
    case 'go-mous':
      return navigate({ screen: 'mous' });
    case 'go-data':
      return navigate({ screen: 'data' });
    case 'go-reports':
      return navigate({ screen: 'reports' });
    case 'go-due':
      return navigate({ screen: 'due' });
    case 'export-pdf': {
      const handled = !window.dispatchEvent(new CustomEvent(EXPORT_PDF_EVENT, { cancelable: true }));
      if (!handled) useAppStore.getState().notify('info', 'Open an MoU summary or a report to export it as PDF.');
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
