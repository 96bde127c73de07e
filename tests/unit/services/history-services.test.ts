import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { practiceDataDir } from '../../../electron/services/practice-data';
import type { Proposal } from '../../../shared/domain/proposal';
import { currentStage } from '../../../shared/domain/proposal';
import { currentMouStatus, mouStatusSince, type Mou } from '../../../shared/domain/mou';
import { proposalMouStepIssues } from '../../../shared/domain/proposal-mou-step';
import { summariseProposal } from '../../../shared/domain/proposal-summary';
import type { Dashboard } from '../../../shared/domain/dashboard';
import type { Result } from '../../../shared/api/result';
import { PIPELINE_STAGES } from '../../../shared/domain/stages';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const NOW = '2026-11-25T10:00:00.000Z';
const rawalpindi = { referenceNumber: 'PSEB/STP/RWP/2021-02', title: 'Rawalpindi STP', city: 'Rawalpindi', province: 'Punjab', grossAreaSqFt: 44000 };
const faisalabad = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: 19500 };
const mouFields = (number = 'PSEB/MoU/STP/FSD/2021', extra: Record<string, unknown> = {}) => ({
  mouNumber: number,
  type: 'two-party',
  parties: [
    { id: '0b0e4d1c-8f0a-4b8e-9a77-1c2b3d4e5f60', name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
    { id: '1b0e4d1c-8f0a-4b8e-9a77-1c2b3d4e5f60', name: 'Sitara Chemical', role: 'Second party', type: 'private-company', signatories: [] },
  ],
  witnesses: [],
  ...extra,
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
/** What is saved (data file and journal), as untyped JSON like the file it used to read. */
const stored = async (dir: string) => JSON.parse(JSON.stringify(await savedData(path.join(dir, DATA_FILE_NAME))));

async function open(name = 'Ayesha Khan') {
  const dir = await makeDir();
  const services = await openParkServices({ dataDir: dir, appVersion: '0.0.0-test', clock: { now: () => new Date(NOW) } });
  if (name) value(await services.dispatch('updateSettings', { officialName: name }));
  return { dir, services };
}

describe('entering a proposal at its real stage', () => {
  it('records one entry at Operational on its day, the stages before it as passed, with who, when and why', async () => {
    const { dir, services } = await open();
    const p = value<Proposal>(await services.dispatch('createProposal', { fields: rawalpindi, start: { stage: 'operational', on: '15-Mar-2022' } }));
    expect(p.stageHistory).toEqual([
      {
        id: expect.any(String),
        at: '2022-03-15T07:00:00.000Z',
        recordedAt: NOW,
        from: null,
        to: 'operational',
        by: 'Ayesha Khan',
        note: 'Entered at Operational: the earlier stages passed before the proposal was recorded in Park Desk.',
        passedStages: PIPELINE_STAGES.slice(0, -1),
      },
    ]);
    expect(currentStage(p)).toBe('operational');
    expect((await stored(dir)).proposals[0].stageHistory).toEqual(p.stageHistory);
  });

  it('refuses a date in the future or before the date received, at the field, and writes nothing', async () => {
    const { services } = await open();
    expect(await services.dispatch('createProposal', { fields: rawalpindi, start: { stage: 'fit-out', on: '2026-11-26' } })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'start.on': expect.stringContaining('future') } },
    });
    expect(await services.dispatch('createProposal', { fields: { ...rawalpindi, dateReceived: '2021-02-20' }, start: { stage: 'fit-out', on: '2021-01-01' } })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'start.on': expect.stringContaining('before the date received') } },
    });
    expect(value<unknown[]>(await services.dispatch('listProposals', {}))).toEqual([]);
  });

  it('a move past several stages records them as passed, and needs a reason', async () => {
    const { services } = await open();
    const p = value<Proposal>(await services.dispatch('createProposal', { fields: faisalabad, start: { stage: 'received', on: '2021-02-15' } }));
    const refused = await services.dispatch('moveProposalStage', { id: p.id, expectedUpdatedAt: p.updatedAt, to: 'mou-signed', on: '2021-05-20', note: '' });
    expect(refused).toMatchObject({ ok: false, error: { fieldErrors: { note: expect.stringContaining('Screening, Site inspection, Evaluation') } } });
    const moved = value<Proposal>(await services.dispatch('moveProposalStage', { id: p.id, expectedUpdatedAt: p.updatedAt, to: 'mou-signed', on: '2021-05-20', note: 'From the file.' }));
    expect(moved.stageHistory[1]).toMatchObject({
      at: '2021-05-20T07:00:00.000Z',
      recordedAt: NOW,
      from: 'received',
      to: 'mou-signed',
      passedStages: ['screening', 'site-inspection', 'evaluation', 'committee-recommendation', 'board-approval', 'mou-negotiation'],
    });
  });
});

describe('correcting the last move', () => {
  it('a wrong Reject is withdrawn by a correction that names it; the stage is back and both stay in the history', async () => {
    const { dir, services } = await open();
    let p = value<Proposal>(await services.dispatch('createProposal', { fields: faisalabad }));
    p = value<Proposal>(await services.dispatch('moveProposalStage', { id: p.id, expectedUpdatedAt: p.updatedAt, to: 'screening', on: '2026-11-25', note: '' }));
    p = value<Proposal>(await services.dispatch('moveProposalStage', { id: p.id, expectedUpdatedAt: p.updatedAt, to: 'rejected', on: '2026-11-25', note: 'Enter pressed too soon' }));
    expect(await services.dispatch('correctProposalMove', { id: p.id, expectedUpdatedAt: p.updatedAt, reason: ' ' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { reason: 'Give the reason the move is withdrawn.' } },
    });
    const reject = p.stageHistory[2]!;
    p = value<Proposal>(await services.dispatch('correctProposalMove', { id: p.id, expectedUpdatedAt: p.updatedAt, reason: 'Rejected the wrong proposal.' }));
    expect(p.stageHistory).toHaveLength(4);
    expect(p.stageHistory[2]).toEqual(reject);
    expect(p.stageHistory[3]).toEqual({ id: expect.any(String), at: NOW, from: 'rejected', to: 'screening', by: 'Ayesha Khan', note: 'Rejected the wrong proposal.', withdraws: reject.id });
    expect(currentStage(p)).toBe('screening');
    expect((await stored(dir)).proposals[0].stageHistory).toEqual(p.stageHistory);
    // The next correction withdraws Screening; the entry itself never.
    p = value<Proposal>(await services.dispatch('correctProposalMove', { id: p.id, expectedUpdatedAt: p.updatedAt, reason: 'Not screened yet.' }));
    expect(currentStage(p)).toBe('received');
    expect(await services.dispatch('correctProposalMove', { id: p.id, expectedUpdatedAt: p.updatedAt, reason: 'x' })).toMatchObject({ ok: false, error: { fieldErrors: { move: expect.any(String) } } });
  });

  it('corrects an MoU status move the same way', async () => {
    const { services } = await open();
    let mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields() }));
    mou = value<Mou>(await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: mou.updatedAt, to: 'legal-review', note: '' }));
    mou = value<Mou>(await services.dispatch('correctMouMove', { id: mou.id, expectedUpdatedAt: mou.updatedAt, reason: 'Not sent to legal yet.' }));
    expect(currentMouStatus(mou)).toBe('draft');
    expect(mou.statusHistory.map((m) => m.to)).toEqual(['draft', 'legal-review', 'draft']);
    expect(mou.statusHistory[2]!.withdraws).toBe(mou.statusHistory[1]!.id);
  });
});

describe('MoUs at their real status, in step with their proposal', () => {
  async function proposalBeforeSigning(services: Awaited<ReturnType<typeof open>>['services']) {
    return value<Proposal>(await services.dispatch('createProposal', { fields: faisalabad, start: { stage: 'mou-negotiation', on: '2021-04-01' } }));
  }

  it('creates the MoU as Signed on 20-May-2021 and moves its proposal to MoU signed on that day, in one save', async () => {
    const { dir, services } = await open();
    const proposal = await proposalBeforeSigning(services);
    const mou = value<Mou>(
      await services.dispatch('createMou', {
        fields: mouFields(),
        proposalId: proposal.id,
        start: { status: 'signed', on: '20-May-2021' },
        moveProposal: { expectedUpdatedAt: proposal.updatedAt },
      }),
    );
    expect(mou.fields.signedOn).toBe('2021-05-20');
    expect(mou.statusHistory).toEqual([
      expect.objectContaining({ at: '2021-05-20T07:00:00.000Z', recordedAt: NOW, from: null, to: 'signed', passedStatuses: ['draft', 'legal-review', 'approved'] }),
    ]);
    expect(mouStatusSince(mou)).toBe('2021-05-20');
    const file = await stored(dir);
    const moved = file.proposals[0] as Proposal;
    expect(moved.stageHistory.at(-1)).toMatchObject({ at: '2021-05-20T07:00:00.000Z', from: 'mou-negotiation', to: 'mou-signed', note: 'MoU PSEB/MoU/STP/FSD/2021 recorded as signed on 20-May-2021.' });
    expect(proposalMouStepIssues(file.proposals.map(summariseProposal), file.mous)).toEqual([]);
  });

  it('saves neither when the proposal cannot move (a stale copy), and says so at the checkbox', async () => {
    const { dir, services } = await open();
    const proposal = await proposalBeforeSigning(services);
    const before = await savedBytes(path.join(dir, DATA_FILE_NAME));
    const result = await services.dispatch('createMou', {
      fields: mouFields(),
      proposalId: proposal.id,
      start: { status: 'signed', on: '20-May-2021' },
      moveProposal: { expectedUpdatedAt: '2020-01-01T00:00:00.000Z' },
    });
    expect(result).toMatchObject({ ok: false, error: { fieldErrors: { moveProposal: expect.stringContaining('changed since') } } });
    expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(before);
  });

  it('a status move is back-dated under the stage rules and can move the proposal along', async () => {
    const { services } = await open();
    const proposal = await proposalBeforeSigning(services);
    let mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields(), proposalId: proposal.id, start: { status: 'draft', on: '2021-04-10' } }));
    const move = (input: Record<string, unknown>) => services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: mou.updatedAt, ...input });
    expect(await move({ to: 'signed', on: '2021-04-01', note: 'x' })).toMatchObject({ ok: false, error: { fieldErrors: { on: expect.stringContaining('before the previous move') } } });
    expect(await move({ to: 'signed', on: '2027-01-01', note: 'x' })).toMatchObject({ ok: false, error: { fieldErrors: { on: expect.stringContaining('future') } } });
    expect(await move({ to: 'signed', on: '2021-05-20', note: '' })).toMatchObject({ ok: false, error: { fieldErrors: { note: expect.stringContaining('passed without a record') } } });
    mou = value<Mou>(await move({ to: 'signed', on: '2021-05-20', note: 'From the signed copy.', moveProposal: { expectedUpdatedAt: proposal.updatedAt } }));
    expect(mou.fields.signedOn).toBe('2021-05-20');
    expect(mou.statusHistory.at(-1)).toMatchObject({ at: '2021-05-20T07:00:00.000Z', from: 'draft', to: 'signed', passedStatuses: ['legal-review', 'approved'] });
    const after = value<Proposal>(await services.dispatch('getProposal', { id: proposal.id }));
    expect(currentStage(after)).toBe('mou-signed');
  });

  it('archives an MoU entered by mistake: out of the dashboard and its figures, kept in the file, restorable', async () => {
    const { dir, services } = await open();
    const proposal = value<Proposal>(await services.dispatch('createProposal', { fields: faisalabad }));
    const mou = value<Mou>(await services.dispatch('createMou', { fields: mouFields(), proposalId: proposal.id, start: { status: 'signed', on: '2026-11-01', note: '' } }));
    const dashboard = async () => value<Dashboard>(await services.dispatch('getDashboard', {}));
    expect((await dashboard()).mouCount).toBe(1);
    expect((await dashboard()).outOfStep).toEqual([expect.objectContaining({ kind: 'mou-ahead', mouId: mou.id })]);
    const archived = value<Mou>(await services.dispatch('archiveMou', { id: mou.id }));
    expect(archived.archivedAt).toBe(NOW);
    expect((await dashboard()).mouCount).toBe(0);
    expect((await dashboard()).outOfStep).toEqual([]);
    expect((await stored(dir)).mous).toHaveLength(1);
    expect(await services.dispatch('moveMouStatus', { id: mou.id, expectedUpdatedAt: archived.updatedAt, to: 'active', note: '' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    value(await services.dispatch('restoreMou', { id: mou.id }));
    expect((await dashboard()).mouCount).toBe(1);
  });
});

describe('the sample data', () => {
  it('is in step: each MoU agrees with its proposal, histories pass stages rather than jump, Rawalpindi is operational since 29-Dec-2021', async () => {
    const { services, dir } = await open();
    value(await services.dispatch('loadSampleData', {}));
    // The sample parks open as practice data, in their own folder beside the register.
    const file = await stored(practiceDataDir(dir));
    expect(proposalMouStepIssues(file.proposals.map(summariseProposal), file.mous)).toEqual([]);
    const rwp = (file.proposals as Proposal[]).find((p) => p.fields.referenceNumber === 'PSEB/STP/RWP/2021-02')!;
    expect(currentStage(rwp)).toBe('operational');
    expect(rwp.stageHistory.map((m) => [m.to, m.at.slice(0, 10), m.passedStages ?? []])).toEqual([
      ['received', '2021-02-20', []],
      ['mou-signed', '2021-05-20', ['screening', 'site-inspection', 'evaluation', 'committee-recommendation', 'board-approval', 'mou-negotiation']],
      ['operational', '2021-12-29', ['fit-out']],
    ]);
    const bannu = (file.mous as Mou[]).find((m) => m.fields.mouNumber === 'PSEB/MoU/STP/BNU')!;
    expect(currentMouStatus(bannu)).not.toBe('signed');
    for (const mou of file.mous as Mou[]) {
      for (const o of mou.fields.obligations) expect(o.description).toMatch(/^Illustrative/);
    }
  });
});
