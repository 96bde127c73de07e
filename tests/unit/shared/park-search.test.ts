import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParkSearchIndexer, ParkSearcher, searchParks, type ParkSearchResult } from '../../../shared/domain/park-search';
import { foldForSearch } from '../../../shared/domain/search-folding';
import type { Proposal } from '../../../shared/domain/proposal';
import { faisalabadMou, faisalabadProposal, IDS, quettaMou, rawalpindiMou } from '../../support/mou-data';

function rawalpindiProposal(): Proposal {
  const p = faisalabadProposal();
  return {
    ...p,
    id: IDS.rawalpindiProposal,
    fields: {
      referenceNumber: 'PSEB/STP/RWP/2021-02',
      eOfficeFileNumber: 'PSEB(P&D)/RWP/2021/117',
      title: 'Rawalpindi Software Technology Park',
      city: 'Rawalpindi',
      province: 'Punjab',
      buildingName: 'Amazon Outlet Mall',
      offeringParty: 'IMARAT Group',
      focalPerson: 'Bilal Ahmed Khan',
      grossAreaSqFt: 44_000,
      notes: 'پہلا پارک راولپنڈی میں',
    },
  };
}

const proposals = [faisalabadProposal(), rawalpindiProposal()];
const mous = [faisalabadMou(), rawalpindiMou(), quettaMou()];
const ids = (group: ParkSearchResult['proposals']) => group.hits.map((h) => h.id);

describe('searchParks', () => {
  it('finds a park by its building name, and only that park', () => {
    const amazon = searchParks(proposals, mous, 'Amazon');
    expect(ids(amazon.proposals)).toEqual([IDS.rawalpindiProposal]);
    expect(amazon.proposals.hits[0]!.matches[0]).toEqual({ field: 'Building name', before: '', match: 'Amazon', after: ' Outlet Mall' });

    const aliFatima = searchParks(proposals, mous, 'ali fatima');
    expect(ids(aliFatima.proposals)).toEqual([IDS.faisalabadProposal]);
    expect(aliFatima.proposals.hits[0]!.matches.map((m) => m.field)).toContain('Building name');
  });

  it('finds by e-Office file number, focal person and partner', () => {
    expect(ids(searchParks(proposals, mous, 'RWP/2021/117').proposals)).toEqual([IDS.rawalpindiProposal]);
    const focal = searchParks(proposals, mous, 'bilal');
    expect(focal.proposals.hits[0]!.matches[0]!.field).toBe('PSEB focal person');
    expect(ids(searchParks(proposals, mous, 'imarat').proposals)).toEqual([IDS.rawalpindiProposal]);
  });

  it('finds an MoU by its number, a party and a signatory, grouped apart from proposals', () => {
    const byNumber = searchParks(proposals, mous, 'PSEB-STP-FSD-2021-01');
    expect(byNumber.mous.hits.map((h) => h.id)).toEqual([IDS.faisalabadMou]);
    expect(byNumber.mous.hits[0]!.matches[0]!.field).toBe('MoU number');
    expect(byNumber.proposals.total).toBe(0);

    const signatory = mous[0]!.fields.parties[1]!.signatories[0]!.name;
    const bySignatory = searchParks(proposals, mous, signatory);
    expect(bySignatory.mous.hits.map((h) => h.id)).toContain(IDS.faisalabadMou);
    expect(bySignatory.mous.hits[0]!.matches[0]!.field).toMatch(/^Signatory for /);
  });

  it('matches Urdu typed with Arabic letters and digits against what is stored in Urdu', () => {
    const result = searchParks(proposals, mous, 'پهلا پارك'); // Arabic heh and kaf
    expect(ids(result.proposals)).toEqual([IDS.rawalpindiProposal]);
    expect(result.proposals.hits[0]!.matches[0]).toMatchObject({ field: 'Notes', match: 'پہلا' });
    expect(ids(searchParks(proposals, mous, 'FSD/۲۰۲۱').proposals)).toEqual([IDS.faisalabadProposal]);
  });

  it('needs every word, in any field, and says how many matched beyond those shown', () => {
    expect(searchParks(proposals, mous, 'amazon faisalabad').proposals.total).toBe(0);
    const both = searchParks(proposals, mous, 'rawalpindi imarat');
    expect(both.proposals.hits[0]!.matches.map((m) => m.field)).toEqual(['Title', 'Offering party']);
    const limited = searchParks(proposals, mous, 'pseb', 1);
    expect(limited.mous.total).toBe(3);
    expect(limited.mous.hits).toHaveLength(1);
  });

  it('puts records matched in an identifying field before those matched in the notes', () => {
    const withNote: Proposal = { ...faisalabadProposal(), fields: { ...faisalabadProposal().fields, notes: 'Visited with the Rawalpindi team.' } };
    const result = searchParks([withNote, rawalpindiProposal()], [], 'rawalpindi');
    expect(ids(result.proposals)).toEqual([IDS.rawalpindiProposal, IDS.faisalabadProposal]);
  });

  it('finds nothing for a blank query', () => {
    expect(searchParks(proposals, mous, '   ')).toMatchObject({ proposals: { total: 0 }, mous: { total: 0 } });
  });
});

describe('ParkSearchIndexer and ParkSearcher', () => {
  it('re-folds a record that changed and keeps the entries of those that did not', () => {
    const indexer = new ParkSearchIndexer();
    const searcher = new ParkSearcher();
    const first = indexer.index(proposals, mous);
    expect(indexer.index(proposals, mous)).toBe(first);
    expect(searcher.search(first, 'amazon').proposals.total).toBe(1);

    const renamed: Proposal = { ...proposals[1]!, fields: { ...proposals[1]!.fields, buildingName: 'Saddar Plaza' } };
    const second = indexer.index([proposals[0]!, renamed], mous);
    expect(second.proposals).toContain(first.proposals.find((r) => r.id === IDS.faisalabadProposal));
    expect(searcher.search(second, 'amazon').proposals.total).toBe(0);
    expect(searcher.search(second, 'saddar').proposals.total).toBe(1);
  });

  it('gives the same answer when narrowing from the previous query as when searching afresh', () => {
    const index = new ParkSearchIndexer().index(proposals, mous);
    const searcher = new ParkSearcher();
    for (const query of ['s', 'si', 'sit', 'sita', 'sitar', 'sitara', 'sitara ', 'sitara c', 'sitara ch']) {
      expect(searcher.search(index, query)).toEqual(new ParkSearcher().search(index, query));
    }
    // Deleting characters widens again.
    expect(searcher.search(index, 'p').proposals.total).toBe(2);
  });

  it('indexes the linked proposal with an MoU, and re-indexes the MoU when that proposal changes', () => {
    const indexer = new ParkSearchIndexer();
    const searcher = new ParkSearcher();
    expect(searcher.search(indexer.index(proposals, mous), 'Faisalabad Software').mous.hits.map((h) => h.id)).toEqual([IDS.faisalabadMou]);
    const retitled: Proposal = { ...proposals[0]!, fields: { ...proposals[0]!.fields, title: 'Lyallpur Park' } };
    const after = searcher.search(indexer.index([retitled, proposals[1]!], mous), 'Lyallpur');
    expect(after.mous.hits.map((h) => h.id)).toEqual([IDS.faisalabadMou]);
  });
});

describe('the pre-filter before the substring test', () => {
  it('never drops a record that holds every word (compared with a plain substring search)', () => {
    const letters = fc.constantFrom('a', 'b', 'k', 'ک', 'ك', 'ی', 'ي', '۱', '1', ' ');
    const text = fc.array(letters, { minLength: 0, maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), text, (titles, query) => {
        const records = titles.map((title, i) => ({ ...proposals[0]!, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, fields: { ...proposals[0]!.fields, title, referenceNumber: `R${i}`, buildingName: undefined, siteAddress: undefined, offeringParty: undefined, city: 'X', district: undefined } }));
        const words = foldForSearch(query).split(/\s+/).filter(Boolean);
        const expected = words.length === 0 ? 0 : records.filter((r) => words.every((w) => foldForSearch([r.fields.referenceNumber, r.fields.title, 'X'].join('\u0000')).includes(w))).length;
        expect(searchParks(records, [], query, 100).proposals.total).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
