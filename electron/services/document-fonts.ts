import { readFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';
import { ApiFailure } from '../../shared/api/result';

/**
 * Arabic-script ranges only: Latin text keeps the system's sans-serif (Segoe UI / Arial on
 * Windows), so only the Urdu font has to travel inside each document.
 */
const ARABIC_RANGES = 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F, U+25CC';
const ARABIC_CHARACTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C-\u200F\u25CC]/gu;

/** Subsets kept for reuse: exporting the same MoU again, or MoUs with the same Urdu letters. */
const SUBSET_CACHE_SIZE = 32;

/** The document's Arabic-script characters, sorted and without repeats: the key of its subset. */
export function arabicCharactersOf(text: string): string {
  return [...new Set(text.match(ARABIC_CHARACTER) ?? [])].sort().join('');
}

/** Noto Naskh Arabic: its text comes back from the PDF exactly (Nastaliq's does not). */
const FACES = [
  { file: 'NotoNaskhArabic-Regular.ttf', weight: 400 },
  { file: 'NotoNaskhArabic-Bold.ttf', weight: 700 },
] as const;

function faceRule(weight: number, bytes: Uint8Array): string {
  // size-adjust: Naskh's letters are small next to Latin at the same point size.
  return `@font-face{font-family:"Park Desk Naskh";font-style:normal;font-weight:${weight};size-adjust:118%;unicode-range:${ARABIC_RANGES};src:url(data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}) format("truetype");}`;
}

/**
 * Builds the @font-face rules with the bundled fonts embedded as base64, read once per folder.
 * Given the document's text, each face carries only the glyphs those characters need (with
 * their joining forms and ligatures, which hb-subset's layout closure keeps): a few KiB instead
 * of 480 KiB of base64 that Chromium must decode for every PDF. A document with no Urdu gets no
 * font at all. Without the text (or if subsetting fails) the whole fonts are embedded.
 */
export function createDocumentFontCss(fontsDir: string | undefined): (documentText?: string) => Promise<string> {
  let fonts: Promise<Buffer[]> | undefined;
  const subsets = new Map<string, Promise<string>>();
  const read = async () => {
    if (!fontsDir) throw new ApiFailure('internal', 'Park Desk was started without its fonts folder, so it cannot print Urdu text.');
    const read = await Promise.allSettled(FACES.map(({ file }) => readFile(path.join(fontsDir, file))));
    // Named in FACES order, so the message does not depend on which read failed first.
    const missing = FACES.find((_, index) => read[index]!.status === 'rejected');
    if (missing) throw new ApiFailure('internal', `The bundled font ${missing.file} is missing from ${fontsDir}; reinstall Park Desk.`);
    return read.map((result) => (result as PromiseFulfilledResult<Buffer>).value);
  };
  const loadFonts = () => {
    fonts ??= read().catch((error: unknown) => {
      fonts = undefined; // a later call may find the files again
      throw error;
    });
    return fonts;
  };
  const fullCss = async () => (await loadFonts()).map((bytes, index) => faceRule(FACES[index]!.weight, bytes)).join('\n');
  const subsetCss = async (characters: string) => {
    const bytes = await loadFonts();
    try {
      const subsets = await Promise.all(bytes.map((font) => subsetFont(font, characters, { targetFormat: 'truetype' })));
      return subsets.map((subset, index) => faceRule(FACES[index]!.weight, subset)).join('\n');
    } catch {
      return fullCss(); // a larger PDF, never a missing letter
    }
  };
  return async (documentText) => {
    if (documentText === undefined) return fullCss();
    const characters = arabicCharactersOf(documentText);
    // The fonts are still read, so a missing font is reported whether or not this document has Urdu.
    if (!characters) return loadFonts().then(() => '');
    let css = subsets.get(characters);
    if (!css) {
      css = subsetCss(characters);
      subsets.set(characters, css);
      css.catch(() => subsets.delete(characters));
      if (subsets.size > SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
    }
    return css;
  };
}
