import { describe, expect, it } from 'vitest';
import { ProposalFieldsSchema } from '../../../shared/domain/proposal';
import { fieldErrorsFrom } from '../../../shared/api/result';

const minimal = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: '19,500' };
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = ProposalFieldsSchema.safeParse({ ...minimal, ...input });
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe('proposal validation an official can act on', () => {
  it('accepts a usable area equal to the gross area, refuses zero or negative ones', () => {
    expect(errorsOf({ usableAreaSqFt: '19,500' })).toEqual({});
    expect(errorsOf({ usableAreaSqFt: '0' })).toEqual({ usableAreaSqFt: 'Usable area must be more than 0.' });
    expect(errorsOf({ usableAreaSqFt: '-100' })).toEqual({ usableAreaSqFt: 'Usable area must be more than 0.' });
  });

  it('refuses negative counts and money, and fractions of seats, firms or jobs', () => {
    expect(errorsOf({ seatCapacity: '-1' })).toEqual({ seatCapacity: 'Seat capacity cannot be less than 0.' });
    expect(errorsOf({ seatCapacity: '12.5' })).toEqual({ seatCapacity: 'Seat capacity must be a whole number.' });
    expect(errorsOf({ projectedJobs: '1.5' })).toEqual({ projectedJobs: 'Projected jobs must be a whole number.' });
    expect(errorsOf({ fitOutCost: '-5' })).toEqual({ fitOutCost: 'Fit-out cost cannot be less than 0.' });
    expect(errorsOf({ proposedRentPerSqFt: '-1' })).toEqual({ proposedRentPerSqFt: 'Proposed rent cannot be less than 0.' });
    expect(errorsOf({ evaluationScore: '101' })).toEqual({ evaluationScore: 'Evaluation score is too large.' });
  });

  it('knows leap years: 29-Feb exists in 2024, not in 2021', () => {
    expect(errorsOf({ dateReceived: '29-Feb-2024' })).toEqual({});
    expect(errorsOf({ dateReceived: '29-Feb-2021' })).toEqual({ dateReceived: 'Date received must be a real date, for example 20-May-2021.' });
    expect(errorsOf({ boardDecisionDate: '31/04/2021' })).toEqual({ boardDecisionDate: 'Board decision date must be a real date, for example 20-May-2021.' });
  });

  it('allows a decision on the day of receipt, never before it; the message is under the decision date', () => {
    expect(errorsOf({ dateReceived: '20-May-2021', boardDecisionDate: '20-May-2021' })).toEqual({});
    expect(errorsOf({ dateReceived: '20-May-2021', boardDecisionDate: '19-May-2021' })).toEqual({
      boardDecisionDate: 'Board decision date cannot be before the date received.',
    });
    expect(errorsOf({ dateReceived: '20-May-2021', siteVisitDate: '1-May-2021' })).toEqual({
      siteVisitDate: 'Site visit date cannot be before the date received.',
    });
  });
});
