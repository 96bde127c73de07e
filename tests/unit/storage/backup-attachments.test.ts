import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParkServices } from '../../../electron/services/park-services';
import { AttachmentStore } from '../../../electron/services/storage/attachment-store';
import { BackupShelf } from '../../../electron/services/storage/backups';
import { nodeStorageFs, type StorageFs } from '../../../electron/services/storage/storage-fs';
import type { Attachment } from '../../../shared/domain/attachment';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Result } from '../../../shared/api/result';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function movingClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** Node's fs, counting the files opened for writing on the backups' attachment shelf. */
function countingFs(): StorageFs & { shelfWrites: string[] } {
  const shelfWrites: string[] = [];
  const shelf = `${path.sep}backups${path.sep}attachments${path.sep}`;
  return {
    ...nodeStorageFs,
    shelfWrites,
    open: (file, flags, mode) => {
      if (flags.startsWith('w') && file.includes(shelf) && !file.includes(`${path.sep}refs${path.sep}`)) shelfWrites.push(file);
      return nodeStorageFs.open(file, flags, mode);
    },
  };
}

/** Puts a file in the data folder's store and returns the attachment a record keeps of it. */
async function addAttachment(dataDir: string, name: string, text: string): Promise<Attachment> {
  const source = path.join(await makeDir(), name);
  await writeFile(source, text);
  const { sha256, sizeBytes } = await new AttachmentStore(dataDir).add(source);
  return { id: crypto.randomUUID(), kind: 'other', name, sizeBytes, sha256, mediaType: 'application/pdf', addedBy: 'Ayesha', addedAt: '2026-11-25T09:00:00.000Z' };
}

async function openWithProposal(dir: string, fs?: StorageFs) {
  const clock = movingClock('2026-11-25T05:00:00.000Z');
  const services = await openParkServices({ dataDir: dir, appVersion: 't', clock, ...(fs ? { storageFs: fs } : {}) });
  const proposal = value(await apiOf(services).createProposal({ fields: { referenceNumber: 'FSD-1', title: 'فیصل آباد پارک', city: 'Faisalabad', province: 'Punjab' } })) as Proposal;
  const attach = (list: Attachment[]) =>
    services.store.update((db) => {
      db.proposals.find((p) => p.id === proposal.id)!.attachments = list;
    });
  return { services, clock, attach };
}

describe('backups with attachments', () => {
  it('copies an attachment to the shelf once: a second backup copies no unchanged file, a new one only the new file', async () => {
    const dir = await makeDir();
    const fs = countingFs();
    const { services, clock, attach } = await openWithProposal(dir, fs);
    const scan = await addAttachment(dir, 'scan.pdf', '%PDF scan');
    await attach([scan]);
    fs.shelfWrites.length = 0;
    value(await apiOf(services).backUpNow({}));
    expect(fs.shelfWrites).toHaveLength(1);
    const shelf = services.store.backups;
    expect(sha256Of(await readFile(shelf.attachmentPath(scan.sha256)))).toBe(scan.sha256);

    clock.advance(1000);
    fs.shelfWrites.length = 0;
    value(await apiOf(services).backUpNow({}));
    expect(fs.shelfWrites).toEqual([]);

    const minutes = await addAttachment(dir, 'minutes.pdf', '%PDF minutes');
    await attach([scan, minutes]);
    clock.advance(1000);
    fs.shelfWrites.length = 0;
    value(await apiOf(services).backUpNow({}));
    expect(fs.shelfWrites.map((f) => path.basename(f).slice(0, 64))).toEqual([minutes.sha256]);
    await services.close();
  });

  it('rotation removes from the shelf only files that no remaining backup refers to', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const hashOf = async (text: string) => {
      const file = path.join(await makeDir(), 'f');
      await writeFile(file, text);
      return (await store.add(file)).sha256;
    };
    const [old, current, manualOnly] = [await hashOf('old offer letter'), await hashOf('current scan'), await hashOf('kept by a manual backup')];
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    const shelf = new BackupShelf(dir, clock);
    const bytes = (n: number) => Buffer.from(`{"proposals":[{"n":${n}}],"mous":[]}`);
    await shelf.take('session', bytes(0), [old, current]);
    clock.advance(1000);
    await shelf.take('manual', bytes(1), [manualOnly]);
    const onShelf = async (sha256: string) => readFile(shelf.attachmentPath(sha256)).then(() => true, () => false);
    expect([await onShelf(old), await onShelf(current), await onShelf(manualOnly)]).toEqual([true, true, true]);
    // Ten more sessions push the first out (10 are kept); none of them refers to `old`.
    for (let n = 2; n < 12; n += 1) {
      clock.advance(1000);
      await shelf.take('session', bytes(n), [current]);
      if (n < 11) expect(await onShelf(old), `after session ${n}`).toBe(true);
    }
    expect((await shelf.list()).filter((b) => b.kind === 'session')).toHaveLength(10);
    expect([await onShelf(old), await onShelf(current), await onShelf(manualOnly)]).toEqual([false, true, true]);
  });

  it('a backup from before the lists of hashes keeps the files its bytes name, and gets its list written once', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const file = path.join(await makeDir(), 'f');
    await writeFile(file, 'minutes of the Board');
    const { sha256 } = await store.add(file);
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    const shelf = new BackupShelf(dir, clock);
    await shelf.take('manual', Buffer.from('{"proposals":[{"n":0}],"mous":[]}'), [sha256]);
    // An older backup, written by hand as an earlier version would have: no list beside it.
    const older = 'park-desk-data.manual.20261001T050000000Z.0badc0de.json';
    await writeFile(path.join(shelf.folder, older), `{"proposals":[{"attachments":[{"sha256":"${sha256}"}]}],"mous":[]}`);
    await rm(path.join(shelf.attachmentsFolder, 'refs', `${(await shelf.list()).find((b) => b.id !== older)!.id}.txt`));
    clock.advance(1000);
    await shelf.take('manual', Buffer.from('{"proposals":[{"n":1}],"mous":[]}'), []);
    expect(sha256Of(await readFile(shelf.attachmentPath(sha256)))).toBe(sha256);
    expect(await readFile(path.join(shelf.attachmentsFolder, 'refs', `${older}.txt`), 'utf8')).toBe(sha256);
  });

  it('a restore re-hashes the attachments its records refer to, copies back from the backups what the data folder lost, and names what is changed', async () => {
    const dir = await makeDir();
    const { services, attach } = await openWithProposal(dir);
    const lost = await addAttachment(dir, 'دستخط شدہ مفاہمت نامہ.pdf', '%PDF signed MoU');
    const damaged = await addAttachment(dir, 'site-visit.jpg', 'JPEG site visit');
    await attach([lost, damaged]);
    const backup = value(await apiOf(services).backUpNow({}));
    const store = new AttachmentStore(dir);
    await rm(store.pathOf(lost.sha256));
    // Changed in the data folder, and its backup copy gone too: nothing good is left to copy back.
    await writeFile(store.pathOf(damaged.sha256), 'JPEG site visiT');
    await rm(services.store.backups.attachmentPath(damaged.sha256));

    const restored = value(await apiOf(services).restoreBackup({ backupId: backup.id }));
    expect(restored.attachments).toEqual({
      checked: 2,
      copiedBack: 1,
      problems: [{ name: 'site-visit.jpg', record: 'FSD-1 — فیصل آباد پارک', sha256: damaged.sha256, problem: 'changed' }],
    });
    expect(await store.verify(lost.sha256)).toBe('ok');
    expect(await store.verify(damaged.sha256)).toBe('changed');
    await services.close();
  });
});
