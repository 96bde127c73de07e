import { describe, expect, it } from 'vitest';
import { mouSummaryFileName, numberedFileName, partnerName } from '../../../shared/documents/export-file-name';
import { faisalabadMou } from '../../support/mou-data';

const parties = (partner: string) => faisalabadMou((f) => (f.parties[1]!.name = partner)).fields.parties;

describe('mouSummaryFileName', () => {
  it('names the file after the MoU number and the partner', () => {
    expect(mouSummaryFileName(faisalabadMou().fields)).toBe('MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf');
  });

  it('replaces every character Windows refuses in a file name', () => {
    const name = mouSummaryFileName({ mouNumber: 'PSEB/STP\\FSD:2021*01?', parties: parties('"Sitara" <Chemical> | Industries') });
    expect(name).toBe('MoU PSEB STP FSD 2021 01 - Sitara Chemical Industries.pdf');
    expect(name.slice(0, -4)).not.toMatch(/[\\/:*?"<>|]/);
  });

  it('keeps Urdu partner names', () => {
    expect(mouSummaryFileName({ mouNumber: 'FSD-1', parties: parties('علی فاطمہ کالج') })).toBe('MoU FSD-1 - علی فاطمہ کالج.pdf');
  });

  it('drops trailing dots and spaces, which Windows would silently strip', () => {
    expect(mouSummaryFileName({ mouNumber: 'FSD-1', parties: parties('Sitara Pvt. Ltd.') })).toBe('MoU FSD-1 - Sitara Pvt. Ltd.pdf');
  });

  it('keeps long names within a length Windows paths allow', () => {
    expect(mouSummaryFileName({ mouNumber: 'FSD-1', parties: parties('x'.repeat(400)) }).length).toBeLessThanOrEqual(124);
  });

  it('takes the first party that is not PSEB as the partner', () => {
    const fields = faisalabadMou().fields;
    expect(partnerName({ parties: [...fields.parties].reverse() })).toBe('Sitara Chemical Industries');
  });
});

describe('numberedFileName', () => {
  it('adds " (n)" before the extension from the second file on', () => {
    expect(numberedFileName('MoU A - B.pdf', 1)).toBe('MoU A - B.pdf');
    expect(numberedFileName('MoU A - B.pdf', 2)).toBe('MoU A - B (2).pdf');
  });
});
