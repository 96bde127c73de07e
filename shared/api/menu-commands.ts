/** Commands the application menu sends to the page; the page binds the same keys itself. */
export const MENU_COMMANDS = ['new-proposal', 'focus-search', 'go-dashboard', 'go-proposals', 'go-mous', 'go-data', 'go-reports', 'export-pdf', 'print', 'go-back', 'go-forward'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const MENU_CHANNEL = 'park-desk:menu';

/** The second, one-way surface the preload exposes besides the contract's Api. */
export interface ShellBridge {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Where a file dropped on the page is on disk (Electron's webUtils.getPathForFile); '' when it has no place on disk. */
  pathForFile?(file: File): string;
}
