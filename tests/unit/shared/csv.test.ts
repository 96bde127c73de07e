import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../shared/format/csv';

describe('CSV for Excel', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    expect(toCsv(['A', 'B'], [[1, 'فیصل آباد']])).toBe('\uFEFFA,B\r\n1,فیصل آباد\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Plot 5, Sector I-9')).toBe('"Plot 5, Sector I-9"');
    expect(csvCell('the "Arfa" tower')).toBe('"the ""Arfa"" tower"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('shows text that Excel would run as a formula instead of running it', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(csvCell('+92 51 1234567')).toBe("'+92 51 1234567");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('writes numbers as numbers and leaves unknowns empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(19500)).toBe('19500');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
