import { describe, expect, it } from 'vitest';
import { countOf, nounFor } from '../../../shared/format/plural';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'MoU')).toBe('1 MoU');
    expect(countOf(2, 'MoU')).toBe('2 MoUs');
    expect(countOf(0, 'proposal')).toBe('0 proposals');
    expect(countOf(1, 'proposal')).toBe('1 proposal');
  });

  it('takes an explicit plural for irregular nouns', () => {
    expect(countOf(1, 'party', 'parties')).toBe('1 party');
    expect(countOf(3, 'party', 'parties')).toBe('3 parties');
  });

  it('groups large counts the Pakistani way', () => {
    expect(countOf(123_456, 'obligation')).toBe('1,23,456 obligations');
  });

  it('gives the noun alone for sentences that place the number', () => {
    expect(nounFor(1, 'day')).toBe('day');
    expect(nounFor(4, 'day')).toBe('days');
  });
});
