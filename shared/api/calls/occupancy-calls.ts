import { z } from 'zod';
import { OccupancyReturnSchema, OccupancyReturnValuesSchema } from '../../domain/occupancy';
import { IdSchema, ProposalSchema } from '../../domain/proposal';
import { ALL_STAGES } from '../../domain/stages';
import { NoInput } from './no-input';

const ParkOccupancySchema = z.object({
  returnId: z.string(),
  period: z.string(),
  firmsHoused: z.number(),
  seatsAvailable: z.number(),
  seatsOccupied: z.number(),
  peopleEmployed: z.number().optional(),
  occupancyPercent: z.number().optional(),
  targetFirms: z.number().optional(),
  targetSeats: z.number().optional(),
  targetJobs: z.number().optional(),
});

const AgainstTargetSchema = z.object({ achieved: z.number(), target: z.number(), parks: z.number() });

/** Occupancy returns of parks at Fit-out or Operational, kept on the proposal. */
export const occupancyCalls = {
  /** One park's returns (newest first), its latest occupancy against its MoU's targets. */
  getParkOccupancy: {
    input: z.strictObject({ id: IdSchema }),
    output: z.object({
      stage: z.enum(ALL_STAGES),
      acceptsReturns: z.boolean(),
      returns: z.array(OccupancyReturnSchema),
      latest: ParkOccupancySchema.optional(),
      mouNumber: z.string().optional(),
      updatedAt: z.string(),
    }),
  },
  addOccupancyReturn: {
    input: z.strictObject({ proposalId: IdSchema, expectedUpdatedAt: z.iso.datetime(), values: OccupancyReturnValuesSchema }),
    output: ProposalSchema,
  },
  updateOccupancyReturn: {
    input: z.strictObject({ proposalId: IdSchema, returnId: IdSchema, expectedUpdatedAt: z.iso.datetime(), values: OccupancyReturnValuesSchema }),
    output: ProposalSchema,
  },
  removeOccupancyReturn: {
    input: z.strictObject({ proposalId: IdSchema, returnId: IdSchema, expectedUpdatedAt: z.iso.datetime() }),
    output: ProposalSchema,
  },
  /** Operational parks' occupancy from their latest returns, for the dashboard. */
  getOccupancyOverview: {
    input: NoInput,
    output: z.object({
      parksExpected: z.number(),
      parksReporting: z.number(),
      firmsHoused: z.number(),
      seatsAvailable: z.number(),
      seatsOccupied: z.number(),
      peopleEmployed: z.number(),
      occupancyPercent: z.number().optional(),
      firms: AgainstTargetSchema,
      seats: AgainstTargetSchema,
      jobs: AgainstTargetSchema,
    }),
  },
} as const;
