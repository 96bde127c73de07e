import { z } from 'zod';
import { SettingsSchema } from '../../domain/database';
import { NoInput } from './no-input';

/** The app itself: where its data is, who is recording, the sample parks. */
export const appCalls = {
  getAppInfo: {
    input: NoInput,
    output: z.object({
      version: z.string(),
      dataFile: z.string(),
      dataDir: z.string(),
      settings: SettingsSchema,
      proposalCount: z.number(),
      /** True while the practice data (the sample parks) is open instead of the register. */
      practice: z.boolean(),
    }),
  },
  updateSettings: {
    input: z.strictObject({ officialName: z.string().trim().max(120, { error: 'Name must be at most 120 characters.' }) }),
    output: SettingsSchema,
  },
  /** Opens the practice data folder, with the sample parks in it; the register is not touched. */
  loadSampleData: {
    input: NoInput,
    output: z.object({ added: z.number(), alreadyLoaded: z.boolean() }),
  },
} as const;
