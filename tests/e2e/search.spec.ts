import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { expectNoAxeViolations } from './accessibility';
import { enterFaisalabadProposal, enterProposal, FAISALABAD, RAWALPINDI } from './proposal-steps';

const RAWALPINDI_MOU = 'PSEB/MoU/STP/RWP/2021';
/** Stored with Urdu yeh (ی, U+06CC) in the Faisalabad notes; searched with Arabic yeh (ي, U+064A). */
const URDU_STORED = 'فیصل';
const URDU_TYPED_WITH_ARABIC_YEH = '\u0641\u064A\u0635\u0644';

test('one search from any screen finds each park by its building, its MoU number and an Urdu word typed on an Arabic keyboard', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  expect(URDU_TYPED_WITH_ARABIC_YEH).not.toBe(URDU_STORED);
  expect(FAISALABAD.urduNote).toContain(URDU_STORED);

  await enterFaisalabadProposal(page, { offeringParty: 'Sitara Chemical Industries' });
  await enterProposal(page, RAWALPINDI);
  await page.getByRole('region', { name: 'MoUs' }).getByRole('button', { name: 'Create MoU' }).click();
  await expect(page.getByRole('heading', { name: 'New MoU' })).toBeVisible();
  await page.getByLabel('MoU number', { exact: true }).fill(RAWALPINDI_MOU);
  await page.getByRole('button', { name: 'Save MoU' }).click();
  await expect(page.getByRole('heading', { name: `MoU ${RAWALPINDI_MOU}`, level: 1 })).toBeVisible();

  // Ctrl+F on the MoU page (not a list): the search opens over it, ready to type.
  await page.keyboard.press('Control+f');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const box = dialog.getByLabel('Search proposals and MoUs', { exact: true });
  await expect(box).toBeFocused();
  const proposals = dialog.getByRole('region', { name: /^Proposals/ });
  const mous = dialog.getByRole('region', { name: /^MoUs/ });

  await page.keyboard.type('Amazon');
  await expect(dialog.getByRole('status')).toHaveText('Found 1 proposal.');
  await expect(proposals.getByRole('button')).toHaveCount(1);
  await expect(proposals.getByRole('button')).toContainText(RAWALPINDI.title);
  await expect(proposals.getByRole('button')).toContainText('Building name: Amazon Outlet Mall');
  await expect(proposals.locator('mark')).toHaveText('Amazon');

  await box.fill('Ali Fatima');
  await expect(dialog.getByRole('status')).toHaveText('Found 1 proposal.');
  await expect(proposals.getByRole('button')).toHaveCount(1);
  await expect(proposals.getByRole('button')).toContainText(FAISALABAD.title);

  await box.fill(URDU_TYPED_WITH_ARABIC_YEH);
  await expect(proposals.getByRole('button')).toHaveCount(1);
  await expect(proposals.getByRole('button')).toContainText(FAISALABAD.title);
  await expect(proposals.locator('mark')).toHaveText(URDU_STORED);

  await box.fill(RAWALPINDI_MOU);
  await expect(dialog.getByRole('status')).toHaveText('Found 1 MoU.');
  await expect(mous.getByRole('button')).toHaveCount(1);
  await expect(mous.getByRole('button')).toContainText('MoU number:');

  // Esc clears, then closes; Ctrl+F brings it back and Arrow down, Enter opens a result.
  await page.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  await page.keyboard.press('Control+f');
  await expect(box).toBeFocused();
  await page.keyboard.type('rawalpindi');
  await expect(dialog.getByRole('status')).toHaveText('Found 1 proposal and 1 MoU.');
  await expect(mous.getByRole('button')).toContainText('Proposal: PSEB/STP/RWP/2021-02: Rawalpindi Software Technology Park');
  await page.screenshot({ path: test.info().outputPath('search.png') });
  const axe = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  expect(axe.passes.length).toBeGreaterThan(0);
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  await expectNoAxeViolations(page, 'the search dialog with results');
  await page.keyboard.press('ArrowDown');
  await expect(proposals.getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(mous.getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `MoU ${RAWALPINDI_MOU}`, level: 1 })).toBeVisible();
});
