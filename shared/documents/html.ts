/** Text made safe to place in HTML element content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escaped text isolated for bidi: an Urdu name keeps its right-to-left order inside an
 * English sentence, and neighbouring punctuation or numbers do not jump across it.
 */
export function bdi(value: string): string {
  return `<bdi dir="auto">${escapeHtml(value)}</bdi>`;
}
