import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerUrl, originOf, trustedOrigins } from '../../../electron/main/origins';
import { resolveDataDir } from '../../../electron/main/data-dir';

describe('originOf', () => {
  it.each([
    ['app://park-desk/index.html', 'app://park-desk'],
    ['app://park-desk', 'app://park-desk'],
    ['http://localhost:5173/x?y#z', 'http://localhost:5173'],
    ['https://user:pw@example.com/', 'https://example.com'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['about:blank', null],
    ['', null],
  ])('%s -> %s', (url, origin) => expect(originOf(url)).toBe(origin));
});

describe('trusted origins', () => {
  it('is the app origin, plus the dev server only in an unpackaged build', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(trustedOrigins(devServerUrl(env, false))).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(trustedOrigins(devServerUrl(env, true))).toEqual([APP_ORIGIN]);
    expect(trustedOrigins(devServerUrl({}, false))).toEqual([APP_ORIGIN]);
  });
});

describe('resolveDataDir', () => {
  const userDataDir = path.resolve('/home/official/.config/Park Desk');

  it('prefers PARK_DESK_DATA_DIR, then --data-dir, then <userData>/data', () => {
    const fromEnv = path.resolve('/srv/env-data');
    const fromSwitch = path.resolve('/srv/switch-data');
    expect(resolveDataDir({ env: { PARK_DESK_DATA_DIR: fromEnv }, switchValue: fromSwitch, userDataDir })).toEqual({ dataDir: fromEnv, explicit: true });
    expect(resolveDataDir({ env: {}, switchValue: fromSwitch, userDataDir })).toEqual({ dataDir: fromSwitch, explicit: true });
    expect(resolveDataDir({ env: { PARK_DESK_DATA_DIR: '  ' }, switchValue: '', userDataDir })).toEqual({
      dataDir: path.join(userDataDir, 'data'),
      explicit: false,
    });
  });

  it('makes a relative folder absolute', () => {
    expect(resolveDataDir({ env: {}, switchValue: 'rel/data', userDataDir }).dataDir).toBe(path.resolve('rel/data'));
  });
});
