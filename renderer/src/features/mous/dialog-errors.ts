import type { z } from 'zod';

/** One message per top-level field, from the schema the call itself uses. */
export function errorsByField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Errors main sent back (keyed "obligation.x") mapped onto the dialog's fields. */
export function serverErrorsFor(prefix: string, fieldErrors: Record<string, string> | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors ?? {})) {
    if (path.startsWith(`${prefix}.`)) errors[path.slice(prefix.length + 1).split('.')[0]!] ??= message;
  }
  return errors;
}
