const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

/** Text made safe to place in HTML element content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  // One pass, and none at all for the usual value with nothing to escape (a register has 10,000s).
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(value) ? value.replace(SPECIAL, (c) => ENTITIES[c]!) : value;
}

/**
 * Escaped text isolated for bidi: an Urdu name keeps its right-to-left order inside an
 * English sentence, and neighbouring punctuation or numbers do not jump across it.
 */
export function bdi(value: string): string {
  return `<bdi dir="auto">${escapeHtml(value)}</bdi>`;
}
