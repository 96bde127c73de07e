import { makeApi, type Api } from '../../shared/api/contract';
import type { Dispatch } from '../../electron/services/dispatcher';

/** The contract's typed Api over a dispatcher, as the renderer sees it (results typed per call). */
export function apiOf(services: { dispatch: Dispatch }): Api {
  return makeApi((name, input) => services.dispatch(name, structuredClone(input)));
}
