import { describe, expect, it } from 'vitest';
import { ProposalFieldsSchema } from '../../../shared/domain/proposal';
import { fieldErrorsFrom } from '../../../shared/api/result';

const minimal = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: '19,500' };

function errorsOf(input: Record<string, unknown>) {
  const parsed = ProposalFieldsSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
}

describe('proposal fields schema', () => {
  it('reads numbers and dates the way officials type them', () => {
    const parsed = ProposalFieldsSchema.parse({ ...minimal, usableAreaSqFt: ' 18 000 ', fitOutCost: 'Rs 12,34,567', dateReceived: '20-May-2021' });
    expect(parsed.grossAreaSqFt).toBe(19500);
    expect(parsed.usableAreaSqFt).toBe(18000);
    expect(parsed.fitOutCost).toBe(1234567);
    expect(parsed.dateReceived).toBe('2021-05-20');
  });

  it('turns blank optional boxes into absent values, not empty strings', () => {
    const parsed = ProposalFieldsSchema.parse({ ...minimal, district: '   ', seatCapacity: '', offeringPartyType: '' });
    expect(parsed).not.toHaveProperty('district', expect.anything());
    expect(parsed.seatCapacity).toBeUndefined();
    expect(parsed.offeringPartyType).toBeUndefined();
  });

  it.each([
    ['0', 'Gross covered area must be more than 0.'],
    ['-5', 'Gross covered area must be more than 0.'],
    ['abc', 'Gross covered area must be a number in sq ft, for example 19,500.'],
    [Number.NaN, 'Gross covered area must be a number in sq ft, for example 19,500.'],
    [Number.POSITIVE_INFINITY, 'Gross covered area must be a number in sq ft, for example 19,500.'],
  ])('refuses a gross area of %j with a message naming the field', (area, message) => {
    expect(errorsOf({ ...minimal, grossAreaSqFt: area })).toEqual({ grossAreaSqFt: message });
  });

  it('names every missing required field', () => {
    expect(Object.keys(errorsOf({})).sort()).toEqual(['city', 'province', 'referenceNumber', 'title']);
  });

  it('saves a proposal whose gross area is not yet known (offer letters often lack it)', () => {
    const { grossAreaSqFt: _unknown, ...withoutArea } = minimal;
    expect(errorsOf(withoutArea)).toEqual({});
    expect(errorsOf({ ...minimal, grossAreaSqFt: '' })).toEqual({});
  });

  it('refuses a usable area larger than the gross area', () => {
    expect(errorsOf({ ...minimal, usableAreaSqFt: '20,000' })).toEqual({ usableAreaSqFt: 'Usable area cannot be more than the gross covered area.' });
  });

  it('refuses dates that do not exist and decisions before receipt', () => {
    expect(errorsOf({ ...minimal, dateReceived: '31-Feb-2021' })).toEqual({ dateReceived: 'Date received must be a real date, for example 20-May-2021.' });
    expect(errorsOf({ ...minimal, dateReceived: '2021-05-20', boardDecisionDate: '2021-05-19' })).toHaveProperty('boardDecisionDate');
  });

  it('refuses unknown keys and provinces outside the list', () => {
    expect(errorsOf({ ...minimal, province: 'Kabul' })).toEqual({ province: 'Choose a province from the list.' });
    expect(ProposalFieldsSchema.safeParse({ ...minimal, isAdmin: true }).success).toBe(false);
  });

  it('keeps Urdu text exactly as typed', () => {
    const title = 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک';
    expect(ProposalFieldsSchema.parse({ ...minimal, title }).title).toBe(title);
  });
});
