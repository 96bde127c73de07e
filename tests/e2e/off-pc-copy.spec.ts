import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { COPIES_FOLDER_NAME, COPY_COMPLETE_FILE, copyFolderName } from '../../shared/domain/off-pc-copy';
import { formatDate, formatDateTime, todayInPakistan } from '../../shared/format/dates';
import { FatLikeFs } from '../support/fat-like-fs';
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './accessibility';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const DAY_MS = 86_400_000;

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', 'Answers the folder dialog, moves the clock and injects the stick\'s file system through the browser bridge.');
});

test('copies the register off the PC onto a FAT-like stick, verified, and warns once the copy is 8 days old', async ({ openApp }, testInfo) => {
  test.setTimeout(120_000);
  // The test clock: main's "now", moved on by the test. It starts at the real time, so dates the renderer proposes are not in main's future.
  const start = Date.now();
  let now = start;
  const clock = { now: () => new Date(now) };
  const stickFs = new FatLikeFs();
  const app = await openApp({ clock, copyFs: stickFs });
  const { page } = app;

  // One proposal, and one attachment as the attachments feature stores it (content-addressed).
  await nav(page, 'Proposals').click();
  await page.getByRole('button', { name: 'New proposal' }).first().click();
  await page.getByLabel('Reference number', { exact: true }).fill('PSEB/STP/FSD/2021-01');
  await page.getByLabel('Title', { exact: true }).fill('فیصل آباد سافٹ ویئر ٹیکنالوجی پارک');
  await page.getByLabel('City', { exact: true }).fill('Faisalabad');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک' })).toBeVisible();
  const scan = Buffer.from('%PDF-1.4 signed MoU scan\n');
  const scanHash = sha256(scan);
  await mkdir(path.join(app.dataDir, 'attachments', scanHash.slice(0, 2)), { recursive: true });
  await writeFile(path.join(app.dataDir, 'attachments', scanHash.slice(0, 2), scanHash), scan);

  // No folder yet: a suggestion under Data, nothing on the dashboard.
  await nav(page, 'Data').click();
  const panel = page.getByRole('region', { name: 'Copy off this PC' });
  await expect(panel).toContainText('No folder is chosen yet, so nothing is copied off this PC.');
  await expectNoAxeViolations(page, 'Data: copy off this PC, no folder');

  const stick = testInfo.outputPath('usb-stick');
  await mkdir(stick, { recursive: true });
  app.dialogs.folderPaths.push(stick);
  await panel.getByRole('button', { name: 'Choose a folder…' }).click();
  const copiesFolder = path.join(stick, COPIES_FOLDER_NAME);
  await expect(page.getByRole('status')).toContainText(`Copies off this PC will go to ${copiesFolder}.`);
  await expect(panel).toContainText('Last copyNone yet');

  await panel.getByRole('button', { name: 'Copy now' }).click();
  // The notice (the panel's own progress line is a status too, while the copy runs).
  await expect(page.getByRole('status').filter({ hasText: 'Copied and verified' })).toContainText(/Copied and verified: 2 files, \d+ bytes, into .*\(1 attachment new, 0 attachments already there\)\./);
  const copyName = copyFolderName(new Date(start));
  await expect(panel).toContainText(new RegExp(`Last copy${formatDateTime(new Date(start).toISOString())}: 2 files, \\d+ bytes`));
  await expect(panel).toContainText('Copied and verified');
  await expectNoAxeViolations(page, 'Data: copy off this PC, copied');
  await page.screenshot({ path: testInfo.outputPath('off-pc-copy-data.png'), fullPage: true });

  // On the stick: the data file as saved, the attachment once, and the manifest whose hashes match.
  const copyDir = path.join(copiesFolder, copyName);
  const copied = await readFile(path.join(copyDir, DATA_FILE_NAME));
  // The data as saved when the copy began: the same records; only the copy's own record (saved after it) differs.
  const saved = (await app.readDataFile()) as { proposals: unknown[]; settings: { offPcCopy?: { lastComplete?: { name: string } } } };
  const inCopy = JSON.parse(copied.toString('utf8')) as typeof saved;
  expect(inCopy.proposals).toEqual(saved.proposals);
  expect(inCopy.proposals).toHaveLength(1);
  expect(saved.settings.offPcCopy?.lastComplete?.name).toBe(copyName);
  const manifest = JSON.parse(await readFile(path.join(copyDir, COPY_COMPLETE_FILE), 'utf8')) as { dataFile: { sha256: string }; attachments: { path: string; sha256: string }[] };
  expect(manifest.dataFile.sha256).toBe(sha256(copied));
  expect(manifest.attachments).toEqual([expect.objectContaining({ path: `../attachments/${scanHash.slice(0, 2)}/${scanHash}`, sha256: scanHash })]);
  expect(sha256(await readFile(path.join(copiesFolder, 'attachments', scanHash.slice(0, 2), scanHash)))).toBe(scanHash);
  expect((await readdir(copiesFolder)).sort()).toEqual([copyName, 'attachments'].sort());
  // The stick's file system refuses links and permission bits: none was asked for.
  expect(stickFs.calls.filter((c) => /^(link|symlink|chmod)|mode/.test(c))).toEqual([]);

  // Six days on: no warning. Eight days on: the dashboard warns.
  now = start + 6 * DAY_MS;
  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('heading', { name: 'Needs attention' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Copy off this PC' })).toHaveCount(0);
  now = start + 8 * DAY_MS;
  await nav(page, 'Data').click();
  await nav(page, 'Dashboard').click();
  const warning = page.getByRole('region', { name: 'Copy off this PC' });
  await expect(warning).toContainText(
    `The last copy off this PC was 8 days ago (${formatDate(todayInPakistan(new Date(start)))}). Plug in the USB stick (or connect to the shared folder) and choose Copy now.`,
  );
  await expectNoAxeViolations(page, 'Dashboard: copy off this PC warning');
  await page.screenshot({ path: testInfo.outputPath('off-pc-copy-dashboard.png') });

  // The stick pulled out: Copy now says so plainly, and the warning names the folder not reached.
  await warning.getByRole('button', { name: 'Go to Copy off this PC' }).click();
  stickFs.vanishAfterWrites = 0;
  await panel.getByRole('button', { name: 'Copy now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'could not be reached' })).toContainText(`The folder ${stick} could not be reached.`);
  await expect(panel).toContainText('The folder could not be reached');
  await nav(page, 'Dashboard').click();
  await expect(warning).toContainText('The copy folder could not be reached at the last try; the last copy off this PC was 8 days ago');
  // The copy made before is as it was.
  expect((await readFile(path.join(copyDir, DATA_FILE_NAME))).equals(copied)).toBe(true);

  // Stop copying: asked first; the copies stay.
  stickFs.vanishAfterWrites = undefined;
  await nav(page, 'Data').click();
  await panel.getByRole('button', { name: 'Stop copying off the PC' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop copying off this PC?' });
  await expectNoAxeViolations(page, 'Data: stop copying dialog');
  await confirm.getByRole('button', { name: 'Stop copying' }).click();
  await expect(panel).toContainText('No folder is chosen yet');
  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('heading', { name: 'Needs attention' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Copy off this PC' })).toHaveCount(0);
  expect(await readdir(copiesFolder)).toContain(copyName);
});
