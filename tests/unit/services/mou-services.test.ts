import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Mou } from '../../../shared/domain/mou';
import type { MouSummary } from '../../../shared/domain/mou-summary';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Result } from '../../../shared/api/result';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const proposalFields = {
  referenceNumber: 'PSEB/STP/FSD/2021-01',
  title: 'Faisalabad STP',
  city: 'Faisalabad',
  province: 'Punjab',
  grossAreaSqFt: 19500,
  offeringParty: 'Sitara Chemical Industries',
  offeringPartyType: 'private-company',
};
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const mouFields = {
  mouNumber: 'PSEB/MoU/FSD/2021',
  type: 'two-party',
  parties: [
    { id: P1, name: 'PSEB', role: 'First party', type: 'pseb', signatories: [{ name: 'Osman Nasir', designation: 'MD', signedOn: '20-May-2021' }] },
    { id: P2, name: 'ستارہ کیمیکل', role: 'Second party', type: 'private-company', signatories: [] },
  ],
  witnesses: [],
  signedOn: '20-May-2021',
  termYears: '5',
};

async function open(dataDir: string, at = '2026-11-25T10:00:00.000Z') {
  return openParkServices({ dataDir, appVersion: '0.0.0-test', clock: { now: () => new Date(at) } });
}
function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
/** What is saved (data file and journal), as untyped JSON like the file it used to read. */
const readStored = async (dir: string) => JSON.parse(JSON.stringify(await savedData(path.join(dir, DATA_FILE_NAME))));

async function withProposal() {
  const dir = await makeDir();
  const services = await open(dir);
  value(await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' }));
  const proposal = value<Proposal>(await services.dispatch('createProposal', { fields: proposalFields }));
  return { dir, services, proposal };
}

describe('MoU services over a real data file', () => {
  it('creates a Draft MoU linked to its proposal and lists it as a summary with derived expiry', async () => {
    const { dir, services, proposal } = await withProposal();
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields, proposalId: proposal.id }));
    expect(mou.fields).toMatchObject({ proposalId: proposal.id, signedOn: '2021-05-20', termYears: 5, obligations: [], amendments: [] });
    expect(mou.fields.parties[1]!.name).toBe('ستارہ کیمیکل');
    expect(mou.statusHistory).toEqual([{ id: expect.any(String), at: '2026-11-25T10:00:00.000Z', from: null, to: 'draft', by: 'Ayesha Khan', note: 'MoU entered.' }]);
    await services.close();

    expect((await readStored(dir)).mous).toEqual([mou]);
    const reopened = await open(dir);
    const rows = value<MouSummary[]>(await reopened.dispatch('listMous', { proposalId: proposal.id }));
    expect(rows).toEqual([
      expect.objectContaining({ id: mou.id, proposalTitle: 'Faisalabad STP', proposalCity: 'Faisalabad', status: 'draft', expiresOn: '2026-05-19', parties: ['PSEB', 'ستارہ کیمیکل'] }),
    ]);
    // A draft binds nobody yet, but its already-past expiry is flagged, never shown silently.
    expect(rows[0]).toMatchObject({ state: 'in-preparation', stateLabel: 'In preparation (Draft)', stateWarning: 'Not in force, but its expiry date 19-May-2026 has already passed' });
    expect(value<MouSummary[]>(await reopened.dispatch('listMous', { proposalId: P1 }))).toEqual([]);
  });

  it('refuses a link to a proposal that does not exist', async () => {
    const { services } = await withProposal();
    expect(await services.dispatch('createMou', { fields: mouFields, proposalId: P1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses an MoU number already used, naming the other MoU', async () => {
    const { services } = await withProposal();
    value(await services.dispatch('createMou', { fields: mouFields }));
    const again = await services.dispatch('createMou', { fields: { ...mouFields, mouNumber: ' pseb/mou/fsd/2021' } });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { 'fields.mouNumber': 'MoU number pseb/mou/fsd/2021 is already used by the MoU between PSEB and ستارہ کیمیکل.' } },
    });
  });

  it('refuses nested field errors by their path and writes nothing', async () => {
    const { dir, services } = await withProposal();
    const bad = { ...mouFields, parties: [mouFields.parties[0], { ...mouFields.parties[1], signatories: [{ name: '', designation: 'CEO' }] }] };
    expect(await services.dispatch('createMou', { fields: bad })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fieldErrors: { 'fields.parties.1.signatories.0.name': 'Signatory name is required.' } },
    });
    expect((await readStored(dir)).mous).toEqual([]);
  });

  it('updates an MoU, keeps its obligations, and refuses an edit made on a stale copy', async () => {
    const { dir, services } = await withProposal();
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    const withObligation = value<Mou>(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { partyId: P2, description: 'Hand over building' } }));
    const stale = await services.dispatch('updateMou', { id: mou.id, expectedUpdatedAt: mou.updatedAt, fields: { ...mouFields, venue: 'Lahore' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const edited = value<Mou>(
      await services.dispatch('updateMou', { id: mou.id, expectedUpdatedAt: withObligation.updatedAt, fields: { ...mouFields, venue: 'Islamabad' } }),
    );
    expect(edited.fields.venue).toBe('Islamabad');
    expect(edited.fields.obligations).toHaveLength(1);
    expect((await readStored(dir)).mous[0].fields.venue).toBe('Islamabad');
  });

  it('will not drop a party that still owes obligations', async () => {
    const { services } = await withProposal();
    const P3 = '33333333-3333-4333-8333-333333333333';
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    const saved = value<Mou>(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { partyId: P2, description: 'Fit-out' } }));
    const swapped = { ...mouFields, parties: [mouFields.parties[0], { ...mouFields.parties[1], id: P3 }] };
    expect(await services.dispatch('updateMou', { id: mou.id, expectedUpdatedAt: saved.updatedAt, fields: swapped })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fieldErrors: { 'fields.parties': expect.stringMatching(/owes obligations/) } },
    });
  });

  it('moves status along the machine, recording who and why, and refuses an illegal move', async () => {
    const { dir, services } = await withProposal();
    let mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    const illegal = await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: mou.updatedAt, to: 'expired', note: '' });
    expect(illegal).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'An MoU cannot move from Draft to Expired.' } });

    for (const to of ['legal-review', 'approved', 'signed', 'active'] as const) {
      mou = value<Mou>(await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: mou.updatedAt, to, note: `to ${to}` }));
    }
    expect(mou.statusHistory.map((m) => `${m.from}->${m.to}:${m.by}:${m.note}`)).toEqual([
      'null->draft:Ayesha Khan:MoU entered.',
      'draft->legal-review:Ayesha Khan:to legal-review',
      'legal-review->approved:Ayesha Khan:to approved',
      'approved->signed:Ayesha Khan:to signed',
      'signed->active:Ayesha Khan:to active',
    ]);
    expect(await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: mou.updatedAt, to: 'renewed', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Link the MoU that renews/) },
    });
    const stale = await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: '2020-01-01T00:00:00.000Z', to: 'terminated', note: '' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await readStored(dir)).mous[0].statusHistory).toHaveLength(5);
  });

  it('renews an MoU once its successor names it, and refuses a chain that loops', async () => {
    const { services } = await withProposal();
    let first = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    for (const to of ['legal-review', 'approved', 'signed', 'active'] as const) {
      first = value<Mou>(await services.dispatch('moveMouStatus', { id: first.id, expectedUpdatedAt: first.updatedAt, to, note: '' }));
    }
    const second = value<Mou>(await services.dispatch('createMou', { fields: { ...mouFields, mouNumber: 'M-2', previousMouId: first.id } }));
    value(await services.dispatch('moveMouStatus', { id: first.id, expectedUpdatedAt: first.updatedAt, to: 'renewed', note: 'Renewed by M-2' }));
    const loop = await services.dispatch('updateMou', { id: first.id, expectedUpdatedAt: (value<Mou>(await services.dispatch('getMou', { id: first.id }))).updatedAt, fields: { ...mouFields, previousMouId: second.id } });
    expect(loop).toMatchObject({ ok: false, error: { fieldErrors: { 'fields.previousMouId': expect.stringMatching(/cannot renew or supersede itself/) } } });
  });

  it('an MoU whose predecessor is gone (left out of an import) still saves, and its link can be cleared', async () => {
    const { dir, services } = await withProposal();
    const first = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    const second = value<Mou>(await services.dispatch('createMou', { fields: { ...mouFields, mouNumber: 'M-2', previousMouId: first.id } }));
    const third = value<Mou>(await services.dispatch('createMou', { fields: { ...mouFields, mouNumber: 'M-3', previousMouId: second.id } }));
    await services.store.update((db) => {
      db.mous.splice(db.mous.findIndex((m) => m.id === first.id), 1);
    });
    const edit = (mou: Mou, fields: Record<string, unknown>) => services.dispatch('updateMou', { id: mou.id, expectedUpdatedAt: mou.updatedAt, fields: { ...mouFields, ...fields } });

    // Other fields of the MoU with the dangling link, and of the MoU after it, save as before.
    const secondSaved = value<Mou>(await edit(second, { mouNumber: 'M-2', previousMouId: first.id, venue: 'Lahore' }));
    expect(secondSaved.fields).toMatchObject({ venue: 'Lahore', previousMouId: first.id });
    value<Mou>(await edit(third, { mouNumber: 'M-3', previousMouId: second.id, venue: 'Lahore' }));
    // Choosing an MoU that is not there is refused at the field, saying what to do.
    expect(await edit(secondSaved, { mouNumber: 'M-2', previousMouId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'fields.previousMouId': expect.stringContaining('Choose another MoU there, or "None (a first MoU)"') } },
    });
    const cleared = value<Mou>(await edit(secondSaved, { mouNumber: 'M-2', previousMouId: '' }));
    expect(cleared.fields.previousMouId).toBeUndefined();
    expect((await readStored(dir)).mous.find((m: Mou) => m.id === second.id).fields.previousMouId).toBeUndefined();
  });

  it('adds, edits, marks done and reopens obligations; overdue is derived', async () => {
    const { services } = await withProposal();
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    value(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { partyId: P2, description: 'Hand over', dueOn: '01-Jan-2026' } }));
    let saved = value<Mou>(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { partyId: P1, description: 'Fibre', dueOn: '01-Jan-2027' } }));
    let [row] = value<MouSummary[]>(await services.dispatch('listMous', {}));
    expect(row).toMatchObject({ openObligations: 1, overdueObligations: 1 });

    const overdue = saved.fields.obligations[0]!;
    expect(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { ...overdue, partyId: '99999999-9999-4999-8999-999999999999' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    saved = value<Mou>(await services.dispatch('saveMouObligation', { mouId: mou.id, obligation: { ...overdue, owner: 'Estate office' } }));
    expect(saved.fields.obligations[0]).toMatchObject({ id: overdue.id, owner: 'Estate office', dueOn: '2026-01-01' });

    saved = value<Mou>(await services.dispatch('setMouObligationDone', { mouId: mou.id, obligationId: overdue.id, completedOn: '2026-11-25' }));
    expect(saved.fields.obligations[0]!.completedOn).toBe('2026-11-25');
    [row] = value<MouSummary[]>(await services.dispatch('listMous', {}));
    expect(row).toMatchObject({ openObligations: 1, overdueObligations: 0 });

    saved = value<Mou>(await services.dispatch('setMouObligationDone', { mouId: mou.id, obligationId: overdue.id, completedOn: '' }));
    expect(saved.fields.obligations[0]!.completedOn).toBeUndefined();
  });

  it('adds amendments with numbers unique within the MoU', async () => {
    const { services } = await withProposal();
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields }));
    const saved = value<Mou>(await services.dispatch('saveMouAmendment', { mouId: mou.id, amendment: { number: 'A-1', date: '01-Jan-2022', reason: 'Area' } }));
    expect(saved.fields.amendments).toEqual([{ id: expect.any(String), number: 'A-1', date: '2022-01-01', reason: 'Area' }]);
    expect(await services.dispatch('saveMouAmendment', { mouId: mou.id, amendment: { number: 'a-1', reason: 'Again' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { 'amendment.number': 'This MoU already has an amendment numbered a-1.' } },
    });
  });

  it('loads the sample MoUs linked to their proposals', async () => {
    const services = await open(await makeDir());
    value(await services.dispatch('loadSampleData', {}));
    const rows = value<MouSummary[]>(await services.dispatch('listMous', {}));
    expect(rows.map((r) => `${r.proposalCity}:${r.status}:${r.parties.length}:${r.signedOn ?? '-'}`).sort()).toEqual([
      'Bannu:draft:3:-',
      'Faisalabad:signed:2:2021-05-20',
      'Rawalpindi:active:2:2021-05-20',
    ]);
  });
});
