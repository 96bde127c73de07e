/**
 * One way of folding text for search, used by every search box and the global search: what an
 * official types and what is stored are folded alike, so spelling variants that mean the same
 * letter or digit match.
 *
 * - Latin: case and accents ("Bāgh" finds "bagh").
 * - Arabic script: Urdu is often typed on Arabic keyboards (or pasted from Arabic-script
 *   documents), which give different code points for the same letter: ي ى → ی, ك → ک,
 *   ه → ہ, ة → ۃ; hamza and madda forms of alef (أ إ آ) → ا; tatweel, harakat and
 *   zero-width joiners (ZWNJ is common inside Urdu words) are dropped.
 * - Digits: Urdu (۰-۹) and Arabic-Indic (٠-٩) digits read as 0-9.
 */

const LETTERS: Record<string, string> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی Farsi/Urdu yeh
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک keheh
  '\u0647': '\u06C1', // ه Arabic heh → ہ heh goal
  '\u0629': '\u06C3', // ة teh marbuta → ۃ teh marbuta goal
  '\u0671': '\u0627', // ٱ alef wasla → ا
};

/** Urdu (extended) and Arabic-Indic digits, each block laid out 0-9. */
const URDU_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * Nonspacing marks after compatibility decomposition: Latin accents, harakat, and the hamza and
 * madda that NFKD splits off أ إ آ ؤ ئ ۂ. Then tatweel and the invisible format characters
 * (zero-width space, ZWNJ, ZWJ, direction marks, word joiner, byte-order mark, isolates).
 */
const DROPPED = /[\p{Mn}\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u00AD]/gu;

const ASCII = /^[\x00-\x7f]*$/;

const ARABIC_SCRIPT_OR_DIGIT = /[\u0629\u0643\u0647\u0649\u064A\u0671\u0660-\u0669\u06F0-\u06F9]/g;

function mapLetterOrDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= URDU_ZERO && code <= URDU_ZERO + 9) return String(code - URDU_ZERO);
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) return String(code - ARABIC_INDIC_ZERO);
  return LETTERS[ch] ?? ch;
}

/** The folded form of a text, for matching only (never shown or stored). */
export function foldForSearch(text: string): string {
  // Most fields are plain ASCII, where folding is only lower-casing (and far quicker).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(DROPPED, '').replace(ARABIC_SCRIPT_OR_DIGIT, mapLetterOrDigit).toLocaleLowerCase('en');
}

/** The words of a query, folded: every one must be found for a record to match. */
export function foldedWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/**
 * A text folded together with where each folded character came from, so a match found in the
 * folded text can be shown (highlighted) in the text as stored. `origin[i]` is the index in
 * `text` of the character that gave folded character i; `origin[folded.length]` is text.length.
 */
export function foldWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    // Plain ASCII only changes case; the full fold is kept for the rest (it runs per result shown).
    const code = ch.charCodeAt(0);
    const piece = code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch) : foldForSearch(ch);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** Where `foldedNeedle` first occurs in `text`, as a span of the text as stored; undefined when it does not. */
export function findInOriginal(text: string, foldedNeedle: string): { start: number; end: number } | undefined {
  if (!foldedNeedle) return undefined;
  const { folded, origin } = foldWithOrigins(text);
  const at = folded.indexOf(foldedNeedle);
  if (at < 0) return undefined;
  const last = origin[at + foldedNeedle.length - 1]!;
  // The end is after the whole stored character (a surrogate pair, or a letter with its marks).
  let end = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
  while (end < text.length && foldForSearch(text[end]!) === '') end++;
  return { start: origin[at]!, end };
}
