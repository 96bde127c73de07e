import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from '../../../shared/api/result';
import { ProposalFieldsSchema } from '../../../shared/domain/proposal';
import { dateTextProblem, parseDateText } from '../../../shared/format/dates';
import { latinDigits } from '../../../shared/format/numbers';
import { numberFromText } from '../../../shared/validation/field-values';

const minimal = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: '19,500' };

function parse(input: Record<string, unknown>) {
  const parsed = ProposalFieldsSchema.safeParse({ ...minimal, ...input });
  return parsed.success ? { ok: true as const, value: parsed.data } : { ok: false as const, errors: fieldErrorsFrom(parsed.error) };
}

describe('amounts and areas as officials type them', () => {
  it.each([
    ['Rs. 1,00,000/-', 100_000],
    ['Rs 12,34,567', 1_234_567],
    ['PKR 5,000', 5_000],
    ['1,00,000', 100_000],
    ['1,23,45,678', 12_345_678],
    ['1,000,000', 1_000_000],
    ['19,500.5', 19_500.5],
    ['19500', 19_500],
    ['19 500', 19_500],
    ['۱۹,۵۰۰', 19_500], // Urdu digits
    ['١٩٥٠٠', 19_500], // Arabic-Indic digits
    ['Rs. ۱,۰۰,۰۰۰/-', 100_000],
    ['.5', 0.5],
  ])('reads %s as %d', (typed, expected) => {
    expect(numberFromText(typed)).toBe(expected);
    const result = parse({ fitOutCost: typed });
    expect(result.ok && result.value.fitOutCost).toBe(expected);
  });

  it.each([
    ['19,50', 'Fit-out cost: the commas in “19,50” are not where thousands or lakhs go; write 1,950 if that is the number you mean.'],
    ['1,2,3', 'Fit-out cost: the commas in “1,2,3” are not where thousands or lakhs go; write 123 if that is the number you mean.'],
    ['12,34,5678', 'Fit-out cost: the commas in “12,34,5678” are not where thousands or lakhs go; write 1,23,45,678 if that is the number you mean.'],
    ['1,0000', 'Fit-out cost: the commas in “1,0000” are not where thousands or lakhs go; write 10,000 if that is the number you mean.'],
  ])('refuses %s, saying the commas are wrong', (typed, message) => {
    expect(parse({ fitOutCost: typed })).toEqual({ ok: false, errors: { fitOutCost: message } });
  });

  it.each(['Rs', '19,500 sq ft', '12abc', '1.2.3', '-', ','])('refuses %j as not a number', (typed) => {
    expect(parse({ fitOutCost: typed })).toEqual({ ok: false, errors: { fitOutCost: 'Fit-out cost must be a number in Rs, for example 19,500.' } });
  });

  it('reads Urdu and Arabic-Indic digits as 0-9', () => {
    expect(latinDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789');
  });
});

describe('dates as officials type them', () => {
  it.each([
    ['20-May-2021', '2021-05-20'],
    ['20-June-2021', '2021-06-20'],
    ['20-Jun-2021', '2021-06-20'],
    ['1-Sept-2025', '2025-09-01'],
    ['۲۰-May-۲۰۲۱', '2021-05-20'],
    ['٢٠/٠٥/٢٠٢١', '2021-05-20'],
  ])('reads %s', (typed, iso) => expect(parseDateText(typed)).toBe(iso));

  it.each(['20-Junk-2021', '20-Mayday-2021', '20-Juno-2021', '20-May-2021 junk', '20-May-2021-', 'x20-May-2021'])('refuses %s', (typed) =>
    expect(parseDateText(typed)).toBeUndefined(),
  );

  it('names a month that is not one, at the field', () => {
    expect(parse({ dateReceived: '20-Junk-2021' })).toEqual({ ok: false, errors: { dateReceived: 'Date received must be a real date: “Junk” is not a month (for example 20-May-2021).' } });
    expect(dateTextProblem('Date signed', '20-May-2021 junk')).toBe('Date signed must be a real date, for example 20-May-2021.');
    expect(parse({ dateReceived: '31-Feb-2021' })).toEqual({ ok: false, errors: { dateReceived: 'Date received must be a real date, for example 20-May-2021.' } });
  });
});
