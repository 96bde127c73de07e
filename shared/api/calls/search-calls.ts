import { z } from 'zod';
import { ParkSearchResultSchema } from '../../domain/park-search';

export const searchCalls = {
  /**
   * The global search (Ctrl+F): proposals and MoUs whose identifying fields hold every word typed.
   * Answered in main, where every record is, so the renderer never loads whole records to search.
   */
  searchParks: {
    input: z.strictObject({
      query: z.string().max(200, { error: 'Search for at most 200 characters.' }),
      /** Results shown per kind; the totals count them all. */
      limit: z.number().int().min(1).max(100).optional(),
    }),
    output: ParkSearchResultSchema,
  },
} as const;
