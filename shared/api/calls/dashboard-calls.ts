import { z } from 'zod';
import { DashboardSchema } from '../../domain/dashboard';
import { optionalNumber } from '../../validation/field-values';
import { NoInput } from './no-input';

export const dashboardCalls = {
  /** Every dashboard figure, computed in main from the records and today's date. */
  getDashboard: {
    input: NoInput,
    output: DashboardSchema,
  },
  /** The number of operational parks the programme aims for; blank clears it. */
  setOperationalTarget: {
    input: z.strictObject({ target: optionalNumber('Target', { integer: true, min: 0, max: 100_000 }) }),
    output: z.object({ target: z.number().optional() }),
  },
  /** Days in one stage after which a proposal counts as stuck; blank returns to the default. */
  setStuckAfterDays: {
    input: z.strictObject({ days: optionalNumber('Stuck after', { integer: true, min: 1, max: 3650, unit: 'days' }) }),
    output: z.object({ days: z.number() }),
  },
} as const;
