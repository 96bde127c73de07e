import { formatNumber } from './numbers';

/**
 * A count with its noun in good English: countOf(1, 'MoU') is "1 MoU", countOf(2, 'MoU')
 * "2 MoUs", countOf(12345, 'proposal') "12,345 proposals". Nouns whose plural is not the
 * singular plus "s" give it: countOf(2, 'party', 'parties').
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${nounFor(count, singular, plural)}`;
}

/** The noun alone, for sentences that place the number themselves ("1 of 4 proposals"). */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}
