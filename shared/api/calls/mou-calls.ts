import { z } from 'zod';
import { IdSchema } from '../../domain/proposal';
import { AmendmentSchema, MOU_STATUSES, MouFormFieldsSchema, MouSchema, ObligationSchema } from '../../domain/mou';
import { MouSummarySchema } from '../../domain/mou-summary';
import { MAX_LONG_TEXT, optionalDate } from '../../validation/field-values';

/** The form's copy of the record, so a stale edit cannot overwrite a newer one. */
const Expected = z.iso.datetime();

export const ObligationInputSchema = ObligationSchema.extend({ id: IdSchema.optional() });
export const AmendmentInputSchema = AmendmentSchema.extend({ id: IdSchema.optional() });

export const mouCalls = {
  listMous: {
    /** With a proposal id, only that proposal's MoUs (the proposal page needs no more). */
    input: z.strictObject({ proposalId: IdSchema.optional() }),
    output: z.array(MouSummarySchema),
  },
  getMou: {
    input: z.strictObject({ id: IdSchema }),
    output: MouSchema,
  },
  createMou: {
    input: z.strictObject({ fields: MouFormFieldsSchema, proposalId: IdSchema.optional() }),
    output: MouSchema,
  },
  updateMou: {
    input: z.strictObject({ id: IdSchema, expectedUpdatedAt: Expected, fields: MouFormFieldsSchema }),
    output: MouSchema,
  },
  linkMouProposal: {
    /** proposalId null unlinks. */
    input: z.strictObject({ id: IdSchema, expectedUpdatedAt: Expected, proposalId: IdSchema.nullable() }),
    output: MouSchema,
  },
  moveMouStatus: {
    input: z.strictObject({
      id: IdSchema,
      expectedUpdatedAt: Expected,
      to: z.enum(MOU_STATUSES, { error: 'Choose a status from the list.' }),
      note: z.string().trim().max(MAX_LONG_TEXT, { error: `Note must be at most ${MAX_LONG_TEXT} characters.` }),
    }),
    output: MouSchema,
  },
  /** Adds an obligation (no id) or replaces the one with that id. */
  saveMouObligation: {
    input: z.strictObject({ mouId: IdSchema, obligation: ObligationInputSchema }),
    output: MouSchema,
  },
  /** Marks an obligation done on a date, or reopens it (completedOn empty). */
  setMouObligationDone: {
    input: z.strictObject({ mouId: IdSchema, obligationId: IdSchema, completedOn: optionalDate('Date done') }),
    output: MouSchema,
  },
  saveMouAmendment: {
    input: z.strictObject({ mouId: IdSchema, amendment: AmendmentInputSchema }),
    output: MouSchema,
  },
} as const;
