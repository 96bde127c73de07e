import { z } from 'zod';
import { parsePeriodKey } from '../../domain/fiscal-period';
import { PARTNER_TYPES, PROVINCES } from '../../domain/proposal';
import { STAGE_GROUPS } from '../../domain/proposal-list-query';
import { ALL_STAGES } from '../../domain/stages';

/** The proposal list's filters, each optional. */
export const RegisterFiltersSchema = z.strictObject({
  stage: z.enum([...ALL_STAGES, ...(Object.keys(STAGE_GROUPS) as (keyof typeof STAGE_GROUPS)[])]).optional(),
  province: z.enum(PROVINCES).optional(),
  city: z.string().trim().min(1).max(80).optional(),
  partnerType: z.enum([...PARTNER_TYPES, 'unrecorded']).optional(),
  stuckOverDays: z.number().int().min(0).max(36_500).optional(),
});

/** A fiscal quarter ("FY2026-27-Q2") or year ("FY2026-27"). */
export const ReportPeriodSchema = z
  .string()
  .max(20)
  .refine((key) => {
    const period = parsePeriodKey(key);
    return period !== undefined && period.kind !== 'month';
  }, { error: 'Choose a fiscal quarter or year.' });

const ExportedSchema = z.union([
  z.object({ cancelled: z.literal(false), path: z.string(), fileName: z.string(), bytes: z.number() }),
  z.object({ cancelled: z.literal(true) }),
]);

/** The park register and the progress report: preview HTML and exports through the save dialog. */
export const reportCalls = {
  getParkRegisterHtml: {
    input: z.strictObject({ filters: RegisterFiltersSchema }),
    output: z.object({ html: z.string(), parkCount: z.number(), fileName: z.string() }),
  },
  exportParkRegisterPdf: {
    input: z.strictObject({ filters: RegisterFiltersSchema }),
    output: ExportedSchema,
  },
  /** A real .xlsx: typed numbers and dates, frozen header, filters. */
  exportParkRegisterSpreadsheet: {
    input: z.strictObject({ filters: RegisterFiltersSchema }),
    output: ExportedSchema,
  },
  getProgressReportHtml: {
    input: z.strictObject({ period: ReportPeriodSchema }),
    output: z.object({ html: z.string(), periodName: z.string(), fileName: z.string() }),
  },
  exportProgressReportPdf: {
    input: z.strictObject({ period: ReportPeriodSchema }),
    output: ExportedSchema,
  },
} as const;
