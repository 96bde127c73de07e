import { describe, expect, it } from 'vitest';
import { databaseBytes, stringifyDatabase } from '../../../electron/services/storage/serialise';
import { generateParkData } from '../../bench/generate-park-data';

describe('database serialisation from cached record bytes', () => {
  it('gives exactly the UTF-8 of JSON.stringify, Urdu included', () => {
    const db = generateParkData(1500, 1500, 7);
    expect(databaseBytes(db).equals(Buffer.from(JSON.stringify(db), 'utf8'))).toBe(true);
    expect(JSON.stringify(db)).toMatch(/[\u0600-\u06FF]/);
    expect(JSON.parse(stringifyDatabase(db))).toEqual(db);
  });

  it('writes a changed record anew while reusing the text of unchanged ones', () => {
    const db = generateParkData(20, 5, 3);
    const before = stringifyDatabase(db);
    const edited = { ...db.proposals[3]!, fields: { ...db.proposals[3]!.fields, notes: 'فیصل آباد میں نیا نوٹ' } };
    const next = { ...db, proposals: db.proposals.map((p, i) => (i === 3 ? edited : p)) };
    expect(stringifyDatabase(next)).toBe(JSON.stringify(next));
    expect(stringifyDatabase(db)).toBe(before);
  });

  it('keeps top-level settings current even though they are not cached', () => {
    const db = generateParkData(2, 1, 1);
    stringifyDatabase(db);
    const renamed = { ...db, settings: { ...db.settings, officialName: 'Bilal Ahmed' } };
    expect(JSON.parse(stringifyDatabase(renamed)).settings.officialName).toBe('Bilal Ahmed');
  });
});
