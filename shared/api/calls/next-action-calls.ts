import { z } from 'zod';
import { NextActionInputSchema, NextActionSchema } from '../../domain/next-action';
import { IdSchema } from '../../domain/proposal';
import { DueItemSchema } from '../../domain/reminders';
import { NoInput } from './no-input';

/** The record a next action belongs to: a proposal or an MoU. */
export const NextActionRecordSchema = z.strictObject({ kind: z.enum(['proposal', 'mou']), id: IdSchema });

/** Next actions on proposals and MoUs, and the due list the dashboard and reminders open. */
export const nextActionCalls = {
  /** Sets (or replaces) the record's next action. */
  setNextAction: {
    input: z.strictObject({ record: NextActionRecordSchema, expectedUpdatedAt: z.iso.datetime(), action: NextActionInputSchema }),
    output: z.object({ updatedAt: z.string(), nextAction: NextActionSchema }),
  },
  /** Marks the next action done: it moves into the record's history of done actions. */
  completeNextAction: {
    input: z.strictObject({ record: NextActionRecordSchema, expectedUpdatedAt: z.iso.datetime(), note: z.string().max(2000).optional() }),
    output: z.object({ updatedAt: z.string() }),
  },
  /** Everything overdue or due this week (MoUs, obligations, next actions, reviews), with any snooze. */
  getDueList: {
    input: NoInput,
    output: z.object({
      today: z.string(),
      items: z.array(DueItemSchema.extend({ snoozedUntil: z.string().optional() })),
    }),
  },
  /** Leaves one item out of reminders for a day or a week (or until its date changes). */
  snoozeDueItem: {
    input: z.strictObject({ key: z.string().min(1).max(600), days: z.union([z.literal(1), z.literal(7)]) }),
    output: z.object({ until: z.string() }),
  },
  /** Brings a snoozed item back into the reminders. */
  unsnoozeDueItem: {
    input: z.strictObject({ key: z.string().min(1).max(600) }),
    output: z.object({}),
  },
} as const;
