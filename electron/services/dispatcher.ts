import { contract, type Handlers, type MethodName } from '../../shared/api/contract';
import { ApiFailure, fail, fieldErrorsFrom, ok, type Result } from '../../shared/api/result';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/**
 * The single entry from any transport into the services: the method must be in the
 * contract and its input must parse before a handler sees it; nothing throws across.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
  /** Refuses a call for the state the app is in (e.g. while the data file waits to be recovered). */
  gate: (name: MethodName) => Result<never> | undefined = () => undefined,
): Dispatch {
  return async (name, rawInput) => {
    if (!isMethodName(name)) return fail('forbidden', `Unknown call "${name}".`);
    const refused = gate(name);
    if (refused) return refused;
    const parsed = contract[name].input.safeParse(rawInput);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error);
      const count = Object.keys(fieldErrors).length;
      return fail('invalid-input', count === 1 ? 'One field needs attention.' : `${count} fields need attention.`, fieldErrors);
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message, error.fieldErrors);
      log(`Call ${name} failed`, error);
      return fail('internal', `Something went wrong in ${name}: ${(error as Error)?.message ?? String(error)}`);
    }
  };
}
