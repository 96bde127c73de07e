import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../electron/services/storage/durable-file';
import { ParkStore } from '../../../electron/services/storage/park-store';
import { PowerCutFs } from '../../support/power-cut-fs';

const DIR = path.resolve('/park-desk-data');
const FILE = path.join(DIR, 'park-desk-data.json');

/** What a power cut at each moment could have left under the file's name, in both extremes. */
function survivors(fs: PowerCutFs, from: number) {
  return fs.images.slice(from).flatMap(({ after, durable, metadataFirst }) => [
    { after: `${after} (folders as last synced)`, bytes: durable.get(FILE)?.toString('utf8') },
    { after: `${after} (names written before data)`, bytes: metadataFirst.get(FILE)?.toString('utf8') },
  ]);
}

describe('a power cut during a durable write (only what was fsynced survives)', () => {
  it('leaves the old contents or the new, never an empty or missing file, and the new once the write returned', async () => {
    const fs = new PowerCutFs();
    await fs.mkdir(DIR);
    await writeFileDurably(FILE, 'version 1', fs);
    expect(fs.powerCut().get(FILE)?.toString('utf8'), 'the first write, once acknowledged').toBe('version 1');

    const from = fs.images.length;
    await writeFileDurably(FILE, 'version 2, اردو', fs);
    for (const { after, bytes } of survivors(fs, from)) expect([after, bytes]).toEqual([after, expect.stringMatching(/^(version 1|version 2, اردو)$/)]);
    // Acknowledged: a power cut now, with the folder as last synced, must keep the new contents.
    expect(fs.powerCut().get(FILE)?.toString('utf8')).toBe('version 2, اردو');
    // No temp file survives on the disk either.
    expect([...fs.powerCut().keys()]).toEqual([FILE]);
  });

  it('keeps every acknowledged save of the store across a power cut, and the store opens again', async () => {
    const fs = new PowerCutFs();
    await fs.mkdir(DIR);
    const store = await ParkStore.open(FILE, { fs });
    for (const name of ['Ayesha', 'Bilal', 'عائشہ']) {
      await store.update((db) => {
        db.settings.officialName = name;
      });
      const afterCut = new PowerCutFs(fs.powerCut());
      const reopened = await ParkStore.open(FILE, { fs: afterCut, processProbe: { self: () => ({}), check: () => 'gone' } });
      expect(reopened.problem).toBeUndefined();
      expect(reopened.data.settings.officialName).toBe(name);
      await reopened.close();
    }
    await store.close();
  });
});
