import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
// import ... from 'electron', import 'electron', import('electron'), require('electron'), and subpaths.
const ELECTRON_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => SOURCE.test(file) && !file.split(/[\\/]/).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

describe('the Electron boundary', () => {
  it('recognises the ways a file can import electron', () => {
    for (const line of ["import { app } from 'electron';", 'import "electron";', "const e = require('electron');", "await import('electron/main');", "import type { App } from 'electron'"]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(true);
    }
    for (const line of ["import { x } from './electron-platform';", "import y from 'electron-store';", "// the electron shell"]) {
      expect(ELECTRON_IMPORT.test(line), line).toBe(false);
    }
  });

  it.each(['electron/services', 'shared', 'renderer'])('nothing in %s/ imports electron', (folder) => {
    const files = sourceFiles(path.join(root, folder));
    if (folder !== 'renderer') expect(files.length).toBeGreaterThan(0);
    const offenders = files.filter((file) => ELECTRON_IMPORT.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
