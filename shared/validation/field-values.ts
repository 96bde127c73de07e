import { z } from 'zod';
import { parseDateText } from '../format/dates';

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

/** "19,500", "19 500", " 19500 " -> 19500; "abc" -> NaN so the number check names the field. */
export function numberFromText(value: unknown): unknown {
  const blank = blankToUndefined(value);
  if (typeof blank !== 'string') return blank;
  const compact = blank.replace(/[,\s]/g, '').replace(/^rs\.?/i, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(compact)) return Number.NaN;
  return Number(compact);
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
    error: (issue) =>
      issue.input === undefined ? `${label} is required.` : `${label} must be a number${unit}, for example 19,500.`,
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

/** A calendar date stored as YYYY-MM-DD; accepts 20-May-2021, 20/05/2021 and 2021-05-20. */
export function optionalDate(label: string) {
  return z.preprocess(
    (v) => {
      const blank = blankToUndefined(v);
      if (typeof blank !== 'string') return blank;
      return parseDateText(blank) ?? `invalid:${blank}`;
    },
    z
      .string({ error: `${label} must be a date.` })
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
