import { describe, expect, it } from 'vitest';
import { findInOriginal, foldForSearch, foldWithOrigins } from '../../../shared/domain/search-folding';

const same = (a: string, b: string) => expect(foldForSearch(a)).toBe(foldForSearch(b));

describe('foldForSearch', () => {
  it('folds Latin case and accents', () => {
    same('Bāgh-e-JINNAH Café', 'bagh-e-jinnah cafe');
    expect(foldForSearch('IMARAT Group')).toBe('imarat group');
  });

  it('folds Arabic yeh and alef maksura to Urdu yeh', () => {
    same('فيصل', 'فیصل'); // U+064A
    same('موسى', 'موسی'); // U+0649
    expect(foldForSearch('\u064A\u0649')).toBe('\u06CC\u06CC');
  });

  it('folds Arabic kaf to Urdu keheh', () => {
    same('كالج', 'کالج');
  });

  it('folds Arabic heh to heh goal and teh marbuta to its Urdu form', () => {
    same('فاطمه', 'فاطمہ');
    same('مدينة', 'مدینۃ');
    expect(foldForSearch('\u0647\u0629')).toBe('\u06C1\u06C3');
  });

  it('folds alef with hamza or madda to bare alef', () => {
    same('أحمد', 'احمد');
    same('إسلام آباد', 'اسلام اباد');
    expect(foldForSearch('آ')).toBe('ا');
  });

  it('drops tatweel, harakat and zero-width marks', () => {
    same('پـــارک', 'پارک');
    same('مُحَمَّد', 'محمد');
    same('می\u200Cخواہم', 'میخواہم'); // ZWNJ
    same('a\u200Db\u200Bc\u200Fd\uFEFF', 'abcd');
  });

  it('reads Urdu and Arabic-Indic digits as Latin digits', () => {
    expect(foldForSearch('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(foldForSearch('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    same('PSEB/STP/FSD/۲۰۲۱', 'pseb/stp/fsd/2021');
  });

  it('leaves Urdu letters that are letters of their own apart', () => {
    expect(foldForSearch('بھ')).not.toBe(foldForSearch('بہ')); // do-chashmi heh stays distinct
    expect(foldForSearch('ے')).not.toBe(foldForSearch('ی'));
  });
});

describe('foldWithOrigins and findInOriginal', () => {
  it('maps each folded character to the stored character it came from', () => {
    const { folded, origin } = foldWithOrigins('Ca\u0301fe\u0301');
    expect(folded).toBe('cafe');
    expect(origin).toEqual([0, 1, 3, 4, 6]);
  });

  it('finds the stored span of a folded match, marks and tatweel included', () => {
    const text = 'Notes: پـارک فيصل آباد';
    const span = findInOriginal(text, foldForSearch('فیصل'))!;
    expect(text.slice(span.start, span.end)).toBe('فيصل');
    const tatweel = findInOriginal(text, foldForSearch('پارک'))!;
    expect(text.slice(tatweel.start, tatweel.end)).toBe('پـارک');
    expect(findInOriginal(text, 'lahore')).toBeUndefined();
  });
});
