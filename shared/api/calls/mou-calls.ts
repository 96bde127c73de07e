import { z } from 'zod';
import { IdSchema } from '../../domain/proposal';
import { AmendmentSchema, MOU_STATUSES, MouFormFieldsSchema, MouSchema, ObligationSchema } from '../../domain/mou';
import { MouSummarySchema } from '../../domain/mou-summary';
import { MAX_LONG_TEXT, optionalDate } from '../../validation/field-values';

/** The form's copy of the record, so a stale edit cannot overwrite a newer one. */
const Expected = z.iso.datetime();

const Note = z.string().trim().max(MAX_LONG_TEXT, { error: `Note must be at most ${MAX_LONG_TEXT} characters.` });

/**
 * Also move the MoU's linked proposal to MoU signed, on the date the MoU was signed, in the
 * same save (both or neither). The proposal's updatedAt as the page saw it.
 */
const MoveProposal = z.strictObject({ expectedUpdatedAt: Expected });

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
    input: z.strictObject({
      fields: MouFormFieldsSchema,
      proposalId: IdSchema.optional(),
      /** The status the MoU already has, when entered after the fact; absent: Draft, today. */
      start: z
        .strictObject({
          status: z.enum(MOU_STATUSES, { error: 'Choose a status from the list.' }),
          on: optionalDate('Status since').pipe(z.string({ error: 'Status since is required.' })),
          note: Note.optional(),
        })
        .optional(),
      moveProposal: MoveProposal.optional(),
    }),
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
      /** The day the move happened; absent: today. Same rules as stage moves. */
      on: optionalDate('Date of the move'),
      note: Note,
      moveProposal: MoveProposal.optional(),
    }),
    output: MouSchema,
  },
  /** Withdraws the last status move that stands, by appending a correction that names it. */
  correctMouMove: {
    input: z.strictObject({ id: IdSchema, expectedUpdatedAt: Expected, reason: Note }),
    output: MouSchema,
  },
  /** Archive instead of delete (an MoU entered by mistake): hidden from the list and the dashboard. */
  archiveMou: {
    input: z.strictObject({ id: IdSchema }),
    output: MouSchema,
  },
  restoreMou: {
    input: z.strictObject({ id: IdSchema }),
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
