/**
 * npx tsx tests/bench/bundle-bench.ts [-- --files 12 --mb 40]
 * Export everything with large attachments, then preview, apply and two backups: time for each
 * and the process's peak memory, which must stay far below the bundle's size (every file streamed).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openParkServices } from '../../electron/services/park-services';
import { AttachmentStore } from '../../electron/services/storage/attachment-store';
import type { Attachment } from '../../shared/domain/attachment';
import { ScriptedDialogs } from '../support/scripted-dialogs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '12' }, mb: { type: 'string', default: '40' } } });
const files = Number(values.files);
const sizeBytes = Number(values.mb) * 1000 * 1000;

const root = await mkdtemp(path.join(tmpdir(), 'park-desk-bundle-bench-'));
const dialogs = new ScriptedDialogs();
const open = (dir: string) => openParkServices({ dataDir: path.join(root, dir), appVersion: 'bench', platform: { saveDialog: dialogs, openDialog: dialogs } });
const source = await open('source');
const target = await open('target');
try {
  await source.dispatch('createProposal', { fields: { referenceNumber: 'BENCH-1', title: 'Bundle bench', city: 'Lahore', province: 'Punjab' } });
  const store = new AttachmentStore(path.join(root, 'source'));
  const attachments: Attachment[] = [];
  for (let i = 0; i < files; i += 1) {
    const file = path.join(root, `scan-${i}.pdf`);
    await writeFile(file, randomBytes(sizeBytes));
    const added = await store.add(file);
    await rm(file);
    attachments.push({ id: randomUUID(), kind: 'other', name: `scan-${i}.pdf`, ...added, mediaType: 'application/pdf', addedBy: 'bench', addedAt: new Date().toISOString() });
  }
  await source.store.update((db) => void (db.proposals[0]!.attachments = attachments));

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const before = process.memoryUsage().rss;
  const timed = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    const result = (await work()) as { ok: boolean; value?: unknown };
    if (!result.ok) throw new Error(JSON.stringify(result));
    return { ms: Math.round(performance.now() - start), value: result.value };
  };
  const bundle = path.join(root, 'export.parkdesk.zip');
  dialogs.savePaths.push(bundle);
  const exported = await timed(() => source.dispatch('exportAll', {}));
  dialogs.openPaths.push(bundle);
  const previewed = await timed(() => target.dispatch('previewImport', {}));
  const applied = await timed(() => target.dispatch('applyImport', { importId: (previewed.value as { importId: string }).importId }));
  const firstBackup = await timed(() => source.dispatch('backUpNow', {}));
  const secondBackup = await timed(() => source.dispatch('backUpNow', {}));
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      attachments: files,
      bundleMB: Math.round((await stat(bundle)).size / 1e6),
      exportMs: exported.ms,
      previewMs: previewed.ms,
      applyMs: applied.ms,
      firstBackupMs: firstBackup.ms,
      secondBackupMs: secondBackup.ms,
      rssBeforeMB: Math.round(before / 1e6),
      rssPeakMB: Math.round(peak / 1e6),
    }),
  );
} finally {
  await source.close();
  await target.close();
  await rm(root, { recursive: true, force: true });
}
