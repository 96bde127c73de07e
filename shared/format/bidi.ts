/**
 * Plain text (a notice, an error message) that names an Urdu file or record inside an English
 * sentence: first-strong isolates keep the name's own direction, so the quotes and the words
 * around it stay where they belong. Dropped again by search folding.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
