import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { historyPathOf } from '../../../electron/services/storage/journal';
import type { Result } from '../../../shared/api/result';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();
const fields = { referenceNumber: 'PSEB/STP/RWP/2021-02', title: 'Rawalpindi STP', city: 'Rawalpindi', province: 'Punjab', grossAreaSqFt: 44000 };
const clock = { now: () => new Date('2026-11-27T10:00:00.000Z') };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('record history and Verify history through the contract', () => {
  it("gives a proposal's field changes (who, when, before, after) across a compaction, and verifies the chain", async () => {
    const dir = await makeDir();
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    const api = apiOf(services);
    value(await api.updateSettings({ officialName: 'عائشہ خان' }));
    const created = value(await api.createProposal({ fields }));
    await services.store.compactNow();
    value(await api.updateProposal({ id: created.id, expectedUpdatedAt: created.updatedAt, fields: { ...fields, grossAreaSqFt: 46000, title: 'راولپنڈی STP' } }));

    const history = value(await api.recordHistory({ kind: 'proposal', id: created.id }));
    expect(history.map((e) => [e.seq, e.op, e.by])).toEqual([
      [2, 'create', 'عائشہ خان'],
      [3, 'update', 'عائشہ خان'],
    ]);
    expect(history[1]!.changes).toEqual([
      { field: 'updatedAt', before: created.updatedAt, after: expect.any(String) },
      { field: 'fields.title', before: 'Rawalpindi STP', after: 'راولپنڈی STP' },
      { field: 'fields.grossAreaSqFt', before: 44000, after: 46000 },
    ]);
    // The screens get the changes only, not the record each entry carries for replay.
    expect(history.every((e) => !('record' in e))).toBe(true);
    expect(value(await api.verifyHistory({}))).toMatchObject({ ok: true, entries: 3 });
    expect(await services.dispatch('recordHistory', { kind: 'proposal', id: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    // One byte of an archived entry changed: Verify history names it.
    const archive = historyPathOf(path.join(dir, DATA_FILE_NAME));
    await writeFile(archive, (await readFile(archive, 'utf8')).replace('44000', '44001'));
    expect(value(await api.verifyHistory({}))).toMatchObject({ ok: false, seq: 2, recordKind: 'proposal', recordId: created.id });
    await services.close();
  });
});
