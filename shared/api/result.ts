import { z } from 'zod';

/**
 * Every call answers with a Result instead of throwing: an Error crossing Electron's IPC
 * loses everything but its message, and the form needs a message per field.
 */
export const API_ERROR_CODES = ['invalid-input', 'not-found', 'conflict', 'storage', 'forbidden', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  /** A sentence an official can read. */
  message: string;
  /** Field path (e.g. "fields.grossAreaSqFt") -> message, for invalid input. */
  fieldErrors?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, fieldErrors?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fieldErrors ? { code, message, fieldErrors } : { code, message },
});

/** Thrown inside services; the dispatcher turns it into a failed Result. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** One message per field path; the first issue on a path wins, as the form shows one line per field. */
export function fieldErrorsFrom(error: z.ZodError, prefix: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path.map(String)].join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}
