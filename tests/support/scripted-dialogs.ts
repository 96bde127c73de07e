import type { OpenDialog, SaveDialog } from '../../electron/services/platform';

/**
 * File dialogs whose answers the test chooses in advance, as an official would pick a file.
 * An empty queue answers "cancelled". Every request is recorded.
 */
export class ScriptedDialogs implements SaveDialog, OpenDialog {
  readonly savePaths: (string | undefined)[] = [];
  readonly openPaths: (string | undefined)[] = [];
  readonly asked: { kind: 'save' | 'open'; title: string; defaultName?: string }[] = [];

  async chooseSavePath(options: Parameters<SaveDialog['chooseSavePath']>[0]): Promise<string | undefined> {
    this.asked.push({ kind: 'save', title: options.title, defaultName: options.defaultName });
    return this.savePaths.shift();
  }

  async chooseOpenPath(options: Parameters<OpenDialog['chooseOpenPath']>[0]): Promise<string | undefined> {
    this.asked.push({ kind: 'open', title: options.title });
    return this.openPaths.shift();
  }
}
