import path from 'node:path';
import type { Page } from '@playwright/test';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { startTestCouch, type TestCouch } from '../support/couch-server';
import { savedBytes } from '../support/saved-data';
import { expectNoAxeViolations } from './accessibility';
import { test as base, expect, type ParkDeskApp } from './fixtures';
import { enterFaisalabadProposal, FAISALABAD, moveStage, setOfficialName } from './proposal-steps';

/**
 * Two officials on two PCs (two data folders, each with its own services and window) and one
 * real server of the CouchDB protocol on loopback: pouchdb-server from the dev dependencies, or
 * the CouchDB named by COUCHDB_URL. Each test gets a database of its own with both officials as
 * members.
 */
const test = base.extend<{ couch: TestCouch }>({
  // eslint-disable-next-line no-empty-pattern
  couch: async ({}, use) => {
    const couch = await startTestCouch();
    await use(couch);
    await couch.stop();
  },
});

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', 'Two PCs are two bridged windows over two data folders; Electron runs one app per process.');
});

const OFFICIALS = { 'ayesha.khan': 'faisalabad-2021', 'bilal.ahmed': 'rawalpindi-2021' };
/** Syncs go over HTTP to a real server on a busy machine; the status line asks main every few seconds. */
const SYNC_WAIT = { timeout: 45_000 };
/** Where README screenshots go when asked for (PARK_DESK_SCREENSHOTS=build/screenshots). */
const SCREENSHOTS = process.env.PARK_DESK_SCREENSHOTS;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const syncLine = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('region', { name: 'Shared register' });
const syncState = (page: Page) => syncLine(page).getByRole('status');
const notice = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
const settings = (page: Page) => page.getByRole('region', { name: 'Shared register (CouchDB)' });

async function fillSettings(page: Page, values: { serverUrl: string; database: string; userName: string; password: string }) {
  await nav(page, 'Data').click();
  const panel = settings(page);
  await panel.getByLabel('Server address', { exact: true }).fill(values.serverUrl);
  await panel.getByLabel('Database', { exact: true }).fill(values.database);
  await panel.getByLabel('User name', { exact: true }).fill(values.userName);
  await panel.getByLabel('Password', { exact: true }).fill(values.password);
}

async function connect(page: Page, values: { serverUrl: string; database: string; userName: string; password: string }) {
  await fillSettings(page, values);
  await settings(page).getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(notice(page, `Connected to the shared register ${values.database} as ${values.userName}.`)).toBeVisible(SYNC_WAIT);
  await expect(syncState(page)).toHaveText(/^Last synced \d\d:\d\d$/, SYNC_WAIT);
}

async function syncNow(page: Page) {
  await syncLine(page).getByRole('button', { name: 'Sync now' }).click();
}

async function openFaisalabad(page: Page) {
  await nav(page, 'Proposals').click();
  await page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
}

async function changeArea(page: Page, area: string) {
  await openFaisalabad(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Gross covered area', { exact: true }).fill(area);
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
}

/** Everything saved for the data file (snapshot, change log, history archive), as text. */
async function storedText(app: ParkDeskApp): Promise<string> {
  return (await savedBytes(path.join(app.dataDir, DATA_FILE_NAME))).toString('utf8');
}

test('two officials, one register: a proposal entered offline reaches the other PC, moves on both are kept, a conflict is settled once, an outage loses nothing', async ({
  app,
  openApp,
  couch,
}) => {
  test.setTimeout(420_000);
  const database = await couch.createDatabase(OFFICIALS);
  const server = { serverUrl: couch.url, database };
  const ayesha = app;
  const { page: a } = ayesha;

  // Ayesha enters the Faisalabad proposal before her PC has ever seen the server.
  await setOfficialName(a, 'Ayesha Khan');
  await enterFaisalabadProposal(a);
  await expect(syncLine(a)).toHaveCount(0);

  // An address another computer could read on the way is refused at the field, before any call.
  await fillSettings(a, { ...server, serverUrl: 'http://parks.pseb.org.pk:5984', userName: 'ayesha.khan', password: OFFICIALS['ayesha.khan'] });
  await settings(a).getByRole('button', { name: 'Connect', exact: true }).click();
  const address = settings(a).getByLabel('Server address', { exact: true });
  await expect(address).toHaveAccessibleDescription(/Use an https:\/\/ address \(only this PC may use http:\/\/localhost\)/);
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toBeFocused();

  await connect(a, { ...server, userName: 'ayesha.khan', password: OFFICIALS['ayesha.khan'] });
  await expect(a.getByRole('navigation', { name: 'Main' })).toContainText('Recording as ayesha.khan');
  const onServer = await couch.admin<{ rows: { id: string }[] }>('GET', `/${database}/_all_docs`);
  expect(onServer.rows.map((r) => r.id)).toEqual([expect.stringMatching(/^proposal:/)]);
  // The password is kept by the protected store, never in the data file.
  expect(await storedText(ayesha)).not.toContain(OFFICIALS['ayesha.khan']);
  await expectNoAxeViolations(a, 'Data, connected to the shared register');
  if (SCREENSHOTS) {
    await settings(a).scrollIntoViewIfNeeded();
    await a.screenshot({ path: path.join(SCREENSHOTS, 'sync-settings.png') });
  }

  // Bilal, on his own PC: a mistyped password is said plainly, at the field.
  const bilal = await openApp({ dataDir: test.info().outputPath('bilal-pc') });
  const { page: b } = bilal;
  await setOfficialName(b, 'Bilal Ahmed');
  await fillSettings(b, { ...server, userName: 'bilal.ahmed', password: 'not-his-password' });
  await settings(b).getByRole('button', { name: 'Connect', exact: true }).click();
  const password = settings(b).getByLabel('Password', { exact: true });
  await expect(password).toHaveAccessibleDescription(/The server refused the user name or password\./, SYNC_WAIT);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(syncLine(b)).toHaveCount(0);
  await expectNoAxeViolations(b, 'Data, a wrong password at its field');

  await connect(b, { ...server, userName: 'bilal.ahmed', password: OFFICIALS['bilal.ahmed'] });
  await nav(b, 'Proposals').click();
  await expect(b.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title })).toBeVisible(SYNC_WAIT);
  await openFaisalabad(b);
  await expect(b.getByRole('region', { name: 'Notes' }).getByText(FAISALABAD.urduNote)).toBeVisible();

  // The server goes away. Both go on working: different stage moves, and the area typed differently.
  await couch.kill();
  await openFaisalabad(a);
  await moveStage(a, 'Move to Screening…', 'Papers complete.');
  await changeArea(a, '21,000');
  await openFaisalabad(b);
  await moveStage(b, 'Put on hold…', 'Waiting for the lease.');
  await changeArea(b, '20,000');
  for (const page of [a, b]) {
    await syncNow(page);
    await expect(syncState(page)).toHaveText('Server not reachable: working offline · 1 change waiting', SYNC_WAIT);
    // A state, not an error dialog: nothing stands in the way of the next piece of work.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await expectNoAxeViolations(a, 'a proposal while the server is not reachable');
  expect(await storedText(ayesha)).toContain('"to":"screening"');
  expect(await storedText(bilal)).toContain('"to":"on-hold"');

  // Back again: both sync, and both moves are in both histories; the area is a conflict on both PCs.
  await couch.restart();
  // From the keyboard: focus stays on the button through the sync.
  const syncButton = syncLine(a).getByRole('button', { name: /^(Sync now|Syncing…)$/ });
  await syncButton.focus();
  await a.keyboard.press('Enter');
  await expect(syncState(a)).toHaveText(/^Last synced \d\d:\d\d$/, SYNC_WAIT);
  await expect(syncButton).toBeFocused();
  await syncNow(b);
  await expect(syncLine(b).getByRole('button', { name: '1 conflict to resolve' })).toBeVisible(SYNC_WAIT);
  await syncNow(a);
  await expect(syncLine(a).getByRole('button', { name: '1 conflict to resolve' })).toBeVisible(SYNC_WAIT);
  for (const page of [a, b]) {
    await expect(syncState(page)).toHaveText(/^Last synced \d\d:\d\d$/, SYNC_WAIT);
    await openFaisalabad(page);
    const timeline = page.getByRole('list', { name: 'Stage moves, newest first' });
    await expect(timeline.getByRole('listitem')).toHaveCount(3);
    await expect(timeline).toContainText('Received → Screening by ayesha.khan');
    await expect(timeline).toContainText('Received → On hold by bilal.ahmed');
  }

  // Bilal settles it, once.
  await syncLine(b).getByRole('button', { name: '1 conflict to resolve' }).click();
  await expect(b.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeVisible();
  const conflict = b.getByRole('article', { name: `${FAISALABAD.title}: Gross covered area` });
  await expect(conflict.getByRole('heading', { name: "This PC's value" }).locator('..')).toContainText('20,000');
  await expect(conflict.getByRole('heading', { name: "This PC's value" }).locator('..')).toContainText('by bilal.ahmed');
  await expect(conflict.getByRole('heading', { name: "The server's value" }).locator('..')).toContainText('21,000');
  await expect(conflict.getByRole('heading', { name: "The server's value" }).locator('..')).toContainText('by ayesha.khan');
  await expectNoAxeViolations(b, 'the Conflicts screen with one conflict');
  if (SCREENSHOTS) await b.screenshot({ path: path.join(SCREENSHOTS, 'sync-conflicts.png') });
  await conflict.getByRole('button', { name: "Keep the server's value" }).click();
  await expect(notice(b, `${FAISALABAD.title}: Gross covered area is now the server's value.`)).toBeVisible();
  await expect(b.getByText('No conflicts. Changes made on two PCs to the same field since they last synced appear here.')).toBeVisible();
  // Focus goes on to what is left: here, with none left, the screen's heading.
  await expect(b.getByRole('heading', { name: 'Conflicts', level: 1 })).toBeFocused();
  await expect(syncLine(b).getByRole('button', { name: /conflicts? to resolve/ })).toHaveCount(0);
  await expectNoAxeViolations(b, 'the Conflicts screen, empty');

  // …and on Ayesha's PC it is gone too after her next sync, with the value chosen.
  await expect(syncState(b)).toHaveText(/^Last synced \d\d:\d\d$/, SYNC_WAIT);
  await syncNow(a);
  await expect(syncLine(a).getByRole('button', { name: /conflicts? to resolve/ })).toHaveCount(0, SYNC_WAIT);
  await nav(a, 'Data').click();
  await settings(a).getByRole('button', { name: 'Open the conflicts' }).click();
  await expect(a.getByText('No conflicts. Changes made on two PCs to the same field since they last synced appear here.')).toBeVisible();
  await openFaisalabad(a);
  await expect(a.getByRole('main')).toContainText('21,000');
  await openFaisalabad(b);
  await expect(b.getByRole('main')).toContainText('21,000');

  // Disconnecting asks first, and leaves the records on the PC.
  await nav(b, 'Data').click();
  await settings(b).getByRole('button', { name: 'Disconnect…' }).click();
  const dialog = b.getByRole('dialog', { name: 'Disconnect from the shared register?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(b, 'the disconnect confirmation');
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(notice(b, 'Disconnected from the shared register. The records stay on this PC.')).toBeVisible();
  await expect(syncLine(b)).toHaveCount(0);
  await nav(b, 'Proposals').click();
  await expect(b.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title })).toBeVisible();
});
