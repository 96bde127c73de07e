import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openParkServices } from '../../../electron/services/park-services';
import type { FileOpener, OpenDialog } from '../../../electron/services/platform';
import type { Result } from '../../../shared/api/result';
import { database, faisalabadMou, faisalabadProposal, writeDataFolder } from '../../support/mou-data';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function setUp() {
  const root = await makeDir();
  const dataDir = path.join(root, 'data');
  const mou = faisalabadMou();
  await writeDataFolder(dataDir, database({ proposals: [faisalabadProposal()], mous: [mou] }));
  const chosen: string[][] = [];
  const opened: string[] = [];
  const shown: string[] = [];
  const openDialog: OpenDialog = { chooseOpenPath: async () => undefined, chooseOpenPaths: async () => chosen.shift() };
  const fileOpener: FileOpener = { openFile: async (p) => (opened.push(p), ''), showInFolder: (p) => void shown.push(p) };
  const services = await openParkServices({ dataDir, appVersion: 't', platform: { openDialog, fileOpener } });
  return { root, dataDir, mou, services, api: apiOf(services), chosen, opened, shown };
}

describe('attachment services', () => {
  it('adds a chosen file to an MoU, opens a copy under its name, and shows a program only in its folder', async () => {
    const { root, dataDir, mou, services, api, chosen, opened, shown } = await setUp();
    try {
      const scan = path.join(root, 'Signed MoU scan.pdf');
      const exe = path.join(root, 'setup.exe');
      await writeFile(scan, '%PDF-1.4 scan');
      await writeFile(exe, 'MZ');
      chosen.push([scan, exe]);
      const { files } = value(await api.chooseAttachmentFiles({ recordType: 'mou' }));
      expect(files.map((f) => [f.name, f.sizeBytes, f.problem])).toEqual([
        ['Signed MoU scan.pdf', 13, undefined],
        ['setup.exe', 2, undefined],
      ]);
      const added = value(
        await api.addAttachments({
          recordType: 'mou',
          recordId: mou.id,
          expectedUpdatedAt: mou.updatedAt,
          files: [
            { token: files[0]!.token, kind: 'signed-mou', note: 'Original in the file room' },
            { token: files[1]!.token, kind: 'other' },
          ],
        }),
      );
      const [pdf, program] = added.attachments;
      expect(pdf).toMatchObject({ name: 'Signed MoU scan.pdf', kind: 'signed-mou', mediaType: 'application/pdf', addedBy: 'Ayesha Siddiqui', sha256: createHash('sha256').update('%PDF-1.4 scan').digest('hex') });
      expect(value(await api.getMou({ id: mou.id })).attachments).toHaveLength(2);

      expect(value(await api.openAttachment({ recordType: 'mou', recordId: mou.id, attachmentId: pdf!.id }))).toEqual({ action: 'opened' });
      expect(path.basename(opened[0]!)).toBe('Signed MoU scan.pdf');
      expect(opened[0]!.startsWith(path.join(dataDir, 'attachment-views'))).toBe(true);
      expect(await readFile(opened[0]!, 'utf8')).toBe('%PDF-1.4 scan');

      expect(value(await api.openAttachment({ recordType: 'mou', recordId: mou.id, attachmentId: program!.id }))).toEqual({ action: 'shown-in-folder' });
      expect(opened).toHaveLength(1);
      expect(shown).toEqual([services.active().attachments.pathOf(program!.sha256)]);

      // A stale page cannot add: the MoU changed since.
      chosen.push([scan]);
      const again = value(await api.chooseAttachmentFiles({ recordType: 'mou' }));
      const stale = await api.addAttachments({ recordType: 'mou', recordId: mou.id, expectedUpdatedAt: mou.updatedAt, files: [{ token: again.files[0]!.token, kind: 'other' }] });
      expect(stale.ok ? undefined : stale.error.code).toBe('conflict');

      // Remove takes the reference away; the file stays.
      const removed = value(await api.removeAttachment({ recordType: 'mou', recordId: mou.id, attachmentId: program!.id, expectedUpdatedAt: added.updatedAt }));
      expect(removed.attachments.map((a) => a.name)).toEqual(['Signed MoU scan.pdf']);
      expect(await services.active().attachments.has(program!.sha256)).toBe(true);
    } finally {
      await services.close();
    }
  });

  it('attaches to a proposal too, and refuses an archived one', async () => {
    const { root, services, api, chosen } = await setUp();
    try {
      const proposal = faisalabadProposal();
      const letter = path.join(root, 'Offer letter — Sitara.pdf');
      await writeFile(letter, 'offer');
      chosen.push([letter]);
      const { files } = value(await api.chooseAttachmentFiles({ recordType: 'proposal' }));
      const added = value(await api.addAttachments({ recordType: 'proposal', recordId: proposal.id, expectedUpdatedAt: proposal.updatedAt, files: [{ token: files[0]!.token, kind: 'offer-letter' }] }));
      expect(value(await api.getProposal({ id: proposal.id })).attachments).toEqual(added.attachments);
      const archived = value(await api.archiveProposal({ id: proposal.id }));
      chosen.push([letter]);
      const again = value(await api.chooseAttachmentFiles({ recordType: 'proposal' }));
      const refused = await api.addAttachments({ recordType: 'proposal', recordId: proposal.id, expectedUpdatedAt: archived.updatedAt, files: [{ token: again.files[0]!.token, kind: 'other' }] });
      expect(refused.ok ? undefined : refused.error.message).toBe('This proposal is archived; restore it before changing its attachments.');
    } finally {
      await services.close();
    }
  });

  it('names a file over 50 MB with its size, refuses a token it never gave, and verifies what the records refer to', async () => {
    const { root, mou, services, api, chosen } = await setUp();
    try {
      const big = path.join(root, 'Site photos.zip');
      await writeFile(big, '');
      await (await import('node:fs/promises')).truncate(big, 61_000_000);
      chosen.push([big]);
      const { files } = value(await api.chooseAttachmentFiles({ recordType: 'proposal' }));
      expect(files[0]!.problem).toBe('Site photos.zip is 61 MB; attachments can be at most 50 MB each.');
      const unknown = await api.addAttachments({ recordType: 'mou', recordId: mou.id, expectedUpdatedAt: mou.updatedAt, files: [{ token: files[0]!.token, kind: 'other' }] });
      expect(unknown.ok ? undefined : unknown.error.code).toBe('forbidden');

      const scan = path.join(root, 'scan.pdf');
      await writeFile(scan, 'scan bytes');
      const staged = value(await api.stageDroppedFiles({ paths: [scan] }));
      const added = value(await api.addAttachments({ recordType: 'mou', recordId: mou.id, expectedUpdatedAt: mou.updatedAt, files: [{ token: staged.files[0]!.token, kind: 'signed-mou' }] }));
      const { references } = value(await api.getAttachmentReferences({}));
      expect(references).toEqual([expect.objectContaining({ recordLabel: 'MoU PSEB-STP-FSD-2021-01', name: 'scan.pdf', sha256: added.attachments[0]!.sha256 })]);
      const sha = added.attachments[0]!.sha256;
      expect(value(await api.verifyAttachmentFiles({ sha256: [sha] })).outcomes).toEqual({ [sha]: 'ok' });
      await writeFile(services.active().attachments.pathOf(sha), 'scan bytez');
      expect(value(await api.verifyAttachmentFiles({ sha256: [sha] })).outcomes).toEqual({ [sha]: 'changed' });
      const refused = await api.openAttachment({ recordType: 'mou', recordId: mou.id, attachmentId: added.attachments[0]!.id });
      expect(refused.ok ? undefined : refused.error.message).toBe('scan.pdf was not opened: the stored file has changed since it was added. Run Verify attachments under Data.');
    } finally {
      await services.close();
    }
  });
});
