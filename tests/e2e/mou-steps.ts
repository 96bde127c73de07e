import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Adds the first signatory of party `party` (1-based) on the MoU form. */
export async function addSignatory(page: Page, party: number, name: string, designation: string, date: string) {
  const block = page.getByRole('group', { name: `Party ${party}`, exact: true });
  await block.getByRole('button', { name: 'Add signatory' }).click();
  const signatory = block.getByRole('group', { name: `Party ${party} signatory 1` });
  await signatory.getByLabel('Signatory name', { exact: true }).fill(name);
  await signatory.getByLabel('Designation', { exact: true }).fill(designation);
  await signatory.getByLabel('Date signed', { exact: true }).fill(date);
}

/** Adds an obligation on the MoU page through its dialog. */
export async function addObligation(page: Page, party: string, description: string, due: string) {
  await page.getByRole('button', { name: 'Add obligation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add obligation' });
  await dialog.getByLabel('Owed by (party)', { exact: true }).selectOption({ label: party });
  await dialog.getByLabel('Obligation', { exact: true }).fill(description);
  await dialog.getByLabel('Due date', { exact: true }).fill(due);
  await dialog.getByRole('button', { name: 'Add obligation' }).click();
  await expect(dialog).toBeHidden();
}
