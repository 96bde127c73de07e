import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, Menu } from './fake-electron';
import { buildMenuTemplate, installApplicationMenu } from '../../../electron/main/menu';
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../../../shared/api/menu-commands';

vi.mock('electron', () => import('./fake-electron'));

type Item = MenuItemConstructorOptions;
const plain = (label: string | undefined) => label?.replaceAll('&', '');

function build(isPackaged = false, platform: NodeJS.Platform = 'win32') {
  const sendCommand = vi.fn<(command: MenuCommand) => void>();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({ isPackaged, platform, sendCommand, showAbout });
  const submenu = (label: string) => (template.find((item) => plain(item.label) === label)?.submenu ?? []) as Item[];
  const item = (menu: string, label: string) => submenu(menu).find((entry) => plain(entry.label) === label);
  const click = (entry: Item | undefined) => (entry?.click as unknown as () => void)();
  return { template, submenu, item, click, sendCommand, showAbout };
}

const allItems = (items: Item[]): Item[] => items.flatMap((entry) => [entry, ...allItems(Array.isArray(entry.submenu) ? entry.submenu : [])]);

beforeEach(() => vi.clearAllMocks());

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help', () => {
    expect(build().template.map((entry) => plain(entry.label))).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(build(false, 'darwin').template[0]).toEqual({ role: 'appMenu' });
  });

  it.each([
    ['File', 'New proposal', 'CmdOrCtrl+N', 'new-proposal'],
    ['File', 'Export PDF…', 'CmdOrCtrl+E', 'export-pdf'],
    ['File', 'Print…', 'CmdOrCtrl+P', 'print'],
    ['View', 'Back', 'Alt+Left', 'go-back'],
    ['View', 'Forward', 'Alt+Right', 'go-forward'],
    ['View', 'Dashboard', 'CmdOrCtrl+1', 'go-dashboard'],
    ['View', 'Proposals', 'CmdOrCtrl+2', 'go-proposals'],
    ['View', 'MoUs', 'CmdOrCtrl+3', 'go-mous'],
    ['View', 'Data', 'CmdOrCtrl+4', 'go-data'],
    ['View', 'Reports', 'CmdOrCtrl+5', 'go-reports'],
    ['View', 'Find', 'CmdOrCtrl+F', 'focus-search'],
  ] as const)('%s > %s shows %s, leaves the key to the page and sends %s', (menu, label, accelerator, command) => {
    const { item, click, sendCommand } = build();
    const entry = item(menu, label);
    expect(entry).toMatchObject({ accelerator, registerAccelerator: false });
    click(entry);
    expect(sendCommand).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('sends every menu command from exactly one item', () => {
    const { template, click, sendCommand } = build();
    const commandItems = allItems(template).filter((entry) => entry.registerAccelerator === false);
    commandItems.forEach((entry) => click(entry));
    expect(sendCommand.mock.calls.map(([command]) => command).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('keeps Quit, the edit roles, zoom and full screen', () => {
    const { submenu } = build();
    expect(submenu('File').map((entry) => entry.role).filter(Boolean)).toEqual(['quit']);
    expect(submenu('Edit').map((entry) => entry.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(submenu('View').map((entry) => entry.role).filter(Boolean)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('offers developer tools only in an unpackaged build', () => {
    const roles = (isPackaged: boolean) => allItems(build(isPackaged).template).map((entry) => entry.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
  });

  it('shows About from Help', () => {
    const { item, click, showAbout } = build();
    click(item('Help', 'About Park Desk'));
    expect(showAbout).toHaveBeenCalledOnce();
  });
});

describe('installApplicationMenu', () => {
  function install(win: BrowserWindow | undefined) {
    installApplicationMenu(() => win as never);
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as Item[];
    return (menu: string, label: string) => {
      const submenu = template.find((entry) => plain(entry.label) === menu)?.submenu as Item[];
      (submenu.find((entry) => plain(entry.label) === label)?.click as unknown as () => void)();
    };
  }

  it('sends page commands to the window on the menu channel', () => {
    const win = new BrowserWindow({});
    install(win)('View', 'MoUs');
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(MENU_CHANNEL, 'go-mous');
  });

  it('shows the version in About', () => {
    const win = new BrowserWindow({});
    install(win)('Help', 'About Park Desk');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ message: 'Park Desk', detail: expect.stringContaining('Version 9.8.7') }));
  });

  it('does nothing harmful without a window', () => {
    const click = install(undefined);
    expect(() => click('File', 'New proposal')).not.toThrow();
  });
});
