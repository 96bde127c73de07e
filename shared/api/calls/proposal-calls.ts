import { z } from 'zod';
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
    input: z.strictObject({ fields: ProposalFieldsSchema }),
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
} as const;
