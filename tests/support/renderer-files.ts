import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

/** The built renderer, as Electron loads it from the app bundle. */
export const RENDERER_DIR = path.resolve(import.meta.dirname, '../../out/renderer');
/** A made-up origin: every request to it is answered from RENDERER_DIR, so no server or port is needed. */
export const RENDERER_ORIGIN = 'http://park-desk.localhost';
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the built renderer to a browser context; anything else (no network here) is refused. */
export async function serveRenderer(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== RENDERER_ORIGIN) return route.abort('blockedbyclient');
    const file = path.resolve(RENDERER_DIR, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(RENDERER_DIR + path.sep)) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}
