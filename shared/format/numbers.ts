/**
 * Pakistani English groups digits in lakhs and crores: 12,34,567. Intl's en-IN locale
 * does exactly that, and it ships with every Chromium and Node, so no table is kept here.
 */
const lakhGrouping = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });

export function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return lakhGrouping.format(value);
}

/** 19500 -> "19,500 sq ft". */
export function formatArea(sqFt: number | undefined): string {
  return sqFt === undefined ? '' : `${formatNumber(sqFt)} sq ft`;
}

/** 1234567 -> "Rs 12,34,567". */
export function formatRupees(amount: number | undefined): string {
  return amount === undefined ? '' : `Rs ${formatNumber(amount)}`;
}

/** Urdu (۰-۹) and Arabic-Indic (٠-٩) digits as 0-9, so numbers and dates typed on an Urdu keyboard read. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}
