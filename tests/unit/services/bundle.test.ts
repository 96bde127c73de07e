import { savedBytes } from '../../support/saved-data';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yazl from 'yazl';
import { DATA_FILE_NAME } from '../../../electron/services/park-services';
import { AttachmentStore } from '../../../electron/services/storage/attachment-store';
import { exportText } from '../../../electron/services/exchange/export-file';
import type { Attachment } from '../../../shared/domain/attachment';
import type { Proposal } from '../../../shared/domain/proposal';
import { value, openExchangeFolder, exportBundle, zipEntries, previewed, importInto, type ExchangeFolder } from '../../support/bundle-exchange';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();
const URDU_TITLE = 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک';
const URDU_FILE = 'دستخط شدہ مفاہمت نامہ.pdf';
const PDF = Buffer.from('%PDF-1.4\n% signed MoU scan, Faisalabad\n' + 'x'.repeat(5000) + '\n%%EOF\n');
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A proposal with an Urdu title and one attachment put in the store, as the attachments screen would. */
async function sourceWithAttachment() {
  const source = await openExchangeFolder(await makeDir());
  const proposal = value(await source.api.createProposal({ fields: { referenceNumber: 'FSD-1', title: URDU_TITLE, city: 'Faisalabad', province: 'Punjab' } })) as Proposal;
  const scan = path.join(await makeDir(), URDU_FILE);
  await writeFile(scan, PDF);
  const added = await new AttachmentStore(source.dir).add(scan);
  const attachment: Attachment = { id: '3f1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', kind: 'signed-mou', name: URDU_FILE, sizeBytes: added.sizeBytes, sha256: added.sha256, mediaType: 'application/pdf', addedBy: 'عائشہ', addedAt: '2026-11-25T09:00:00.000Z' };
  await source.services.store.update((db) => {
    db.proposals.find((p) => p.id === proposal.id)!.attachments = [attachment];
  });
  return { ...source, proposal, attachment };
}

describe('export everything as a bundle', () => {
  it('writes records, manifest and attachments in one zip, and imports it into a fresh data folder with the same hash and Urdu intact', async () => {
    const source = await sourceWithAttachment();
    const file = await exportBundle(source, await makeDir());
    expect(source.dialogs.asked[0]).toMatchObject({ kind: 'save', defaultName: 'park-desk-export-2026-11-25.parkdesk.zip' });
    const entries = await zipEntries(file);
    const sha = source.attachment.sha256;
    expect([...entries.keys()].sort()).toEqual(['attachments/' + sha, 'change-log.jsonl', 'manifest.json', 'park-desk-export.json']);
    expect(sha256Of(entries.get('attachments/' + sha)!)).toBe(sha);
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toMatchObject({ format: 'park-desk-bundle', formatVersion: 1, attachments: [{ sha256: sha, sizeBytes: PDF.length }] });
    expect(JSON.parse(entries.get('park-desk-export.json')!.toString('utf8'))).toMatchObject({ format: 'park-desk-export', data: { proposals: [{ fields: { title: URDU_TITLE }, attachments: [{ name: URDU_FILE }] }] } });

    const target = await openExchangeFolder(await makeDir());
    const preview = previewed(await importInto(target, file));
    expect(preview.proposals.added).toEqual([{ id: source.proposal.id, label: `FSD-1 — ${URDU_TITLE}` }]);
    // Verified in the preview, copied only when applied.
    const targetStore = new AttachmentStore(target.dir);
    expect(await targetStore.has(sha)).toBe(false);
    value(await target.api.applyImport({ importId: preview.importId }));
    expect(await targetStore.verify(sha)).toBe('ok');
    expect(await readFile(targetStore.pathOf(sha))).toEqual(PDF);
    const imported = value(await target.api.getProposal({ id: source.proposal.id })) as Proposal;
    expect(imported.fields.title).toBe(URDU_TITLE);
    expect(imported.attachments).toEqual([source.attachment]);
  });

  it('refuses a bundle whose attachment had a byte changed, naming it, and changes nothing', async () => {
    const source = await sourceWithAttachment();
    const file = await exportBundle(source, await makeDir());
    // Attachments are stored, not deflated: their bytes are in the zip as they are.
    const zip = await readFile(file);
    const at = zip.indexOf(PDF);
    expect(at).toBeGreaterThan(0);
    zip[at + 100] = zip[at + 100]! ^ 0x01;
    await writeFile(file, zip);

    const target = await openExchangeFolder(await makeDir());
    value(await target.api.updateSettings({ officialName: 'Bilal' }));
    const before = await savedBytes(path.join(target.dir, DATA_FILE_NAME));
    const result = await importInto(target, file);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(`The attachment “\u2068${URDU_FILE}\u2069” of \u2068FSD-1 — ${URDU_TITLE}\u2069 was changed after the export`) } });
    expect(result).toMatchObject({ error: { message: expect.stringContaining('nothing was changed') } });
    expect(await savedBytes(path.join(target.dir, DATA_FILE_NAME))).toEqual(before);
    expect(await new AttachmentStore(target.dir).list()).toEqual([]);
  });

  it('refuses a bundle with an entry that points outside it (../x) or one it never writes', async () => {
    const target = await openExchangeFolder(await makeDir());
    const before = await savedBytes(path.join(target.dir, DATA_FILE_NAME));
    for (const [name, expected] of [
      ['../x', 'It holds a file named “../x”, which points outside the bundle'],
      ['notes.txt', 'It holds a file named “notes.txt”, which Park Desk never puts in a bundle'],
    ] as const) {
      // yazl itself refuses "../x"; it is written as "aa/x" and renamed in the bytes (same length).
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from(exportText({ schemaVersion: 1, settings: { officialName: '' }, proposals: [], mous: [] }, '2026-11-25T10:00:00.000Z', '1.2.3')), 'park-desk-export.json');
      zip.addBuffer(Buffer.from('evil'), name === '../x' ? 'aa/x' : name);
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      let bytes = Buffer.concat(chunks);
      if (name === '../x') bytes = Buffer.from(bytes.toString('latin1').replaceAll('aa/x', '../x'), 'latin1');
      const file = path.join(await makeDir(), 'bad.parkdesk.zip');
      await writeFile(file, bytes);
      const result = await importInto(target, file);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(expected) } });
      expect(await savedBytes(path.join(target.dir, DATA_FILE_NAME))).toEqual(before);
    }
  });

  it('refuses a bundle (or a JSON file) whose record refers to an attachment that is not in it nor here', async () => {
    const source = await sourceWithAttachment();
    const json = path.join(await makeDir(), 'old-export.json');
    await writeFile(json, exportText(source.services.store.data, '2026-11-25T10:00:00.000Z', '1.2.3'));
    const target = await openExchangeFolder(await makeDir());
    expect(await importInto(target, json)).toMatchObject({ ok: false, error: { message: expect.stringContaining(`The attachment “\u2068${URDU_FILE}\u2069” of \u2068FSD-1 — ${URDU_TITLE}\u2069 is neither in the file nor in this data folder`) } });
    // The same file imported where the attachment is already in the store: accepted.
    const here = await openExchangeFolder(await makeDir());
    await new AttachmentStore(here.dir).add(new AttachmentStore(source.dir).pathOf(source.attachment.sha256));
    expect(await importInto(here, json)).toMatchObject({ ok: true, value: { cancelled: false } });
  });

  it('refuses to export when an attachment is missing or changed in the data folder, naming it, and leaves no file behind', async () => {
    const source = await sourceWithAttachment();
    const stored = new AttachmentStore(source.dir).pathOf(source.attachment.sha256);
    const folder = await makeDir();
    for (const [harm, expected] of [
      [() => writeFile(stored, Buffer.concat([PDF.subarray(0, 10), Buffer.from('X'), PDF.subarray(11)])), 'its bytes no longer match its SHA-256'],
      [() => rm(stored), 'missing from the data folder'],
    ] as const) {
      await harm();
      source.dialogs.savePaths.push(path.join(folder, 'export.parkdesk.zip'));
      expect(await source.services.dispatch('exportAll', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`• “\u2068${URDU_FILE}\u2069” of \u2068FSD-1 — ${URDU_TITLE}\u2069: ${expected}`) } });
      expect(await readdir(folder)).toEqual([]);
    }
  });

  it('refuses to apply when the bundle changed after its preview: no record added, no file left under the hash', async () => {
    const source = await sourceWithAttachment();
    const file = await exportBundle(source, await makeDir());
    const target = await openExchangeFolder(await makeDir());
    const preview = previewed(await importInto(target, file));
    const zip = await readFile(file);
    const at = zip.indexOf(PDF) + 7;
    zip[at] = zip[at]! ^ 0x01;
    await writeFile(file, zip);
    expect(await target.services.dispatch('applyImport', { importId: preview.importId })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('changed in the bundle since the preview') },
    });
    expect(value(await target.api.listProposals({}))).toEqual([]);
    expect(await new AttachmentStore(target.dir).list()).toEqual([]);
  });

  it('still imports a plain JSON export made before bundles', async () => {
    const source = await openExchangeFolder(await makeDir());
    const proposal = value(await source.api.createProposal({ fields: { referenceNumber: 'OLD-1', title: URDU_TITLE, city: 'Lahore', province: 'Punjab' } })) as Proposal;
    const json = path.join(await makeDir(), 'park-desk-export-2026-01-01.json');
    await writeFile(json, exportText(source.services.store.data, '2026-01-01T10:00:00.000Z', '0.1.0'));
    const target = await openExchangeFolder(await makeDir());
    const preview = previewed(await importInto(target, json));
    expect(preview).toMatchObject({ exportedAt: '2026-01-01T10:00:00.000Z', proposals: { added: [{ id: proposal.id }] } });
    value(await target.api.applyImport({ importId: preview.importId }));
    expect(value(await target.api.getProposal({ id: proposal.id }))).toEqual(proposal);
  });
});
