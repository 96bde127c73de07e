import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { PRINT_TIMEOUT } from '../support/pdf-text';
import { expect, test } from './fixtures';

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', "Electron's save dialog is native; this journey answers it through the browser bridge.");
});

/**
 * Only page.keyboard, counted: each press of a key (Tab, Enter, Ctrl+S…) is one key, and each
 * character of typed text is counted apart, so the figure compares with the count of
 * presses needed to get around (about 355 before).
 */
class CountingKeyboard {
  keys = 0;
  typed = 0;
  constructor(private readonly page: Page) {}

  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      await this.page.keyboard.press(key);
      this.keys += 1;
    }
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
    this.typed += text.length;
  }

  /** Presses Tab until `target` has focus, as a person would; fails after `limit` presses. */
  async tabTo(target: Locator, limit = 30) {
    for (let i = 0; i < limit; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.press('Tab');
    }
    await expect(target).toBeFocused();
  }
}

const REFERENCE = 'PSEB/STP/MUX/2026-01';
const TITLE = 'Multan Software Technology Park';
const MOU_NUMBER = 'PSEB/MoU/STP/MUX/2026';

test('keyboard only: a proposal through three stages to its MoU, an obligation and the exported summary', async ({ app }) => {
  test.setTimeout(180_000);
  const { page, dialogs } = app;
  const keys = new CountingKeyboard(page);
  const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

  // Arriving on a screen puts focus on its heading, and the content scrolls from there.
  await expect(heading('Dashboard')).toBeFocused();

  // Ctrl+N: focus is in the first field of the new proposal, ready to type.
  await keys.press('Control+N');
  await expect(page.getByLabel('Reference number', { exact: true })).toBeFocused();
  await keys.type(REFERENCE);
  await keys.press('Tab', 2);
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  await keys.type(TITLE);
  // Past Date received, How it came in, PSEB focal person, Current stage and Date reached.
  await keys.press('Tab', 6);
  await expect(page.getByLabel('City', { exact: true })).toBeFocused();
  await keys.type('Multan');
  await keys.press('Tab', 2);
  await expect(page.getByLabel('Province', { exact: true })).toBeFocused();
  await keys.press('p');
  await expect(page.getByLabel('Province', { exact: true })).toHaveValue('Punjab');
  await keys.press('Tab', 4);
  await expect(page.getByLabel('Offering party', { exact: true })).toBeFocused();
  await keys.type('Multan Chamber of Commerce');
  await keys.press('Tab');
  await keys.press('p');
  await expect(page.getByLabel('Partner type', { exact: true })).toHaveValue('private-company');
  await keys.press('Tab');
  await expect(page.getByLabel('Gross covered area', { exact: true })).toBeFocused();
  await keys.type('25,000');
  await keys.press('Control+S');

  // Saved: the proposal page, focus on its heading; PageDown scrolls the page from there.
  await expect(heading(TITLE)).toBeFocused();
  const main = page.locator('#main-content');
  await keys.press('PageDown');
  await expect.poll(() => main.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await keys.press('Home');
  await expect.poll(() => main.evaluate((el) => el.scrollTop)).toBe(0);

  // Three stage moves. The first asks for the official's name once; the note takes Enter as a new line.
  const moves = page.getByRole('group', { name: 'Allowed moves' });
  await keys.tabTo(moves.getByRole('button', { name: 'Move to Screening…' }));
  await keys.press('Enter');
  const dialog = page.getByRole('dialog');
  // The dialog opens on its first field, the stage to move to (a later one may be chosen).
  await expect(dialog.getByLabel('Move to', { exact: true })).toBeFocused();
  await keys.press('Tab');
  await expect(dialog.getByLabel('Your name', { exact: true })).toBeFocused();
  await keys.type('Ayesha Khan');
  await keys.press('Tab', 2);
  const note = dialog.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await keys.type('Papers complete.');
  await keys.press('Enter');
  await keys.type('Building plans received.');
  await expect(dialog).toBeVisible();
  await keys.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Stage moves, newest first' }).getByRole('listitem').first()).toContainText(
    'Papers complete.\nBuilding plans received.',
  );

  // After each move focus is on the next move, so two keys make the next one.
  for (const [next, then] of [
    ['Move to Site inspection…', 'Move to Evaluation…'],
    ['Move to Evaluation…', 'Move to Committee recommendation…'],
  ] as const) {
    await expect(moves.getByRole('button', { name: next })).toBeFocused();
    await keys.press('Enter');
    await expect(dialog.getByLabel('Move to', { exact: true })).toBeFocused();
    await keys.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(moves.getByRole('button', { name: then })).toBeFocused();
  }
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*Evaluation/);

  // Its MoU: the form opens with focus in its first field; parties come from the proposal.
  await keys.tabTo(page.getByRole('region', { name: 'MoUs' }).getByRole('button', { name: 'Create MoU' }));
  await keys.press('Enter');
  await expect(heading('New MoU')).toBeVisible();
  await expect(page.getByLabel('MoU number', { exact: true })).toBeFocused();
  await keys.type(MOU_NUMBER);
  await keys.press('Control+S');
  await expect(heading(`MoU ${MOU_NUMBER}`)).toBeFocused();

  // An obligation: Ctrl+Enter adds it, focus returns to the button that opened the dialog.
  const addObligation = page.getByRole('button', { name: 'Add obligation' });
  await keys.tabTo(addObligation, 40);
  await keys.press('Enter');
  const obligationDialog = page.getByRole('dialog', { name: 'Add obligation' });
  await expect(obligationDialog.getByLabel('Owed by (party)', { exact: true })).toBeFocused();
  await keys.press('ArrowDown');
  await keys.press('Tab');
  await keys.type('Hand over the building for fit-out');
  await keys.press('Control+Enter');
  await expect(obligationDialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Obligations' })).toContainText('Hand over the building for fit-out');
  await expect(addObligation).toBeFocused();

  // The summary: its heading has focus; the preview frame is a tab stop that scrolls.
  await keys.tabTo(page.getByRole('button', { name: 'Preview / Export PDF' }), 40);
  await keys.press('Enter');
  await expect(heading(`MoU summary ${MOU_NUMBER}`)).toBeFocused();
  const preview = page.getByRole('region', { name: `Preview of the MoU summary ${MOU_NUMBER}` });
  await keys.tabTo(preview);
  await keys.press('PageDown');
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  // Ctrl+E exports; focus goes to the notice's Open PDF, and Enter opens the file through main.
  await keys.press('Control+E');
  const openPdf = page.getByRole('status').getByRole('button', { name: 'Open PDF' });
  await expect(openPdf).toBeFocused(PRINT_TIMEOUT);
  await keys.press('Enter');
  await expect.poll(() => dialogs.openedFiles.length).toBe(1);
  expect(path.dirname(dialogs.openedFiles[0]!)).toBe(dialogs.exportDir);

  // Alt+Left goes back to the MoU page, with focus on its heading.
  await keys.press('Alt+ArrowLeft');
  await expect(heading(`MoU ${MOU_NUMBER}`)).toBeFocused();

  console.log(`Keyboard-only task: ${keys.keys} key presses (target under 120), plus ${keys.typed} characters of typed text.`);
  expect(keys.keys).toBeLessThan(120);
});
