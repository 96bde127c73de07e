import { existsSync, readFileSync } from 'node:fs';
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

  it('names the app and packs only the build', () => {
    expect(config.appId).toBe('pk.gov.pseb.parkdesk');
    expect(config.productName).toBe('Park Desk');
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'build' });
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('builds an installer and a portable exe for Windows, AppImage and deb for Linux', () => {
    expect(targets(config.win)).toEqual(['nsis:x64', 'portable:x64']);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false });
    expect(targets(config.linux)).toEqual(['AppImage:x64', 'deb:x64']);
    expect(config.linux).toMatchObject({ category: 'Office', maintainer: expect.any(String) });
  });

  it('flips the fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
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
