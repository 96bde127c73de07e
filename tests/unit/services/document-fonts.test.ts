import path from 'node:path';
import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { arabicCharactersOf, createDocumentFontCss } from '../../../electron/services/document-fonts';

const FONTS_DIR = path.resolve(import.meta.dirname, '../../../renderer/public/fonts');
const URDU_NAME = 'سافٹ ویئر ٹیکنالوجی پارک';

/** The fonts embedded in the CSS, decoded, with the characters each one maps. */
function embeddedFaces(css: string): { bytes: number; characters: Set<string> }[] {
  return [...css.matchAll(/base64,([A-Za-z0-9+/=]+)\)/g)].map(([, base64]) => {
    const bytes = Buffer.from(base64!, 'base64');
    const unicodes = new Face(new Blob(new Uint8Array(bytes))).collectUnicodes();
    return { bytes: bytes.length, characters: new Set([...unicodes].map((code) => String.fromCodePoint(code))) };
  });
}

describe('createDocumentFontCss', () => {
  it('embeds, in both weights, every Urdu letter of the document and far fewer bytes than the whole fonts', async () => {
    const fontCss = createDocumentFontCss(FONTS_DIR);
    const full = embeddedFaces(await fontCss());
    const subset = embeddedFaces(await fontCss(`<p>Party: <bdi>${URDU_NAME}</bdi></p>`));

    expect(subset).toHaveLength(2);
    for (const [index, face] of subset.entries()) {
      for (const letter of arabicCharactersOf(URDU_NAME)) expect(face.characters.has(letter), `U+${letter.codePointAt(0)!.toString(16)}`).toBe(true);
      // A letter the document does not use is left out.
      expect(face.characters.has('ڑ')).toBe(false);
      expect(face.bytes).toBeLessThan(full[index]!.bytes / 4);
    }
    expect(full[0]!.characters.has('ڑ')).toBe(true);
  });

  it('embeds no font in a document without Urdu, but still says when the fonts are missing', async () => {
    await expect(createDocumentFontCss(FONTS_DIR)('<p>Pakistan Software Export Board</p>')).resolves.toBe('');
    await expect(createDocumentFontCss(path.join(FONTS_DIR, 'absent'))('<p>Pakistan</p>')).rejects.toThrow(/NotoNaskhArabic-Regular\.ttf is missing/);
  });

  it('keeps the letters, sorted once each, from the Arabic-script ranges only', () => {
    expect(arabicCharactersOf('ab پارک پاک 12')).toBe([...new Set('پارک')].sort().join(''));
  });
});
