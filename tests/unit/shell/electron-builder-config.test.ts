import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const root = path.resolve(import.meta.dirname, '../../..');
// js-yaml and the schema validator are electron-builder's own, so they are resolved from
// where it sits: this reads the file the way `electron-builder` itself will.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const appBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'));
const yaml = appBuilderLib('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = appBuilderLib('./out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
const quietLogger = { isEnabled: false, add() {} };
const { minimatch } = appBuilderLib('minimatch') as { minimatch(file: string, pattern: string, options: { dot: boolean }): boolean };

/** Whether electron-builder's `files` patterns (in order, "!" excluding) put a project file into the app. */
function packs(file: string): boolean {
  let packed = false;
  for (const pattern of (config.files as string[]) ?? []) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) packed = false;
    } else if (minimatch(file, pattern, { dot: true })) packed = true;
  }
  return packed;
}
const targets = (platform: { target?: unknown } | null | undefined) =>
  (platform?.target as { target: string; arch: string[] }[]).map(({ target, arch }) => `${target}:${arch.join(',')}`);

describe('electron-builder.yml', () => {
  it("matches electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('would be caught by that schema if a key were misspelt', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneclick: false } }, quietLogger)).rejects.toThrow();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } }, quietLogger)).rejects.toThrow();
  });

  it('names the app', () => {
    expect(config.appId).toBe('pk.gov.pseb.parkdesk');
    expect(config.productName).toBe('Park Desk');
  });

  it('packs the built app into an asar, and none of the sources, tests, data or secrets', () => {
    expect(config.asar).toBe(true);
    for (const file of ['package.json', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc123.js', 'out/renderer/fonts/NotoNaskhArabic-Regular.ttf', 'out/renderer/fonts/OFL.txt']) {
      expect(packs(file), file).toBe(true);
    }
    // Whatever the build wrote is shipped (the fonts the PDFs embed among it).
    const built = existsSync(path.join(root, 'out')) ? readdirSync(path.join(root, 'out'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    for (const entry of built) {
      const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      expect(packs(file), file).toBe(true);
    }
    for (const file of [
      'electron/main/index.ts',
      'electron/services/storage/park-store.ts',
      'renderer/src/app/App.tsx',
      'shared/api/contract.ts',
      'tests/e2e/fixtures.ts',
      'tests/support/structured-clone-codec.js',
      'park-desk-data.json',
      'preview-data/park-desk-data.json',
      'preview-data/backups/park-desk-data.manual.json',
      'bench-results/bench-2026-11-25.json',
      'test-results/run/trace.zip',
      'dist/Park Desk Setup 0.1.0.exe',
      'certificate.pfx',
      '.env',
      'electron-builder.yml',
      'tsconfig.json',
    ]) {
      expect(packs(file), file).toBe(false);
    }
  });

  it('builds a per-user installer (no administrator needed) and a portable exe for 64-bit Windows, AppImage and deb for Linux', () => {
    expect(targets(config.win)).toEqual(expect.arrayContaining(['nsis:x64', 'portable:x64']));
    // Office PCs are locked down: the installer must not ask for administrator rights.
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.oneClick).toBe(false);
    expect(targets(config.linux)).toEqual(expect.arrayContaining(['AppImage:x64', 'deb:x64']));
    expect(config.linux?.maintainer).toEqual(expect.any(String));
  });

  it('flips the fuses that keep a shipped Park Desk from being used as a Node runtime or running other code', () => {
    const fuses = config.electronFuses!;
    expect(fuses.runAsNode, 'ELECTRON_RUN_AS_NODE turns the signed exe into node.exe').toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable, 'NODE_OPTIONS could --require any script').toBe(false);
    expect(fuses.enableNodeCliInspectArguments, '--inspect opens a debugger into main').toBe(false);
    expect(fuses.onlyLoadAppFromAsar, 'an app/ folder beside the asar would be run instead').toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation, 'an edited app.asar must refuse to start').toBe(true);
    expect(config.asar, 'integrity validation needs an asar').toBe(true);
    // The print window loads its document with loadFile; it needs no file:// privileges beyond a browser's.
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('signs Windows builds from the environment only, with SHA-256 and a timestamp, and builds unsigned without a certificate', () => {
    const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    // No certificate or password in the file: electron-builder takes them from WIN_CSC_LINK / CSC_LINK
    // and WIN_CSC_KEY_PASSWORD / CSC_KEY_PASSWORD.
    for (const key of ['cscLink', 'cscKeyPassword', 'certificateFile', 'certificatePassword', 'certificateSha1', 'certificateSubjectName']) {
      expect(text, key).not.toMatch(new RegExp(`^\\s*${key}\\s*:`, 'm'));
    }
    expect(config.win?.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//) });
    expect(config.win?.forceCodeSigning ?? false).toBe(false);
    expect(config.forceCodeSigning ?? false).toBe(false);
    expect(config.win?.signExecutable ?? true).toBe(true);
    expect(config.win?.signAndEditExecutable ?? true).toBe(true);
  });

  it('points at icons that exist: a 512x512 PNG and an ICO with a 256x256 entry', () => {
    const png = readFileSync(path.join(root, config.linux?.icon as string));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);

    const icoFile = path.join(root, config.win?.icon as string);
    expect(existsSync(icoFile)).toBe(true);
    const ico = readFileSync(icoFile);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.subarray(6 + 16 * i, 22 + 16 * i));
    // 0 in the width and height bytes means 256.
    const big = entries.find((entry) => entry[0] === 0 && entry[1] === 0);
    expect(big).toBeDefined();
    const offset = big!.readUInt32LE(12);
    expect(ico.subarray(offset + 1, offset + 4).toString('ascii')).toBe('PNG');
    expect(ico.readUInt32BE(offset + 16)).toBe(256);
  });
});
