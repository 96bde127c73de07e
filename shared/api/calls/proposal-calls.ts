import { z } from 'zod';
import { ALL_STAGES } from '../../domain/stages';
import { MAX_LONG_TEXT, optionalDate } from '../../validation/field-values';
import { IdSchema, ProposalFieldsSchema, ProposalSchema } from '../../domain/proposal';
import { ProposalSummarySchema } from '../../domain/proposal-summary';
import { NoInput } from './no-input';

export const proposalCalls = {
  listProposals: {
    input: NoInput,
    output: z.array(ProposalSummarySchema),
  },
  getProposal: {
    input: z.strictObject({ id: IdSchema }),
    output: ProposalSchema,
  },
  createProposal: {
    input: z.strictObject({
      fields: ProposalFieldsSchema,
      /** Where the proposal already is, when entered after the fact; absent: Received, today. */
      start: z
        .strictObject({
          stage: z.enum(ALL_STAGES, { error: 'Choose a stage from the list.' }),
          on: optionalDate('Date it reached this stage').pipe(z.string({ error: 'Date it reached this stage is required.' })),
          note: z.string().trim().max(MAX_LONG_TEXT, { error: `Note must be at most ${MAX_LONG_TEXT} characters.` }).optional(),
        })
        .optional(),
    }),
    output: ProposalSchema,
  },
  updateProposal: {
    input: z.strictObject({
      id: IdSchema,
      /** The updatedAt the form was opened with, so a stale edit cannot overwrite a newer one. */
      expectedUpdatedAt: z.iso.datetime(),
      fields: ProposalFieldsSchema,
    }),
    output: ProposalSchema,
  },
  /** One move through the stage pipeline; main refuses any move the stage machine does not allow. */
  moveProposalStage: {
    input: z.strictObject({
      id: IdSchema,
      expectedUpdatedAt: z.iso.datetime(),
      to: z.enum(ALL_STAGES, { error: 'Choose a stage from the list.' }),
      /** The day the move happened (YYYY-MM-DD or as typed); not in the future, not before the previous move. */
      on: optionalDate('Date of the move').pipe(z.string({ error: 'Date of the move is required.' })),
      note: z.string().trim().max(MAX_LONG_TEXT, { error: `Note must be at most ${MAX_LONG_TEXT} characters.` }),
    }),
    output: ProposalSchema,
  },
  /** Withdraws the last move that stands, by appending a correction that names it; the history keeps both. */
  correctProposalMove: {
    input: z.strictObject({
      id: IdSchema,
      expectedUpdatedAt: z.iso.datetime(),
      reason: z.string().trim().max(MAX_LONG_TEXT, { error: `Reason must be at most ${MAX_LONG_TEXT} characters.` }),
    }),
    output: ProposalSchema,
  },
  /** Archive instead of delete: the proposal is kept, hidden from the list and dashboard. */
  archiveProposal: {
    input: z.strictObject({ id: IdSchema }),
    output: ProposalSchema,
  },
  restoreProposal: {
    input: z.strictObject({ id: IdSchema }),
    output: ProposalSchema,
  },
} as const;
