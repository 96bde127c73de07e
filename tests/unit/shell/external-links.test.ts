import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shell } from './fake-electron';
import { isSafeExternalUrl, openExternalSafely } from '../../../electron/main/external-links';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => vi.clearAllMocks());

const SAFE = ['https://pseb.org.pk/', 'http://example.com/path?q=1', 'HTTPS://EXAMPLE.COM/'];
const UNSAFE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'file:///etc/passwd',
  'file://server/share/run.exe',
  'app://park-desk/index.html',
  'smb://server/share',
  'ms-msdt:/id',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'mailto:someone@example.com',
  'http:',
  '//example.com/',
  '',
  'not a url',
];

describe('isSafeExternalUrl', () => {
  it.each(SAFE)('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));
  it.each(UNSAFE)('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('openExternalSafely', () => {
  it('passes web links to shell.openExternal', async () => {
    await expect(openExternalSafely('https://pseb.org.pk/')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://pseb.org.pk/');
  });

  it('never calls shell.openExternal for anything else', async () => {
    for (const url of UNSAFE) await expect(openExternalSafely(url), url).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports a failure of the OS to open the link instead of throwing', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    await expect(openExternalSafely('https://pseb.org.pk/')).resolves.toBe(false);
  });
});
