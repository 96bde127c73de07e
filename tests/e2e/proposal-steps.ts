import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const FAISALABAD = {
  referenceNumber: 'PSEB/STP/FSD/2021-01',
  title: 'Faisalabad Software Technology Park',
  urduNote: 'پہلا پارک فیصل آباد میں',
};

/** Enters the Faisalabad proposal of domain.md through the form, as an official does, and saves it. */
export async function enterFaisalabadProposal(page: Page, { notes = FAISALABAD.urduNote, offeringParty = 'Sitara Chemical' } = {}) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New proposal' }).click();
  await expect(page.getByRole('heading', { name: 'New proposal' })).toBeVisible();
  await page.getByLabel('Reference number', { exact: true }).fill(FAISALABAD.referenceNumber);
  await page.getByLabel('Title', { exact: true }).fill(FAISALABAD.title);
  await page.getByLabel('City', { exact: true }).fill('Faisalabad');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Building name', { exact: true }).fill('Ali Fatima College of Science and Technology');
  await page.getByLabel('Offering party', { exact: true }).fill(offeringParty);
  await page.getByLabel('Partner type', { exact: true }).selectOption({ label: 'Private company' });
  await page.getByLabel('Gross covered area', { exact: true }).fill('19,500');
  await page.getByLabel('Date received', { exact: true }).fill('15-Feb-2021');
  await page.getByLabel('Notes', { exact: true }).fill(notes);
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
}

/** The moves from Received to MoU signed, each with its note, as the page offers them. */
export const PIPELINE_TO_SIGNED: [button: string, stage: string, note: string][] = [
  ['Move to Screening', 'Screening', 'Papers complete; building plans received.'],
  ['Move to Site inspection', 'Site inspection', 'Visit fixed with the college.'],
  ['Move to Evaluation', 'Evaluation', 'Site visited: three floors usable.'],
  ['Move to Committee recommendation', 'Committee recommendation', 'Evaluation score 82.'],
  ['Move to Board approval', 'Board approval', 'Committee recommends approval.'],
  ['Move to MoU negotiation', 'MoU negotiation', 'Board approved in its 52nd meeting.'],
  ['Move to MoU signed', 'MoU signed', 'MoU signed in Islamabad.'],
];

/** Sets the official's name under Data, so stage moves can record who made them. */
export async function setOfficialName(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('status')).toContainText(`Your name is set to ${name}.`);
}

/** Makes one stage move through the page's button and the move dialog. */
export async function moveStage(page: Page, button: string, note: string, on?: string) {
  await page.getByRole('group', { name: 'Allowed moves' }).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (on !== undefined) await dialog.getByLabel('Date of the move', { exact: true }).fill(on);
  const noteBox = dialog.getByRole('textbox', { name: /^(Note|Reason)$/ });
  await noteBox.fill(note);
  // Enter would start a new line in the note; Ctrl+Enter records the move.
  await noteBox.press('Control+Enter');
  await expect(dialog).toBeHidden();
}

export const RAWALPINDI = {
  referenceNumber: 'PSEB/STP/RWP/2021-02',
  title: 'Rawalpindi Software Technology Park',
  city: 'Rawalpindi',
  buildingName: 'Amazon Outlet Mall',
  offeringParty: 'IMARAT Group',
  grossArea: '44,000',
};

/** Enters a proposal with the fields that identify a park (Punjab, a private company), and saves it. */
export async function enterProposal(page: Page, park: typeof RAWALPINDI & { notes?: string }) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'New proposal' }).click();
  await expect(page.getByRole('heading', { name: 'New proposal' })).toBeVisible();
  await page.getByLabel('Reference number', { exact: true }).fill(park.referenceNumber);
  await page.getByLabel('Title', { exact: true }).fill(park.title);
  await page.getByLabel('City', { exact: true }).fill(park.city);
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Building name', { exact: true }).fill(park.buildingName);
  await page.getByLabel('Offering party', { exact: true }).fill(park.offeringParty);
  await page.getByLabel('Partner type', { exact: true }).selectOption({ label: 'Private company' });
  await page.getByLabel('Gross covered area', { exact: true }).fill(park.grossArea);
  if (park.notes) await page.getByLabel('Notes', { exact: true }).fill(park.notes);
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: park.title, level: 1 })).toBeVisible();
}
