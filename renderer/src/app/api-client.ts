import type { Api } from '../../../shared/api/contract';
import type { ShellBridge } from '../../../shared/api/menu-commands';
import type { ApiError, Result } from '../../../shared/api/result';

declare global {
  interface Window {
    /** Exposed by the preload in Electron, or by the Playwright bridge in the browser. */
    api?: Api;
    shell?: ShellBridge;
  }
}

/** The renderer's one way to main. Undefined only when the page is opened outside the app. */
export function getApi(): Api | undefined {
  return window.api;
}

export function api(): Api {
  const bridge = window.api;
  if (!bridge) throw new Error('Park Desk is not connected to its data. Start it from the Park Desk app.');
  return bridge;
}

/** Turns a transport failure (a rejected promise) into the same Result shape as a refused call. */
export async function call<T>(promise: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await promise;
  } catch (error) {
    const apiError: ApiError = { code: 'internal', message: `Park Desk could not reach its data: ${(error as Error).message}` };
    return { ok: false, error: apiError };
  }
}
