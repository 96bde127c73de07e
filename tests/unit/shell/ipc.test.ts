import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, METHOD_NAMES } from '../../../shared/api/contract';
import { isTrustedSenderFrame, registerIpcHandlers, type SenderFrame } from '../../../electron/main/ipc';
import { APP_ORIGIN } from '../../../electron/main/origins';
import type { Dispatch } from '../../../electron/services/dispatcher';

type Handler = (event: { senderFrame: SenderFrame }, input: unknown) => unknown;

const top = (url: string): SenderFrame => ({ url, parent: null }) as SenderFrame;
const sub = (url: string): SenderFrame => ({ url, parent: top(`${APP_ORIGIN}/index.html`) }) as unknown as SenderFrame;

function register(allowedOrigins: string[] = [APP_ORIGIN]) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
  };
  const dispatch = vi.fn<Dispatch>(async (name) => ({ ok: true, value: `handled ${name}` }));
  registerIpcHandlers(ipcMain as never, dispatch, (frame) => isTrustedSenderFrame(frame, allowedOrigins));
  return { handlers, dispatch };
}

describe('registerIpcHandlers', () => {
  it('registers one handler for every contract entry and nothing else', () => {
    const { handlers } = register();
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
    expect(handlers.size).toBe(METHOD_NAMES.length);
  });

  it('hands a trusted call to dispatch with its name and raw input', async () => {
    const { handlers, dispatch } = register();
    for (const name of METHOD_NAMES) {
      const input = { probe: name };
      const result = await handlers.get(channelOf(name))?.({ senderFrame: top(`${APP_ORIGIN}/index.html#/mous`) }, input);
      expect(result).toEqual({ ok: true, value: `handled ${name}` });
      expect(dispatch).toHaveBeenLastCalledWith(name, input);
    }
    expect(dispatch).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it.each([
    ['a subframe of the app', sub(`${APP_ORIGIN}/index.html`)],
    ['another origin', top('https://evil.example/')],
    ['a file:// page', top('file:///tmp/index.html')],
    ['another app:// host', top('app://other/index.html')],
    ['the dev server when it is not trusted', top('http://localhost:5173/')],
    ['a frame that is gone', null],
    ['a frame with no URL yet', top('')],
  ])('refuses %s with a forbidden Result and never dispatches', async (_label, senderFrame) => {
    const { handlers, dispatch } = register();
    for (const name of METHOD_NAMES) {
      const result = await handlers.get(channelOf(name))?.({ senderFrame }, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only the top frame of an allowed origin', () => {
    const origins = [APP_ORIGIN, 'http://localhost:5173'];
    expect(isTrustedSenderFrame(top(`${APP_ORIGIN}/index.html`), origins)).toBe(true);
    expect(isTrustedSenderFrame(top('http://localhost:5173/index.html'), origins)).toBe(true);
    expect(isTrustedSenderFrame(sub('http://localhost:5173/index.html'), origins)).toBe(false);
    expect(isTrustedSenderFrame(top('http://localhost:5174/'), origins)).toBe(false);
    expect(isTrustedSenderFrame(top('https://localhost:5173/'), origins)).toBe(false);
    expect(isTrustedSenderFrame(top(`${APP_ORIGIN}/index.html`), [])).toBe(false);
  });
});
