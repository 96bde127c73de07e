import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/api/menu-commands';

export interface MenuTemplateOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  sendCommand: (command: MenuCommand) => void;
  showAbout: () => void;
}

/**
 * A menu item for a page command. The page binds the same keys itself (they must work in
 * the browser preview too), so the accelerator is only displayed, never registered:
 * otherwise each key press would run the command twice.
 */
function pageCommand(label: string, accelerator: string, command: MenuCommand, send: (command: MenuCommand) => void): MenuItemConstructorOptions {
  return { label, accelerator, registerAccelerator: false, click: () => send(command) };
}

export function buildMenuTemplate({ isPackaged, platform, sendCommand, showAbout }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const devTools: MenuItemConstructorOptions[] = isPackaged ? [] : [{ type: 'separator' }, { role: 'toggleDevTools' }];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        pageCommand('&New proposal', 'CmdOrCtrl+N', 'new-proposal', sendCommand),
        pageCommand('&Export PDF…', 'CmdOrCtrl+E', 'export-pdf', sendCommand),
        pageCommand('&Print…', 'CmdOrCtrl+P', 'print', sendCommand),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        pageCommand('&Dashboard', 'CmdOrCtrl+1', 'go-dashboard', sendCommand),
        pageCommand('&Proposals', 'CmdOrCtrl+2', 'go-proposals', sendCommand),
        pageCommand('&MoUs', 'CmdOrCtrl+3', 'go-mous', sendCommand),
        pageCommand('D&ata', 'CmdOrCtrl+4', 'go-data', sendCommand),
        pageCommand('&Reports', 'CmdOrCtrl+5', 'go-reports', sendCommand),
        pageCommand('Due this &week', 'CmdOrCtrl+6', 'go-due', sendCommand),
        { type: 'separator' },
        pageCommand('&Back', 'Alt+Left', 'go-back', sendCommand),
        pageCommand('For&ward', 'Alt+Right', 'go-forward', sendCommand),
        { type: 'separator' },
        pageCommand('&Find', 'CmdOrCtrl+F', 'focus-search', sendCommand),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...devTools,
      ],
    },
    {
      label: '&Help',
      submenu: [{ label: '&About Park Desk', click: () => showAbout() }],
    },
  ];
}

/** Installs the menu; commands go to whichever window `getWindow` returns. */
export function installApplicationMenu(getWindow: () => BrowserWindow | undefined): void {
  const template = buildMenuTemplate({
    isPackaged: app.isPackaged,
    platform: process.platform,
    sendCommand: (command) => getWindow()?.webContents.send(MENU_CHANNEL, command),
    showAbout: () => {
      const options = {
        type: 'info' as const,
        title: 'About Park Desk',
        message: 'Park Desk',
        detail: `Version ${app.getVersion()}\nProposals, stages and MoUs of PSEB's software technology parks.`,
        buttons: ['OK'],
      };
      const win = getWindow();
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
