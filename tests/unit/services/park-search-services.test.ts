import { describe, expect, it } from 'vitest';
import { openParkServices } from '../../../electron/services/park-services';
import type { ParkSearchResult } from '../../../shared/domain/park-search';
import type { Result } from '../../../shared/api/result';
import { database, faisalabadMou, faisalabadProposal, IDS, writeDataFolder } from '../../support/mou-data';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('searchParks through the dispatcher', () => {
  it('answers from the stored records and follows every save, including a linked proposal renamed', async () => {
    const dir = await makeDir();
    await writeDataFolder(dir, database({ proposals: [faisalabadProposal()], mous: [faisalabadMou()] }));
    const services = await openParkServices({ dataDir: dir, appVersion: 't' });
    try {
      const search = async (query: string) => value((await services.dispatch('searchParks', { query })) as Result<ParkSearchResult>);
      const first = await search('ali fatima');
      expect(first.proposals.hits.map((h) => h.id)).toEqual([IDS.faisalabadProposal]);
      // The MoU's Sitara signatory is "Director, Ali Fatima College": found, and said where.
      expect(first.mous.hits[0]!.matches.map((m) => m.field)).toEqual(['Signatory for Sitara Chemical Industries']);
      expect((await search('PSEB-STP-FSD')).mous.hits.map((h) => h.id)).toEqual([IDS.faisalabadMou]);

      const stored = services.store.data.proposals[0]!;
      value(await services.dispatch('updateProposal', { id: stored.id, expectedUpdatedAt: stored.updatedAt, fields: { ...stored.fields, title: 'Lyallpur Software Technology Park', buildingName: 'Sitara Tower', siteAddress: 'Sargodha Road, Faisalabad' } }));
      expect((await search('ali fatima')).proposals.total).toBe(0);
      expect((await search('sitara tower')).proposals.hits[0]!.matches[0]).toMatchObject({ field: 'Building name', match: 'Sitara' });
      const renamed = await search('lyallpur');
      expect(renamed.proposals.hits.map((h) => h.id)).toEqual([IDS.faisalabadProposal]);
      // The MoU carries its proposal's title, so it follows the rename too.
      expect(renamed.mous.hits.map((h) => h.id)).toEqual([IDS.faisalabadMou]);
    } finally {
      await services.close();
    }
  });

  it('refuses an over-long query with a message', async () => {
    const services = await openParkServices({ dataDir: await makeDir(), appVersion: 't' });
    try {
      const result = await services.dispatch('searchParks', { query: 'x'.repeat(201) });
      expect(result).toMatchObject({ ok: false, error: { fieldErrors: { query: 'Search for at most 200 characters.' } } });
    } finally {
      await services.close();
    }
  });
});
