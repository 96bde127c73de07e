import { z } from 'zod';

/** Calls that take nothing still get a strict schema, so stray keys are refused. */
export const NoInput = z.strictObject({});
