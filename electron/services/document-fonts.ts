import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from '../../shared/api/result';

/**
 * Arabic-script ranges only: Latin text keeps the system's sans-serif (Segoe UI / Arial on
 * Windows), so only the Urdu font has to travel inside each document.
 */
const ARABIC_RANGES = 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F, U+25CC';

/** Noto Naskh Arabic: its text comes back from the PDF exactly (Nastaliq's does not). */
const FACES = [
  { file: 'NotoNaskhArabic-Regular.ttf', weight: 400 },
  { file: 'NotoNaskhArabic-Bold.ttf', weight: 700 },
] as const;

/** Builds the @font-face rules with the bundled fonts embedded as base64, read once per folder. */
export function createDocumentFontCss(fontsDir: string | undefined): () => Promise<string> {
  let css: Promise<string> | undefined;
  const load = async () => {
    if (!fontsDir) throw new ApiFailure('internal', 'Park Desk was started without its fonts folder, so it cannot print Urdu text.');
    const read = await Promise.allSettled(FACES.map(({ file }) => readFile(path.join(fontsDir, file))));
    // Named in FACES order, so the message does not depend on which read failed first.
    const missing = FACES.find((_, index) => read[index]!.status === 'rejected');
    if (missing) throw new ApiFailure('internal', `The bundled font ${missing.file} is missing from ${fontsDir}; reinstall Park Desk.`);
    const rules = FACES.map(({ weight }, index) => {
      const bytes = (read[index] as PromiseFulfilledResult<Buffer>).value;
      // size-adjust: Naskh's letters are small next to Latin at the same point size.
      return `@font-face{font-family:"Park Desk Naskh";font-style:normal;font-weight:${weight};size-adjust:118%;unicode-range:${ARABIC_RANGES};src:url(data:font/ttf;base64,${bytes.toString('base64')}) format("truetype");}`;
    });
    return rules.join('\n');
  };
  return () => {
    css ??= load().catch((error: unknown) => {
      css = undefined; // a later call may find the files again
      throw error;
    });
    return css;
  };
}
