import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParkStore } from '../../../electron/services/storage/park-store';
import { historyPathOf, journalPathOf, readJournal } from '../../../electron/services/storage/journal';
import type { Database } from '../../../shared/domain/database';
import type { Proposal } from '../../../shared/domain/proposal';
import { PowerCutFs, type DiskImage } from '../../support/power-cut-fs';
import { proposal, mou, PARTY_B } from '../../support/merge-records';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const DIR = path.resolve('/park-desk-data');
const FILE = path.join(DIR, 'park-desk-data.json');
const JOURNAL = journalPathOf(FILE);
/** Another process's lock left by the power cut: judged gone, so the reopen may take it. */
const afterPowerCut = { processProbe: { self: () => ({}), check: () => 'gone' as const } };
const clock = { now: () => new Date('2026-11-27T10:00:00.000Z') };

function idOf(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function addProposal(db: Database, n: number): void {
  db.proposals.push(proposal({ id: idOf(n) }, { referenceNumber: `REF-${n}`, title: `Park ${n} اردو` }));
}

/** The data as a reopen must find it: records and settings (the mark is compared separately). */
function records(db: Readonly<Database>) {
  return { settings: db.settings, proposals: db.proposals, mous: db.mous };
}

async function reopen(image: DiskImage): Promise<{ store: ParkStore; fs: PowerCutFs }> {
  // After a power cut no process holds the file: a lock caught half-written is not what is tested here.
  const fs = new PowerCutFs(new Map([...image].filter(([file]) => !file.includes('.lock'))));
  await fs.mkdir(DIR);
  return { store: await ParkStore.open(FILE, { fs, ...afterPowerCut }), fs };
}

describe('the journal under the store', () => {
  it('appends each save (not the data file) and replays them on open, in order', async () => {
    const fs = new PowerCutFs();
    await fs.mkdir(DIR);
    const store = await ParkStore.open(FILE, { fs, clock });
    await store.update((db) => void (db.settings.officialName = 'Ayesha Khan'));
    for (let n = 1; n <= 3; n += 1) await store.update((db) => addProposal(db, n));
    await store.update((db) => void (db.proposals[1]!.fields.grossAreaSqFt = 25000));
    // One save touching two records: one append, two entries.
    await store.update((db) => {
      db.proposals[0]!.fields.notes = 'نوٹ';
      db.mous.push(mou({}, { proposalId: idOf(1) }));
    });
    const dataFileWrites = fs.images.filter((i) => i.after.endsWith(`-> ${FILE}`));
    expect(dataFileWrites.map((w) => w.after), 'the data file is not written by a save').toEqual([]);

    const { store: reopened } = await reopen(fs.powerCut());
    expect(records(reopened.data)).toEqual(records(store.data));
    expect(reopened.lastEntry).toEqual(store.lastEntry);
    expect(reopened.lastEntry.seq).toBe(7);
    expect(await reopened.verifyHistory()).toEqual({ ok: true, entries: 7, lastHash: store.lastEntry.hash });
    const area = await reopened.changesOf('proposal', idOf(2));
    expect(area.map((e) => e.op)).toEqual(['create', 'update']);
    expect(area[1]).toMatchObject({ by: 'Ayesha Khan', at: '2026-11-27T10:00:00.000Z', changes: [{ field: 'fields.grossAreaSqFt', before: 19500, after: 25000 }] });
    await reopened.close();
    await store.close();
  });

  it('drops a torn last entry (a power cut mid-append), keeping a copy aside, and goes on from the entry before', async () => {
    const fs = new PowerCutFs();
    await fs.mkdir(DIR);
    const store = await ParkStore.open(FILE, { fs, clock });
    for (let n = 1; n <= 3; n += 1) await store.update((db) => addProposal(db, n));
    const complete = fs.powerCut();
    await store.update((db) => addProposal(db, 4));
    const journal = fs.powerCut().get(JOURNAL)!;
    const lastLine = journal.subarray(complete.get(JOURNAL)!.length);
    await store.close();

    for (const [name, torn] of [
      ['cut short', Buffer.concat([complete.get(JOURNAL)!, lastLine.subarray(0, lastLine.length >> 1)])],
      // Complete line, garbled contents: its hash does not match.
      ['garbled', Buffer.concat([complete.get(JOURNAL)!, Buffer.from(lastLine.toString('utf8').replace('REF-4', 'REF-5'))])],
      // The first entry of a two-record save, without the second: the save is dropped whole.
      ['half a save', Buffer.concat([complete.get(JOURNAL)!, Buffer.from(lastLine.toString('utf8').replace('"prev"', '"more":true,"prev"'))])],
    ] as const) {
      const image = new Map(complete);
      image.set(JOURNAL, torn);
      const { store: opened, fs: after } = await reopen(image);
      expect(opened.problem, name).toBeUndefined();
      expect(opened.data.proposals.map((p) => p.fields.referenceNumber), name).toEqual(['REF-1', 'REF-2', 'REF-3']);
      const aside = [...after.powerCut().keys()].filter((f) => f.endsWith('.journal') && f.includes('set-aside'));
      expect(aside, name).toHaveLength(1);
      expect(after.powerCut().get(aside[0]!), name).toEqual(torn);
      expect(after.powerCut().get(JOURNAL), name).toEqual(complete.get(JOURNAL));
      // The chain goes on from the entry before the torn one.
      await opened.update((db) => addProposal(db, 9));
      expect(await opened.verifyHistory(), name).toMatchObject({ ok: true, entries: 4 });
      const { store: again } = await reopen(after.powerCut());
      expect(again.data.proposals.map((p) => p.fields.referenceNumber), name).toEqual(['REF-1', 'REF-2', 'REF-3', 'REF-9']);
      await again.close();
      await opened.close();
    }
  });

  it('keeps every acknowledged save, whatever moment the power is cut (saves, compactions, a restore)', async () => {
    const fs = new PowerCutFs();
    await fs.mkdir(DIR);
    const store = await ParkStore.open(FILE, { fs, clock });
    /** After each acknowledged step: the image index from which it must survive, and the data then. */
    const acknowledged: { from: number; data: ReturnType<typeof records>; what: string }[] = [];
    const ack = (what: string) => acknowledged.push({ from: fs.images.length, data: structuredClone(records(store.data)), what });
    for (let n = 1; n <= 3; n += 1) {
      await store.update((db) => addProposal(db, n));
      ack(`save ${n}`);
    }
    expect(await store.compactNow()).toBe(true);
    ack('compaction');
    await store.update((db) => void (db.proposals[0]!.fields.title = 'Renamed'));
    ack('edit');
    await store.replaceAll({ schemaVersion: 1, settings: { officialName: 'Restored' }, proposals: [proposal({ id: idOf(7) })], mous: [] }, 'before-restore');
    ack('restore');
    await store.update((db) => addProposal(db, 8));
    ack('save after restore');
    await store.close();
    ack('close');

    let checked = 0;
    for (let index = 0; index < fs.images.length; index += 1) {
      const image = fs.images[index]!;
      const expected = acknowledged.filter((a) => a.from <= index + 1).at(-1);
      for (const view of ['durable', 'metadataFirst'] as const) {
        const label = `power cut after "${image.after}" (${view}), last acknowledged: ${expected?.what ?? 'nothing'}`;
        const { store: opened } = await reopen(image[view]);
        expect(opened.problem, label).toBeUndefined();
        const data = records(opened.data);
        if (expected) {
          // What was acknowledged is there; a later step made durable before it was acknowledged may be too.
          const later = acknowledged.filter((a) => a.from > index + 1).map((a) => a.data);
          expect([expected.data, ...later], label).toContainEqual(data);
        }
        expect(await opened.verifyHistory(), label).toMatchObject({ ok: true });
        await opened.close();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('carries each record\'s history and the chain across compactions (the history archive)', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'park-desk-data.json');
    // A journal this small is compacted after nearly every save.
    const store = await ParkStore.open(file, { clock, compactAfterBytes: 1500 });
    await store.update((db) => void (db.settings.officialName = 'Ayesha Khan'));
    await store.update((db) => void db.mous.push(mou()));
    for (const name of ['Host University', 'Host University (Main Campus)', 'جامعہ']) {
      await store.update((db) => void (db.mous[0]!.fields.parties[1]!.name = name));
      await store.compactNow();
    }
    await store.close();
    const reopened = await ParkStore.open(file, { clock });
    expect(JSON.parse(await readFile(file, 'utf8')).journal).toEqual({ seq: 5, hash: reopened.lastEntry.hash });
    const history = await reopened.changesOf('mou', mou().id);
    expect(history.map((e) => [e.seq, e.op])).toEqual([[2, 'create'], [3, 'update'], [4, 'update'], [5, 'update']]);
    expect(history.slice(1).map((e) => e.changes)).toEqual([
      [{ field: `fields.parties.${PARTY_B}.name`, before: 'Host', after: 'Host University' }],
      [{ field: `fields.parties.${PARTY_B}.name`, before: 'Host University', after: 'Host University (Main Campus)' }],
      [{ field: `fields.parties.${PARTY_B}.name`, before: 'Host University (Main Campus)', after: 'جامعہ' }],
    ]);
    expect(await reopened.verifyHistory()).toMatchObject({ ok: true, entries: 5 });
    await reopened.close();
  });
});

describe('Verify history', () => {
  /** A folder with 6 entries: 4 in the archive (compacted), 2 in the journal. */
  async function folderWithHistory(): Promise<{ file: string; hashes: string[] }> {
    const file = path.join(await makeDir(), 'park-desk-data.json');
    const store = await ParkStore.open(file, { clock });
    for (let n = 1; n <= 4; n += 1) await store.update((db) => addProposal(db, n));
    await store.compactNow();
    await store.update((db) => void (db.proposals[2]!.fields.city = 'Multan'));
    await store.update((db) => void (db.proposals[3]!.fields.city = 'Sialkot'));
    // Leave the journal as it is: simulate a closed app whose last saves are in the journal.
    const hashes = [...readJournal(await readFile(historyPathOf(file))).entries, ...readJournal(await readFile(journalPathOf(file))).entries].map((e) => e.hash);
    await store.close();
    // close() compacted: put the last two saves back in the journal, as a crash would have left them.
    return { file, hashes };
  }

  async function verifyAfter(file: string, tamper: () => Promise<void>) {
    await tamper();
    const store = await ParkStore.open(file, { clock });
    const result = await store.verifyHistory();
    await store.close();
    return result;
  }

  it('passes an untouched history', async () => {
    const { file, hashes } = await folderWithHistory();
    expect(await verifyAfter(file, async () => undefined)).toEqual({ ok: true, entries: 6, lastHash: hashes[5] });
  });

  it('names the entry when one byte of an old entry is changed', async () => {
    const { file } = await folderWithHistory();
    const history = historyPathOf(file);
    const result = await verifyAfter(file, async () => {
      const text = await readFile(history, 'utf8');
      await writeFile(history, text.replace('REF-2', 'REF-8'));
    });
    expect(result).toMatchObject({ ok: false, seq: 2, recordKind: 'proposal', recordId: idOf(2), message: expect.stringContaining('do not match its hash') });
  });

  it('names an entry that can no longer be read at all', async () => {
    const { file } = await folderWithHistory();
    const history = historyPathOf(file);
    const result = await verifyAfter(file, async () => {
      const text = await readFile(history, 'utf8');
      const at = text.indexOf('"seq":3');
      await writeFile(history, `${text.slice(0, at)}#${text.slice(at + 1)}`);
    });
    expect(result).toMatchObject({ ok: false, seq: 3, message: expect.stringContaining('Change 3 is missing or cannot be read') });
  });

  it("names the entry whose hash the data file records, when one byte of that hash is changed", async () => {
    const { file } = await folderWithHistory();
    const result = await verifyAfter(file, async () => {
      const db = JSON.parse(await readFile(file, 'utf8')) as Database;
      const hash = db.journal!.hash;
      db.journal!.hash = `${hash[0] === 'a' ? 'b' : 'a'}${hash.slice(1)}`;
      await writeFile(file, JSON.stringify(db));
    });
    expect(result).toMatchObject({ ok: false, seq: 6, recordKind: 'proposal', recordId: idOf(4), message: expect.stringContaining('the hash it records for that change does not match') });
  });

  it('names a changed entry still in the journal (not yet compacted)', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'park-desk-data.json');
    const fs = new PowerCutFs();
    await fs.mkdir(dir);
    const store = await ParkStore.open(file, { fs, clock });
    for (let n = 1; n <= 3; n += 1) await store.update((db) => addProposal(db, n));
    const image = fs.powerCut();
    await store.close();
    const journal = image.get(journalPathOf(file))!.toString('utf8');
    image.set(journalPathOf(file), Buffer.from(journal.replace('Park 2', 'Park 7')));
    const opened = await ParkStore.open(file, { fs: new PowerCutFs(image), ...afterPowerCut });
    expect(await opened.verifyHistory()).toMatchObject({ ok: false, seq: 2, recordId: idOf(2) });
    await opened.close();
  });
});

describe('a restore or import in the change log', () => {
  it('is one replace-all entry, chained, after which the journal starts afresh', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'park-desk-data.json');
    const store = await ParkStore.open(file, { clock });
    await store.update((db) => addProposal(db, 1));
    const { safetyBackup } = await store.replaceAll({ schemaVersion: 1, settings: { officialName: 'Bilal' }, proposals: [proposal({ id: idOf(5) }) as Proposal], mous: [] }, 'before-import');
    expect(safetyBackup).toBeDefined();
    const entries = await store.changesOf('database', 'database');
    expect(entries).toMatchObject([{ seq: 2, op: 'replace-all', reason: 'before-import', changes: [{ field: 'proposals', before: 1, after: 1 }, { field: 'mous', before: 0, after: 0 }] }]);
    expect(await readFile(journalPathOf(file), 'utf8')).toBe('');
    expect(JSON.parse(await readFile(file, 'utf8')).journal).toEqual({ seq: 2, hash: entries[0]!.hash });
    await store.update((db) => addProposal(db, 6));
    expect(await store.verifyHistory()).toMatchObject({ ok: true, entries: 3 });
    await store.close();
    expect((await readdir(dir)).filter((n) => n.includes('set-aside'))).toEqual([]);
  });
});
