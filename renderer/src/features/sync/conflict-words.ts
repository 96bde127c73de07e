import { differenceValue, labelOf } from '../../../../shared/domain/difference-words';

const LIST_ITEMS: Record<string, string> = { obligations: 'Obligation', amendments: 'Amendment', occupancyReturns: 'Occupancy return' };

/**
 * A conflict's field in the words of the form: "fields.grossAreaSqFt" or "grossAreaSqFt" on a
 * proposal reads "Gross covered area". A field already named in words is shown as it is.
 */
export function conflictFieldLabel(field: string, recordKind: string): string {
  if (/\s/.test(field)) return field;
  const key = field.split('.').at(-1) ?? field;
  const item = /(?:^|\.)(obligations|amendments|occupancyReturns)\[/.exec(field)?.[1];
  if (item && key !== field) return `${LIST_ITEMS[item]}: ${conflictFieldLabel(key, recordKind)}`;
  return labelOf(key, recordKind === 'mou' ? 'mou' : 'proposal');
}

/** A value as an official reads it: dates as 20-May-2021, numbers in lakh grouping, nothing as "(empty)". */
export const conflictValueText = differenceValue;
