import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channelOf, makeApi, type Api } from '../../shared/api/contract';
import { MENU_CHANNEL, type MenuCommand, type ShellBridge } from '../../shared/api/menu-commands';

/** Exactly the contract's methods, each one IPC call; ipcRenderer itself never reaches the page. */
const api = makeApi((name, input) => ipcRenderer.invoke(channelOf(name), input)) satisfies Api;

const shell = {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const relay = (_event: unknown, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, relay);
  },
  /** A dropped file's path, for stageDroppedFiles; main stats it and hands back a token. */
  pathForFile: (file: File) => webUtils.getPathForFile(file),
} satisfies ShellBridge;

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('shell', shell);
