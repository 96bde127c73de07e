import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { AttachmentReference, StagedFile } from '../../shared/api/calls/attachment-calls';
import { ApiFailure } from '../../shared/api/result';
import { VIEWABLE_MEDIA_TYPES, mediaTypeOf, openPolicyOf, tooLargeMessage, type Attachment, MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment';
import type { Database } from '../../shared/domain/database';
import type { Mou } from '../../shared/domain/mou';
import type { Proposal } from '../../shared/domain/proposal';
import type { Clock, FileOpener, OpenDialog } from './platform';
import { nextUpdatedAt } from './record-stamp';
import { AttachmentStore, AttachmentTooLargeError } from './storage/attachment-store';
import { draftOfRecord } from './storage/drafts';
import type { ParkStore } from './storage/park-store';

type AttachmentCalls =
  | 'chooseAttachmentFiles'
  | 'stageDroppedFiles'
  | 'addAttachments'
  | 'removeAttachment'
  | 'openAttachment'
  | 'showAttachmentInFolder'
  | 'getAttachmentReferences'
  | 'verifyAttachmentFiles';

type RecordType = 'proposal' | 'mou';

/** The most recent files shown to main that can still be attached by token. */
const REMEMBERED_FILES = 500;

/** Files the official chose or dropped this session, by token: the only files addAttachments will copy. */
class StagedFiles {
  private readonly byToken = new Map<string, string>();

  async stage(filePath: string): Promise<StagedFile> {
    const token = randomUUID();
    const name = path.basename(filePath);
    const info = await stat(filePath).catch(() => undefined);
    if (!info) return { token, name, sizeBytes: 0, problem: `${name} could not be read; it may have been moved or deleted.` };
    if (!info.isFile()) return { token, name, sizeBytes: 0, problem: `${name} is a folder; attach the files in it instead.` };
    if (info.size > MAX_ATTACHMENT_BYTES) return { token, name, sizeBytes: info.size, problem: tooLargeMessage(name, info.size) };
    this.byToken.set(token, filePath);
    if (this.byToken.size > REMEMBERED_FILES) this.byToken.delete(this.byToken.keys().next().value!);
    return { token, name, sizeBytes: info.size };
  }

  pathOf(token: string): string {
    const filePath = this.byToken.get(token);
    if (!filePath) throw new ApiFailure('forbidden', 'Park Desk no longer knows this file; choose it again.');
    return filePath;
  }
}

export interface AttachmentDeps {
  store: ParkStore;
  attachments: AttachmentStore;
  clock: Clock;
  openDialog?: OpenDialog;
  fileOpener?: FileOpener;
}

function recordOf(db: Readonly<Database>, recordType: RecordType, recordId: string): Proposal | Mou {
  const record = recordType === 'proposal' ? draftOfRecord(db.proposals as Proposal[], recordId) : draftOfRecord(db.mous as Mou[], recordId);
  if (!record) throw new ApiFailure('not-found', recordType === 'proposal' ? 'That proposal no longer exists.' : 'That MoU no longer exists.');
  return record;
}

export function recordLabelOf(recordType: RecordType, record: Proposal | Mou): string {
  return recordType === 'proposal' ? `proposal ${(record as Proposal).fields.referenceNumber}` : `MoU ${(record as Mou).fields.mouNumber}`;
}

function assertEditable(record: Proposal | Mou, recordType: RecordType, expectedUpdatedAt: string): void {
  const what = recordType === 'proposal' ? 'proposal' : 'MoU';
  if (record.updatedAt !== expectedUpdatedAt) throw new ApiFailure('conflict', `This ${what} was changed since you opened it. Reload it and make your change again.`);
  if (record.archivedAt) throw new ApiFailure('conflict', `This ${what} is archived; restore it before changing its attachments.`);
}

/** Every extension the open dialog offers: documents and images. */
const DOCUMENT_FILTERS = [
  { name: 'Documents and images', extensions: Object.keys(VIEWABLE_MEDIA_TYPES) },
  { name: 'All files', extensions: ['*'] },
];

export function attachmentHandlers({ store, attachments, clock, openDialog, fileOpener }: AttachmentDeps): Pick<Handlers, AttachmentCalls> {
  const staged = new StagedFiles();
  const opener = (): FileOpener => {
    if (!fileOpener) throw new ApiFailure('internal', 'Opening files is not available in this window.');
    return fileOpener;
  };
  const attachmentOf = (recordType: RecordType, recordId: string, attachmentId: string): Attachment => {
    const attachment = recordOf(store.data, recordType, recordId).attachments?.find((a) => a.id === attachmentId);
    if (!attachment) throw new ApiFailure('not-found', 'That attachment is no longer on this record.');
    return attachment;
  };
  /** The stored file, checked to be there (a path main resolved itself, never one the renderer gave). */
  const storedPathOf = async (attachment: Attachment): Promise<string> => {
    if (!(await attachments.has(attachment.sha256))) {
      throw new ApiFailure('not-found', `${attachment.name} is missing from the data folder's attachments. Run Verify attachments under Data, or restore a backup.`);
    }
    return attachments.pathOf(attachment.sha256);
  };

  return {
    chooseAttachmentFiles: async ({ recordType }) => {
      if (!openDialog) throw new ApiFailure('internal', 'Choosing files is not available in this window.');
      const options = { title: recordType === 'mou' ? 'Attach files to this MoU' : 'Attach files to this proposal', filters: DOCUMENT_FILTERS };
      const chosen = openDialog.chooseOpenPaths ? await openDialog.chooseOpenPaths(options) : await openDialog.chooseOpenPath(options).then((p) => (p ? [p] : undefined));
      return { files: await Promise.all((chosen ?? []).map((p) => staged.stage(p))) };
    },

    stageDroppedFiles: async ({ paths }) => {
      if (paths.some((p) => !path.isAbsolute(p))) throw new ApiFailure('invalid-input', 'A dropped file came without its place on disk; use Add attachment… instead.');
      return { files: await Promise.all(paths.map((p) => staged.stage(p))) };
    },

    addAttachments: async ({ recordType, recordId, expectedUpdatedAt, files }) => {
      // Refuse early, before copying anything, when the record cannot take them.
      assertEditable(recordOf(store.data, recordType, recordId), recordType, expectedUpdatedAt);
      const added: { token: string; sha256: string; sizeBytes: number; name: string }[] = [];
      for (const file of files) {
        const source = staged.pathOf(file.token);
        try {
          added.push({ token: file.token, name: path.basename(source), ...(await attachments.add(source)) });
        } catch (error) {
          if (error instanceof AttachmentTooLargeError) throw new ApiFailure('invalid-input', error.message);
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') throw new ApiFailure('not-found', `${path.basename(source)} is no longer where it was chosen; choose it again.`);
          throw new ApiFailure('storage', `${path.basename(source)} could not be copied into the data folder (${code ?? (error as Error).message}). Nothing was attached.`);
        }
      }
      return store.update((db) => {
        const record = recordOf(db, recordType, recordId);
        assertEditable(record, recordType, expectedUpdatedAt);
        const now = clock.now();
        const addedBy = db.settings.officialName.trim();
        const entries: Attachment[] = files.map((file, index) => {
          const { sha256, sizeBytes, name } = added[index]!;
          return {
            id: randomUUID(),
            kind: file.kind,
            name,
            sizeBytes,
            sha256,
            mediaType: mediaTypeOf(name),
            addedBy,
            addedAt: now.toISOString(),
            ...(file.note ? { note: file.note } : {}),
          };
        });
        record.attachments = [...(record.attachments ?? []), ...entries];
        record.updatedAt = nextUpdatedAt(record.updatedAt, now);
        return { updatedAt: record.updatedAt, attachments: record.attachments };
      });
    },

    removeAttachment: ({ recordType, recordId, attachmentId, expectedUpdatedAt }) =>
      store.update((db) => {
        const record = recordOf(db, recordType, recordId);
        assertEditable(record, recordType, expectedUpdatedAt);
        if (!record.attachments?.some((a) => a.id === attachmentId)) throw new ApiFailure('not-found', 'That attachment is no longer on this record.');
        record.attachments = record.attachments.filter((a) => a.id !== attachmentId);
        if (record.attachments.length === 0) delete record.attachments;
        record.updatedAt = nextUpdatedAt(record.updatedAt, clock.now());
        return { updatedAt: record.updatedAt, attachments: record.attachments ?? [] };
      }),

    openAttachment: async ({ recordType, recordId, attachmentId }) => {
      const attachment = attachmentOf(recordType, recordId, attachmentId);
      const stored = await storedPathOf(attachment);
      if (openPolicyOf(attachment.name) === 'show-in-folder') {
        opener().showInFolder(stored);
        return { action: 'shown-in-folder' as const };
      }
      if ((await attachments.verify(attachment.sha256)) !== 'ok') {
        throw new ApiFailure('conflict', `${attachment.name} was not opened: the stored file has changed since it was added. Run Verify attachments under Data.`);
      }
      const copy = await attachments.viewCopy(attachment.sha256, attachment.name);
      const problem = await opener().openFile(copy);
      if (problem) throw new ApiFailure('internal', `${attachment.name} could not be opened: ${problem}`);
      return { action: 'opened' as const };
    },

    showAttachmentInFolder: async ({ recordType, recordId, attachmentId }) => {
      opener().showInFolder(await storedPathOf(attachmentOf(recordType, recordId, attachmentId)));
      return { shown: true as const };
    },

    getAttachmentReferences: () => {
      const references: AttachmentReference[] = [];
      const collect = (recordType: RecordType, record: Proposal | Mou) => {
        for (const a of record.attachments ?? []) {
          references.push({ recordType, recordId: record.id, recordLabel: recordLabelOf(recordType, record), attachmentId: a.id, name: a.name, sha256: a.sha256, sizeBytes: a.sizeBytes });
        }
      };
      for (const p of store.data.proposals) collect('proposal', p);
      for (const m of store.data.mous) collect('mou', m);
      return { references };
    },

    verifyAttachmentFiles: async ({ sha256 }) => {
      const outcomes: Record<string, 'ok' | 'missing' | 'changed'> = {};
      for (const hash of sha256) outcomes[hash] = await attachments.verify(hash);
      return { outcomes };
    },
  };
}
