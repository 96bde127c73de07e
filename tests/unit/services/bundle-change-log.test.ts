import { savedBytes } from '../../support/saved-data';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../electron/services/storage/journal';
import type { Proposal } from '../../../shared/domain/proposal';
import { value, openExchangeFolder, exportBundle, zipEntries, previewed, importInto, type ExchangeFolder, writeZip } from '../../support/bundle-exchange';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();
const URDU_TITLE = 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک';

/** A data folder whose chain has entries in both the history archive (compacted) and the journal. */
async function sourceWithHistory() {
  const source = await openExchangeFolder(await makeDir());
  const first = value(await source.api.createProposal({ fields: { referenceNumber: 'FSD-1', title: URDU_TITLE, city: 'Faisalabad', province: 'Punjab' } })) as Proposal;
  const second = value(await source.api.createProposal({ fields: { referenceNumber: 'LHR-2', title: 'Lahore Arfa Tower annexe', city: 'Lahore', province: 'Punjab' } })) as Proposal;
  expect(await source.services.store.compactNow()).toBe(true);
  await source.services.store.update((db) => {
    db.proposals.find((p) => p.id === second.id)!.fields.title = 'Lahore Arfa Tower annexe (phase 2)';
  });
  return { ...source, first, second };
}

/** Imports `file` into a fresh data folder with one save of its own, expecting a refusal with nothing changed. */
async function expectRefused(file: string, ...phrases: string[]) {
  const target = await openExchangeFolder(await makeDir());
  value(await target.api.updateSettings({ officialName: 'Bilal' }));
  const before = await savedBytes(target.dataFile);
  const result = await importInto(target, file);
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  for (const phrase of phrases) expect(result).toMatchObject({ error: { message: expect.stringContaining(phrase) } });
  expect(await savedBytes(target.dataFile)).toEqual(before);
}

describe('a bundle carries the change log, and an import verifies it before its preview', () => {
  it('exports every entry (archive then journal) with the chain mark on the last, and a fresh data folder previews it as verified without taking its entries', async () => {
    const source = await sourceWithHistory();
    const file = await exportBundle(source, await makeDir());
    const entries = await zipEntries(file);
    const logged = readLines(entries.get('change-log.jsonl')!).lines.map((line) => line.entry!);
    expect(logged.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(logged.map((e) => [e.op, e.recordId])).toEqual([
      ['create', source.first.id],
      ['create', source.second.id],
      ['update', source.second.id],
    ]);
    const payload = JSON.parse(entries.get('park-desk-export.json')!.toString('utf8')) as { chain: unknown };
    expect(payload.chain).toEqual({ seq: 3, hash: logged[2]!.hash });
    expect(await source.services.store.verifyHistory()).toMatchObject({ ok: true, entries: 3, lastHash: logged[2]!.hash });

    const target = await openExchangeFolder(await makeDir());
    const preview = previewed(await importInto(target, file));
    expect(preview.changeLog).toEqual({ verified: true, entries: 3 });
    expect(preview.proposals.added.map((r) => r.id).sort()).toEqual([source.first.id, source.second.id].sort());
    value(await target.api.applyImport({ importId: preview.importId }));
    // The import is this computer's own entry; the exported entries are not appended to its chain.
    const here = await target.services.store.chainForExport();
    expect(here.entries.map((e) => [e.seq, e.op, e.reason])).toEqual([[1, 'replace-all', expect.any(String)]]);
    expect(await target.services.store.verifyHistory()).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses a bundle with one byte changed in an entry of its change log, naming that change, and changes nothing', async () => {
    const source = await sourceWithHistory();
    const file = await exportBundle(source, await makeDir());
    const entries = await zipEntries(file);
    const log = Buffer.from(entries.get('change-log.jsonl')!);
    const second = readLines(log).lines[1]!;
    const at = log.indexOf('Lahore Arfa', second.offset);
    expect(at).toBeGreaterThan(second.offset);
    expect(at).toBeLessThan(second.offset + second.length);
    log[at] = 'M'.charCodeAt(0); // "Mahore": still a valid entry, no longer its hash
    entries.set('change-log.jsonl', log);
    await writeZip(file, entries);
    await expectRefused(file, `The change log in this export does not verify from change 2 (proposal \u2068${source.second.id}\u2069`, 'it was changed after it was exported. Nothing was imported.');
  });

  it('refuses a bundle whose chain mark is not the last entry of its change log, or whose record is not the one its latest entry saved', async () => {
    const source = await sourceWithHistory();
    const file = await exportBundle(source, await makeDir());
    const entries = await zipEntries(file);
    const exported = entries.get('park-desk-export.json')!.toString('utf8');
    const payload = JSON.parse(exported) as { chain: { seq: number; hash: string }; data: { proposals: Proposal[] } };
    const logged = readLines(entries.get('change-log.jsonl')!).lines.map((line) => line.entry!);

    // The records marked as standing at change 2 (as if the last change were cut from the log's end... or added to the records).
    await writeZip(file, new Map([...entries, ['park-desk-export.json', Buffer.from(JSON.stringify({ ...payload, chain: { seq: 2, hash: logged[1]!.hash } }))]]));
    await expectRefused(file, 'The change log in this export does not verify from change 3', 'the export says its records stand at change 2');

    // The log as exported, but a record edited in the export's JSON.
    const edited = structuredClone(payload);
    edited.data.proposals.find((p) => p.id === source.second.id)!.fields.title = 'Lahore Arfa Tower annexe (phase 3)';
    await writeZip(file, new Map([...entries, ['park-desk-export.json', Buffer.from(JSON.stringify(edited))]]));
    await expectRefused(file, 'does not verify from change 3', 'the proposal it saved is not the one in the export');
  });

  it('still imports a bundle written before it carried a change log, saying there is none to verify', async () => {
    const source = await sourceWithHistory();
    const file = await exportBundle(source, await makeDir());
    const entries = await zipEntries(file);
    entries.delete('change-log.jsonl');
    await writeZip(file, entries);
    const target = await openExchangeFolder(await makeDir());
    const preview = previewed(await importInto(target, file));
    expect(preview.changeLog).toEqual({ verified: false });
    value(await target.api.applyImport({ importId: preview.importId }));
    expect((value(await target.api.getProposal({ id: source.second.id })) as Proposal).fields.title).toBe('Lahore Arfa Tower annexe (phase 2)');
  });
});
