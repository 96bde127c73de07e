import type { Page } from '@playwright/test';
import { formatDate, todayInPakistan, addDays } from '../../shared/format/dates';
import { database, faisalabadProposal, writeDataFolder } from '../support/mou-data';
import { expectNoAxeViolations } from './accessibility';
import { expect, test } from './fixtures';

const TITLE = 'Faisalabad Software Technology Park';
const WHAT = 'Send the draft MoU — مسودہ یونیورسٹی کو بھیجیں';
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

async function openFaisalabad(page: Page) {
  await nav(page, 'Proposals').click();
  await page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: TITLE, level: 1 })).toBeVisible();
}

test('a next action due tomorrow shows on the dashboard, in the start reminder after a restart, can be snoozed and, done, moves into the history', async ({ openApp }, testInfo) => {
  // A long journey over several screens and a restart: sized for a loaded 2-core machine.
  test.setTimeout(150_000);
  const dataDir = await writeDataFolder(testInfo.outputPath('park-desk-data'), database({ proposals: [faisalabadProposal()] }));
  const app = await openApp({ dataDir });
  const { page } = app;
  // Nothing is due yet: the start shows no reminder.
  expect(app.dialogs.notifications).toEqual([]);

  await openFaisalabad(page);
  const panel = page.getByRole('region', { name: 'Next action' });
  await expect(panel).toContainText('No next action. Add one so it shows on the dashboard when due.');
  await expectNoAxeViolations(page, 'the proposal page with no next action');

  await panel.getByRole('button', { name: 'Add next action…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add next action' });
  await dialog.getByRole('button', { name: 'Add next action' }).click();
  await expect(dialog.getByText('What is required.')).toBeVisible();
  await expect(dialog.getByText(/By when is required/)).toBeVisible();
  await expect(dialog.getByLabel('What', { exact: true })).toBeFocused();

  await dialog.getByLabel('What', { exact: true }).fill(WHAT);
  await dialog.getByLabel('By whom', { exact: true }).fill('Bilal Ahmed');
  // A past date is allowed, with a warning at the field.
  const yesterday = formatDate(addDays(todayInPakistan(), -1));
  await dialog.getByLabel('By when', { exact: true }).fill(yesterday);
  await expect(dialog.getByRole('status')).toHaveText(`⚠ ${yesterday} has passed: the action will show as overdue from the start.`);
  await dialog.getByLabel('By when', { exact: true }).fill('31-Feb-2026');
  await dialog.getByRole('button', { name: 'Add next action' }).click();
  await expect(dialog.getByText('By when must be a real date, for example 20-May-2021.')).toBeVisible();
  const tomorrow = formatDate(addDays(todayInPakistan(), 1));
  await dialog.getByLabel('By when', { exact: true }).fill(tomorrow);
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await expectNoAxeViolations(page, 'the next action dialog');
  await page.screenshot({ path: testInfo.outputPath('next-action-dialog.png') });
  await dialog.getByRole('button', { name: 'Add next action' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel).toContainText(WHAT);
  await expect(panel).toContainText(`By Bilal Ahmed, by ${tomorrow}: due tomorrow`);

  // The dashboard counts it among what is due in the next 7 days, and the figure opens its list.
  await nav(page, 'Dashboard').click();
  const group = page.getByRole('group', { name: 'Next actions' });
  await expect(group.getByRole('button', { name: /due in the next 7 days/ })).toHaveText(/^1\s*next action due in the next 7 days$/);
  await expect(group.getByRole('button', { name: /overdue/ })).toHaveText(/^0\s*next actions overdue$/);
  await expect(group).toContainText(`${WHAT} (${tomorrow}, due tomorrow)`);
  await expectNoAxeViolations(page, 'the dashboard with a next action due');
  await page.screenshot({ path: testInfo.outputPath('dashboard-next-actions.png'), fullPage: true });
  await group.getByRole('button', { name: /due in the next 7 days/ }).click();
  await expect(page.getByRole('heading', { name: 'Due this week', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Show')).toHaveValue('next-actions-due-7');
  const list = page.getByRole('table', { name: 'Next actions due in the next 7 days' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list.getByRole('row').nth(1)).toContainText(WHAT);
  await expect(list.getByRole('row').nth(1)).toContainText(`${tomorrow} due tomorrow`);

  // Restart: the start reminder names it; a click opens the list of what is due.
  await app.close();
  const reopened = await openApp({ dataDir });
  const again = reopened.page;
  await expect(again.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  expect(reopened.dialogs.notifications).toHaveLength(1);
  const [reminder] = reopened.dialogs.notifications;
  expect(reminder!.title).toBe('Park Desk: 1 due this week');
  expect(reminder!.body).toBe(`1 next action due this week: “${WHAT}” (PSEB/STP/FSD/2021-01 ${TITLE}, due tomorrow)`);
  reminder!.click();
  await expect(again.getByRole('heading', { name: 'Due this week', level: 1 })).toBeVisible();
  await expect(again.getByLabel('Show')).toHaveValue('all');
  const due = again.getByRole('table', { name: 'Everything overdue or due this week' });
  await expect(due.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(again, 'the due list opened from the reminder');
  await again.screenshot({ path: testInfo.outputPath('due-this-week.png') });

  // Snoozed for a day, it leaves the next reminder (the snooze is stored in the settings).
  await due.getByRole('button', { name: `Snooze 1 day: ${WHAT}` }).click();
  await expect(again.getByRole('status').filter({ hasText: 'Snoozed' })).toContainText(`left out of reminders until ${tomorrow}`);
  await expect(due.getByRole('row').nth(1)).toContainText(`Snoozed until ${tomorrow}`);
  const stored = (await reopened.readDataFile()) as { settings: { reminderSnoozes?: { until: string }[] } };
  expect(stored.settings.reminderSnoozes).toEqual([{ key: expect.stringMatching(/^next-action:proposal:/), until: addDays(todayInPakistan(), 1) }]);
  await reopened.close();
  const third = await openApp({ dataDir });
  expect(third.dialogs.notifications).toEqual([]);

  // Done: it moves into the proposal's history with who and when.
  await openFaisalabad(third.page);
  const thirdPanel = third.page.getByRole('region', { name: 'Next action' });
  await thirdPanel.getByRole('button', { name: 'Done…' }).click();
  const doneDialog = third.page.getByRole('dialog', { name: 'Mark the next action done' });
  await doneDialog.getByLabel('Note (optional)').fill('Sent by courier');
  await expectNoAxeViolations(third.page, 'the mark-done dialog');
  await doneDialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(doneDialog).toBeHidden();
  await expect(thirdPanel).toContainText('No next action. Add one so it shows on the dashboard when due.');
  const history = thirdPanel.getByRole('list', { name: 'History of next actions' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText(`${WHAT} (by Bilal Ahmed, due ${tomorrow}): done ${formatDate(todayInPakistan())}`);
  await expect(history).toContainText('Sent by courier');
  await expectNoAxeViolations(third.page, 'the proposal page with a next action done');

  await nav(third.page, 'Dashboard').click();
  await expect(third.page.getByRole('group', { name: 'Next actions' }).getByRole('button', { name: /due in the next 7 days/ })).toHaveText(/^0\s*next actions due in the next 7 days$/);
});
