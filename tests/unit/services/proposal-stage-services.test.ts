import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Dashboard } from '../../../shared/domain/dashboard';
import type { Result } from '../../../shared/api/result';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const fields = { referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: 19500 };
const NOW = '2026-11-25T10:00:00.000Z';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
const readText = async (dir: string) => JSON.stringify(await savedData(path.join(dir, DATA_FILE_NAME)));

async function setUp({ name = 'Ayesha Khan', proposalFields = fields as Record<string, unknown> } = {}) {
  const dir = await makeDir();
  const services = await openParkServices({ dataDir: dir, appVersion: '0.0.0-test', clock: { now: () => new Date(NOW) } });
  if (name) value(await services.dispatch('updateSettings', { officialName: name }));
  const created = value(await services.dispatch('createProposal', { fields: proposalFields })) as Proposal;
  let current = created;
  const move = async (to: string, on = '2026-11-25', note = '') => {
    const result = (await services.dispatch('moveProposalStage', { id: current.id, expectedUpdatedAt: current.updatedAt, to, on, note })) as Result<Proposal>;
    if (result.ok) current = result.value;
    return result;
  };
  return { dir, services, created, move, current: () => current };
}

describe('moving a proposal through its stages', () => {
  it('saves a proposal whose area is not yet known, and main refuses Evaluation until it is recorded', async () => {
    const { grossAreaSqFt: _unknown, ...withoutArea } = fields;
    const { dir, services, move, current } = await setUp({ proposalFields: withoutArea });
    expect(current().fields.grossAreaSqFt).toBeUndefined();
    value(await move('screening'));
    value(await move('site-inspection'));
    const refused = await move('evaluation');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { to: expect.stringContaining('Record the gross covered area before moving to Evaluation') } } });
    expect(JSON.parse(await readText(dir)).proposals[0].stageHistory).toHaveLength(3);

    const withArea = value(
      await services.dispatch('updateProposal', { id: current().id, expectedUpdatedAt: current().updatedAt, fields: { ...withoutArea, grossAreaSqFt: '19,500' } }),
    ) as Proposal;
    expect(withArea.fields.grossAreaSqFt).toBe(19_500);
  });

  it('appends each move with date, from, to, who and note, and keeps the earlier moves untouched', async () => {
    const { dir, move, created, current } = await setUp();
    value(await move('screening', '2026-11-25', 'Papers complete.'));
    value(await move('on-hold', '2026-11-25', 'Waiting for the fire safety certificate.'));
    value(await move('screening'));
    const history = current().stageHistory;
    expect(history[0]).toEqual(created.stageHistory[0]);
    expect(history.slice(1)).toEqual([
      { id: expect.any(String), at: NOW, from: 'received', to: 'screening', by: 'Ayesha Khan', note: 'Papers complete.' },
      { id: expect.any(String), at: NOW, from: 'screening', to: 'on-hold', by: 'Ayesha Khan', note: 'Waiting for the fire safety certificate.' },
      { id: expect.any(String), at: NOW, from: 'on-hold', to: 'screening', by: 'Ayesha Khan', note: '' },
    ]);
    expect(JSON.parse(await readText(dir)).proposals[0].stageHistory).toEqual(history);
  });

  it('records a back-dated move on its own day, with when it was entered', async () => {
    const { move, current } = await setUp();
    // The proposal was entered today, so back-dating before today is refused ...
    const early = await move('screening', '2021-05-20');
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { on: 'The date cannot be before the previous move, on 25-Nov-2026.' } } });
    // ... and a future date too.
    expect(await move('screening', '26-Nov-2026')).toMatchObject({ ok: false, error: { fieldErrors: { on: expect.stringContaining('future') } } });
    value(await move('screening', '25-Nov-2026'));
    expect(current().stageHistory.at(-1)).not.toHaveProperty('recordedAt');
  });

  it('refuses a move the stage machine does not allow, and leaves the file byte for byte as it was', async () => {
    const { dir, move } = await setUp();
    const before = await savedBytes(path.join(dir, DATA_FILE_NAME));
    expect(await move('received')).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The proposal is already at Received.', fieldErrors: { to: expect.any(String) } },
    });
    expect(await move('mou-signed')).toMatchObject({ ok: false, error: { fieldErrors: { note: expect.stringContaining('passed without a record') } } });
    expect(await move('rejected', '2026-11-25', '')).toMatchObject({ ok: false, error: { fieldErrors: { note: 'Give the reason for moving it to Rejected.' } } });
    expect(await move('nowhere')).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { to: 'Choose a stage from the list.' } } });
    expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(before);
  });

  it('refuses a move made on a stale copy', async () => {
    const { services, created } = await setUp();
    const stale = await services.dispatch('moveProposalStage', { id: created.id, expectedUpdatedAt: '2026-11-24T10:00:00.000Z', to: 'screening', on: '2026-11-25', note: '' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a move while the official has not set a name, saying where to set it', async () => {
    const { move } = await setUp({ name: '' });
    expect(await move('screening')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Set your name under Data and settings first: it is recorded with every stage move.' },
    });
  });
});

describe('archiving instead of deleting', () => {
  it('hides an archived proposal from the dashboard, keeps it in the file, and restores it', async () => {
    const { dir, services, created } = await setUp();
    const archived = value(await services.dispatch('archiveProposal', { id: created.id })) as Proposal;
    expect(archived.archivedAt).toBe(NOW);
    expect(JSON.parse(await readText(dir)).proposals).toHaveLength(1);
    expect((value(await services.dispatch('getDashboard', {})) as Dashboard).proposalCount).toBe(0);
    expect(value(await services.dispatch('listProposals', {}))).toEqual([expect.objectContaining({ id: created.id, archivedAt: NOW })]);

    expect(await services.dispatch('archiveProposal', { id: created.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const moving = await services.dispatch('moveProposalStage', { id: created.id, expectedUpdatedAt: archived.updatedAt, to: 'screening', on: '2026-11-25', note: '' });
    expect(moving).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This proposal is archived; restore it before moving it.' } });

    const restored = value(await services.dispatch('restoreProposal', { id: created.id })) as Proposal;
    expect(restored).not.toHaveProperty('archivedAt');
    expect((value(await services.dispatch('getDashboard', {})) as Dashboard).proposalCount).toBe(1);
    expect(await services.dispatch('restoreProposal', { id: created.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('names an archived proposal that holds a reference number', async () => {
    const { services, created } = await setUp();
    value(await services.dispatch('archiveProposal', { id: created.id }));
    expect(await services.dispatch('createProposal', { fields })).toMatchObject({
      ok: false,
      error: { fieldErrors: { 'fields.referenceNumber': 'Reference number PSEB/STP/FSD/2021-01 is already used by "Faisalabad STP" (archived).' } },
    });
  });
});

describe('the dashboard call', () => {
  it('serves figures from the stored records and keeps the operational target in settings', async () => {
    const { dir, services } = await setUp();
    expect(value(await services.dispatch('setOperationalTarget', { target: '43' }))).toEqual({ target: 43 });
    expect(JSON.parse(await readText(dir)).settings.operationalTarget).toBe(43);
    const d = value(await services.dispatch('getDashboard', {})) as Dashboard;
    expect(d.operational).toEqual({ count: 0, target: 43 });
    expect(d.area.pipeline).toEqual({ sqFt: 19500, count: 1, unknown: 0 });
    expect(d.stuck.overDays).toBe(60);
    expect(d.today).toBe('2026-11-25');
    expect(value(await services.dispatch('setOperationalTarget', { target: '' }))).toEqual({});
    expect(await services.dispatch('setOperationalTarget', { target: '-1' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it("keeps the official's stuck threshold in settings, and blank returns to the default", async () => {
    const { dir, services } = await setUp();
    expect(value(await services.dispatch('setStuckAfterDays', { days: '30' }))).toEqual({ days: 30 });
    expect(JSON.parse(await readText(dir)).settings.stuckAfterDays).toBe(30);
    expect((value(await services.dispatch('getDashboard', {})) as Dashboard).stuck.overDays).toBe(30);
    expect(await services.dispatch('setStuckAfterDays', { days: '0' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(value(await services.dispatch('setStuckAfterDays', { days: '' }))).toEqual({ days: 60 });
    expect(JSON.parse(await readText(dir)).settings.stuckAfterDays).toBeUndefined();
  });
});
