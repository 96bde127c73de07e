import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  createAppProtocolHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveRequestPath,
  START_URL,
} from '../../../electron/main/app-protocol';

// A renderer folder with a secret file beside it, to prove nothing outside is served.
const base = mkdtempSync(path.join(tmpdir(), 'park-desk-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Park Desk</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
writeFileSync(path.join(base, 'renderer-evil.txt'), 'TOP SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const insideRoot = (file: string | null) => file === null || file.startsWith(root + path.sep);

describe('resolveRequestPath', () => {
  it('maps app://park-desk/ paths to files in the renderer folder', () => {
    expect(resolveRequestPath(root, START_URL)).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, 'app://park-desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, 'app://park-desk')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, 'app://park-desk/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRequestPath(root, 'app://park-desk/fonts/Noto%20Naskh.woff2')).toBe(path.join(root, 'fonts', 'Noto Naskh.woff2'));
  });

  it.each([
    'app://park-desk/%2e%2e/secret.txt',
    'app://park-desk/..%2fsecret.txt',
    'app://park-desk/%2e%2e%2fsecret.txt',
    'app://park-desk/%2E%2E%2Fsecret.txt',
    'app://park-desk/assets/..%2f..%2fsecret.txt',
    'app://park-desk/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://park-desk/..%2frenderer-evil.txt',
    'app://park-desk/%2f..%2f..%2fsecret.txt',
    'app://park-desk/..%5csecret.txt',
    'app://park-desk/index.html%00.png',
    'app://park-desk/%E0%A4%A',
    'app://other-host/index.html',
    'app://park-desk.evil.example/index.html',
    'https://park-desk/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('never leaves the folder for %s', (url) => {
    const file = resolveRequestPath(root, url);
    expect(insideRoot(file), `${url} -> ${file}`).toBe(true);
  });

  it('refuses encoded traversal outright', () => {
    for (const url of ['app://park-desk/..%2fsecret.txt', 'app://park-desk/%2e%2e%2fsecret.txt', 'app://park-desk/assets/..%2f..%2fsecret.txt']) {
      expect(resolveRequestPath(root, url), url).toBeNull();
    }
  });

  it('keeps plain ../ inside, because the URL is normalised before the path is read', () => {
    expect(resolveRequestPath(root, 'app://park-desk/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveRequestPath(root, 'app://park-desk/assets/../../../secret.txt')).toBe(path.join(root, 'secret.txt'));
  });
});

describe('the protocol handler', () => {
  const handle = createAppProtocolHandler(root);
  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves index.html with the Content-Security-Policy', async () => {
    const response = await get(START_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Park Desk</title>');
  });

  it('serves scripts and styles with their content types', async () => {
    const script = await get('app://park-desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect((await get('app://park-desk/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for missing files, folders and anything outside', async () => {
    for (const url of [
      'app://park-desk/missing.js',
      'app://park-desk/assets',
      'app://park-desk/../secret.txt',
      'app://park-desk/..%2fsecret.txt',
      'app://park-desk/%2e%2e%2frenderer-evil.txt',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('TOP SECRET');
    }
  });

  it('only answers GET and HEAD', async () => {
    expect((await get(START_URL, 'POST')).status).toBe(405);
    const head = await get(START_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it('is strict', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('font-src')).toBe("'self' data:");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|https?:|blob:/);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.ttf', 'font/ttf'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.exe', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => expect(contentTypeOf(file)).toBe(type));
});

describe('scheme registration', () => {
  it('registers app: as standard, secure and fetch-capable, without bypassing CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    registerAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
