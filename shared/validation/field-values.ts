import { z } from 'zod';
import { dateTextProblem, parseDateText } from '../format/dates';
import { formatNumber, latinDigits } from '../format/numbers';

/**
 * Field schemas that accept what a person types ("19,500", "20-May-2021") as well as the
 * typed values the renderer sends, so the form and main validate with the same schema.
 */

export const MAX_SHORT_TEXT = 300;
export const MAX_LONG_TEXT = 20_000;

function blankToUndefined(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (value === null) return undefined;
  return value;
}

/** Typed digits whose commas are neither Pakistani (1,00,000) nor international (100,000) grouping. */
export class MisgroupedNumber {
  constructor(readonly text: string) {}
  /** The number the digits make without the commas, as it would be written. */
  get withoutCommas(): string {
    return this.text.replace(/,/g, '');
  }
}

const INTERNATIONAL = /^\d{1,3}(,\d{3})+$/; // 1,000,000
const PAKISTANI = /^\d{1,2}(,\d{2})*,\d{3}$/; // 1,00,000 and 12,34,567

/**
 * What an official types for an amount or an area: "19,500", "19 500", "Rs. 1,00,000/-",
 * "PKR 5,000", "19,500.5", Urdu digits. Commas must group in lakhs or in thousands: "19,50" or
 * "1,2,3" is a typing slip, not 1950 or 123, so it comes back as MisgroupedNumber for the field
 * to say so. Anything else that is not a number is NaN, so the number check names the field.
 */
export function numberFromText(value: unknown): unknown {
  const blank = blankToUndefined(value);
  if (typeof blank !== 'string') return blank;
  const text = latinDigits(blank)
    .trim()
    .replace(/^(rs\.?|pkr\.?|₨)\s*/i, '')
    .replace(/\s*\/-$/, '')
    // Spaces (also the narrow ones word processors insert) between digits group like commas.
    .replace(/(\d)[\s\u00a0\u202f]+(?=\d)/g, '$1,');
  const match = /^([-+]?)(\d[\d,]*|)(\.\d*)?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '.').length < 2)) return Number.NaN;
  const whole = match[2]!;
  if (whole.includes(',') && !INTERNATIONAL.test(whole) && !PAKISTANI.test(whole)) return new MisgroupedNumber(blank.trim());
  return Number(`${match[1]}${whole.replace(/,/g, '')}${match[3] ?? ''}`);
}

export function requiredText(label: string, max = MAX_SHORT_TEXT) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `${label} is required.` })
      .min(1, { error: `${label} is required.` })
      .max(max, { error: `${label} must be at most ${max} characters.` }),
  );
}

export function optionalText(label: string, max = MAX_SHORT_TEXT) {
  return z.preprocess(
    (v) => {
      const blank = blankToUndefined(v);
      return typeof blank === 'string' ? blank.trim() : blank;
    },
    z.string({ error: `${label} must be text.` }).max(max, { error: `${label} must be at most ${max} characters.` }).optional(),
  );
}

interface NumberRules {
  min?: number;
  /** true when zero is not allowed (areas). */
  positive?: boolean;
  integer?: boolean;
  max?: number;
  unit?: string;
}

function numberSchema(label: string, rules: NumberRules) {
  const unit = rules.unit ? ` in ${rules.unit}` : '';
  let schema = z.number({
    error: (issue) => {
      if (issue.input === undefined) return `${label} is required.`;
      if (issue.input instanceof MisgroupedNumber) {
        const digits = Number(latinDigits(issue.input.withoutCommas).replace(/[^\d.]/g, ''));
        return `${label}: the commas in “${issue.input.text}” are not where thousands or lakhs go; write ${formatNumber(digits)} if that is the number you mean.`;
      }
      return `${label} must be a number${unit}, for example 19,500.`;
    },
  });
  if (rules.integer) schema = schema.int({ error: `${label} must be a whole number.` });
  if (rules.positive) schema = schema.positive({ error: `${label} must be more than 0.` });
  else if (rules.min !== undefined) schema = schema.min(rules.min, { error: `${label} cannot be less than ${rules.min}.` });
  return schema.max(rules.max ?? 1e12, { error: `${label} is too large.` });
}

export function requiredNumber(label: string, rules: NumberRules = {}) {
  return z.preprocess(numberFromText, numberSchema(label, rules));
}

export function optionalNumber(label: string, rules: NumberRules = {}) {
  return z.preprocess(numberFromText, numberSchema(label, rules).optional());
}

/** Typed text that is not a date, kept so the message can say what is wrong with it. */
class RefusedDateText {
  constructor(readonly text: string) {}
}

/** A calendar date stored as YYYY-MM-DD; accepts 20-May-2021, 20/05/2021 and 2021-05-20. */
export function optionalDate(label: string) {
  return z.preprocess(
    (v) => {
      const blank = blankToUndefined(v);
      if (typeof blank !== 'string') return blank;
      return parseDateText(blank) ?? new RefusedDateText(blank);
    },
    z
      .string({ error: (issue) => (issue.input instanceof RefusedDateText ? dateTextProblem(label, issue.input.text) : `${label} must be a date.`) })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a real date, for example 20-May-2021.` })
      .optional(),
  );
}

export function optionalEnum<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: `Choose a ${label.toLowerCase()} from the list.` }).optional());
}

export function requiredEnum<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.preprocess(blankToUndefined, z.enum(values, { error: `Choose a ${label.toLowerCase()} from the list.` }));
}
