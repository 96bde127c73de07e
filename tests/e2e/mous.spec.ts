import { openParkServices } from '../../electron/services/park-services';
import { test, expect, type ParkDeskApp } from './fixtures';
import { addObligation, addSignatory } from './mou-steps';

const URDU_PARTNER = 'ستارہ کیمیکل انڈسٹریز';

interface StoredFile {
  mous: {
    fields: { proposalId?: string; parties: { name: string; signatories: { name: string; designation: string; signedOn?: string }[] }[]; obligations: { completedOn?: string }[] };
    statusHistory: { from: string | null; to: string; by: string; note: string }[];
  }[];
}

/** The Faisalabad proposal as recorded up to MoU negotiation, written through the real services. */
async function prepareFaisalabad(dataDir: string): Promise<void> {
  const services = await openParkServices({ dataDir, appVersion: 'test' });
  const created = await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' });
  expect(created.ok).toBe(true);
  // Entered at its real stage: at MoU negotiation since the Board approved it.
  const result = await services.dispatch('createProposal', {
    start: { stage: 'mou-negotiation', on: '2021-04-01', note: 'Board approved.' },
    fields: {
      referenceNumber: 'PSEB/STP/FSD/2021-01',
      title: 'Faisalabad Software Technology Park',
      city: 'Faisalabad',
      province: 'Punjab',
      offeringParty: 'Sitara Chemical Industries',
      offeringPartyType: 'private-company',
      grossAreaSqFt: 19500,
      floorsOffered: 'Ground and 1st',
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  await services.close();
}

async function openFaisalabadProposal(app: ParkDeskApp) {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'Faisalabad Software Technology Park' }).click();
  await expect(page.getByRole('heading', { name: 'Faisalabad Software Technology Park', level: 1 })).toBeVisible();
}

test('an official creates the Faisalabad MoU from its proposal, tracks obligations and moves it to Active', async ({ openApp }, testInfo) => {
  // A long journey of many screens: sized for a loaded 2-core CI machine.
  test.setTimeout(120_000);
  const dataDir = testInfo.outputPath('park-desk-data');
  await prepareFaisalabad(dataDir);
  const app = await openApp({ dataDir });
  const { page } = app;

  await openFaisalabadProposal(app);
  const mousSection = page.getByRole('region', { name: 'MoUs' });
  await expect(mousSection).toContainText('has no MoU yet');
  await mousSection.getByRole('button', { name: 'Create MoU' }).click();

  // Prefilled from the proposal.
  await expect(page.getByRole('heading', { name: 'New MoU' })).toBeVisible();
  const party1 = page.getByRole('group', { name: 'Party 1', exact: true });
  const party2 = page.getByRole('group', { name: 'Party 2', exact: true });
  await expect(party1.getByLabel('Party name', { exact: true })).toHaveValue('Pakistan Software Export Board (PSEB)');
  await expect(party2.getByLabel('Party name', { exact: true })).toHaveValue('Sitara Chemical Industries');
  await expect(party2.getByLabel('Party type', { exact: true })).toHaveValue('private-company');
  await expect(page.getByLabel('Area committed', { exact: true })).toHaveValue('19,500');
  await expect(page.getByLabel('Floors committed', { exact: true })).toHaveValue('Ground and 1st');

  await page.getByLabel('MoU number', { exact: true }).fill('PSEB/MoU/STP/FSD/2021');
  await party2.getByLabel('Party name', { exact: true }).fill(`Sitara Chemical Industries (${URDU_PARTNER})`);
  await expect(party2.getByLabel('Party name', { exact: true })).toHaveAttribute('dir', 'auto');
  await addSignatory(page, 1, 'Osman Nasir', 'Managing Director', '20-May-2021');
  await addSignatory(page, 2, 'Imran Ghani', 'Director', '20-May-2021');
  const dates = page.getByRole('group', { name: 'Dates and term' });
  await dates.getByLabel('Date signed', { exact: true }).fill('20-May-2021');
  await dates.getByLabel('Term (years)', { exact: true }).fill('5');
  await expect(page.getByRole('status', { name: 'Expiry (derived)' })).toHaveText('19-May-2026');
  // A Draft with a date signed: a warning, not an error, and the MoU still saves.
  await expect(dates.getByText(/This MoU is recorded as Draft, so it is not in force even with a date signed/)).toBeVisible();
  await expect(dates).toContainText('Its expiry, 19-May-2026, has already passed.');
  await page.getByRole('button', { name: 'Save MoU' }).click();

  // The MoU page.
  await expect(page.getByRole('heading', { name: 'MoU PSEB/MoU/STP/FSD/2021', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Key dates' })).toContainText('Expiry (derived)19-May-2026');
  // Still a Draft, so never shown as expired or in force, and its past expiry is flagged.
  await expect(page.getByTestId('mou-state-sentence')).toContainText('In preparation (Draft)');
  await expect(page.getByTestId('mou-state-sentence')).toContainText('not in force; its expiry date 19-May-2026 has already passed');
  const parties = page.getByRole('region', { name: 'Parties and signatories' });
  await expect(parties).toContainText(URDU_PARTNER);
  await expect(parties).toContainText('Osman Nasir, Managing Director · signed 20-May-2021');
  await expect(parties).toContainText('Imran Ghani, Director');

  await addObligation(page, 'Sitara Chemical Industries (' + URDU_PARTNER + ')', 'Hand over the building for fit-out', '31-Aug-2021');
  await addObligation(page, 'Pakistan Software Export Board (PSEB)', 'Connect fibre to the park', '31-Dec-2099');
  const obligations = page.getByRole('table', { name: 'Obligations' });
  const handOver = obligations.getByRole('row', { name: /Hand over the building/ });
  const fibre = obligations.getByRole('row', { name: /Connect fibre/ });
  await expect(handOver).toContainText('Overdue');
  await expect(fibre).toContainText('Open');

  await handOver.getByRole('button', { name: 'Mark done' }).click();
  await expect(handOver).toContainText('Done');
  await expect(fibre).toContainText('Open');
  await expect(page.getByRole('status').filter({ hasText: 'Marked done' })).toBeVisible();

  // Status: each step is offered, and a later status passing the ones between; here one step at a time.
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status).toContainText('passes Legal review, Approved, Signed');
  for (const [to, note] of [
    ['Legal review', 'Sent to the legal wing.'],
    ['Approved', 'Cleared by legal.'],
    ['Signed', 'Signed in Islamabad.'],
    ['Active', 'Handed over.'],
  ] as const) {
    await status.getByRole('button', { name: `Move to ${to}` }).click();
    const dialog = page.getByRole('dialog', { name: `Move to ${to}` });
    await dialog.getByLabel('Note', { exact: true }).fill(note);
    await dialog.getByRole('button', { name: `Move to ${to}` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: /MoU PSEB/ }).locator('..')).toContainText(to);
    // Focus is on the next step forward (or on the page heading once Active ends the steps).
    const next = { 'Legal review': 'Move to Approved…', Approved: 'Move to Signed…', Signed: 'Move to Active…' }[to as string];
    if (next) await expect(status.getByRole('button', { name: next })).toBeFocused();
  }
  const timeline = page.getByRole('region', { name: 'Status history' });
  await expect(timeline).toContainText('Signed → Active');
  await expect(timeline).toContainText('Ayesha Khan');
  await expect(timeline).toContainText('Signed in Islamabad.');
  // Active since 2021 with a five-year term: expired by its dates, said in words.
  await expect(page.getByRole('region', { name: 'Key dates' })).toContainText('Expired');

  // The proposal lists the MoU, and the MoU links back.
  await page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: /Faisalabad Software Technology Park/ }).click();
  const listed = page.getByRole('table', { name: 'MoUs of this proposal' });
  await expect(listed.getByRole('row', { name: /PSEB\/MoU\/STP\/FSD\/2021/ })).toContainText('Active');
  await listed.getByRole('button', { name: 'MoU PSEB/MoU/STP/FSD/2021' }).click();
  await expect(page.getByRole('heading', { name: 'MoU PSEB/MoU/STP/FSD/2021', level: 1 })).toBeVisible();

  // The list shows it with its counts.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  const row = page.getByRole('table', { name: 'MoUs' }).getByRole('row', { name: /PSEB\/MoU\/STP\/FSD\/2021/ });
  await expect(row).toContainText('19-May-2026');
  await expect(row).toContainText('1 open');
  await page.getByLabel('Search MoUs', { exact: true }).fill('ستارہ');
  await expect(page.getByText('1 of 1 MoU', { exact: true })).toBeVisible();

  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.mous).toHaveLength(1);
  const mou = stored.mous[0]!;
  expect(mou.fields.parties.map((p) => p.name)).toEqual(['Pakistan Software Export Board (PSEB)', `Sitara Chemical Industries (${URDU_PARTNER})`]);
  expect(mou.fields.parties[1]!.signatories).toEqual([{ name: 'Imran Ghani', designation: 'Director', signedOn: '2021-05-20' }]);
  expect(mou.fields.obligations.filter((o) => o.completedOn)).toHaveLength(1);
  expect(mou.statusHistory.map((m) => m.to)).toEqual(['draft', 'legal-review', 'approved', 'signed', 'active']);
  expect(mou.statusHistory.every((m) => m.by === 'Ayesha Khan')).toBe(true);
  expect('expiresOn' in mou.fields).toBe(false);
});

test('a wrong nested field is named under its input and focused; leaving the form asks first', async ({ app, appKind }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  await expect(page.getByRole('heading', { name: 'No MoUs yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New MoU' }).first().click();

  await page.getByLabel('MoU number', { exact: true }).fill('PSEB/MoU/TEST/1');
  const party2 = page.getByRole('group', { name: 'Party 2', exact: true });
  await party2.getByLabel('Party name', { exact: true }).fill('USTB Bannu');
  await party2.getByLabel('Party type', { exact: true }).selectOption({ label: 'University' });
  await party2.getByRole('button', { name: 'Add signatory' }).click();
  const signatory = party2.getByRole('group', { name: 'Party 2 signatory 1' });
  await signatory.getByLabel('Designation', { exact: true }).fill('Vice Chancellor');
  await signatory.getByLabel('Date signed', { exact: true }).fill('31-Feb-2022');

  // Three-party adds a block for the third party.
  await page.getByLabel('MoU type', { exact: true }).selectOption('three-party');
  const party3 = page.getByRole('group', { name: 'Party 3', exact: true });
  await expect(party3).toBeVisible();
  await party3.getByLabel('Party name', { exact: true }).fill('KPITB');
  await party3.getByLabel('Party type', { exact: true }).selectOption({ label: 'Provincial IT board' });

  await page.getByRole('button', { name: 'Save MoU' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toContainText('2 fields need attention before saving.');
  const name = signatory.getByLabel('Signatory name', { exact: true });
  await expect(name).toBeFocused();
  await expect(name).toHaveAccessibleDescription('Signatory name is required.');
  await expect(signatory.getByLabel('Date signed', { exact: true })).toHaveAccessibleDescription(/must be a real date/);
  await expect(page.getByLabel('MoU number', { exact: true })).toHaveValue('PSEB/MoU/TEST/1');

  // Back to two parties asks before dropping the third.
  await page.getByLabel('MoU type', { exact: true }).selectOption('two-party');
  await page.getByRole('dialog', { name: 'Remove the third party?' }).getByRole('button', { name: 'Remove third party' }).click();
  await expect(party3).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(party2.getByLabel('Party name', { exact: true })).toHaveValue('USTB Bannu');

  // Closing the window with the form unsaved: the page refuses the unload (in Electron, main
  // then asks "Discard unsaved changes?"; here Chromium asks). Staying keeps everything typed.
  if (appKind === 'browser') {
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const beforeUnload = await asked;
    expect(beforeUnload.type()).toBe('beforeunload');
    await beforeUnload.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(party2.getByLabel('Party name', { exact: true })).toHaveValue('USTB Bannu');
  }

  await name.fill('Prof. Dr. Akhtar');
  await signatory.getByLabel('Date signed', { exact: true }).fill('28-Feb-2022');
  await page.getByRole('button', { name: 'Save MoU' }).click();
  await expect(page.getByRole('heading', { name: 'MoU PSEB/MoU/TEST/1', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Proposal' }).getByLabel('Link to proposal', { exact: true })).toBeVisible();

  // The obligation dialog checks with the same schema and says what is missing, where.
  await page.getByRole('button', { name: 'Add obligation' }).click();
  const obligation = page.getByRole('dialog', { name: 'Add obligation' });
  await obligation.getByLabel('Due date', { exact: true }).fill('32-Jan-2027');
  await obligation.getByRole('button', { name: 'Add obligation' }).click();
  await expect(obligation.getByLabel('Owed by (party)', { exact: true })).toBeFocused();
  await expect(obligation.getByLabel('Owed by (party)', { exact: true })).toHaveAccessibleDescription('Choose the party that owes this obligation.');
  await expect(obligation.getByLabel('Obligation', { exact: true })).toHaveAccessibleDescription('Obligation is required.');
  await expect(obligation.getByLabel('Due date', { exact: true })).toHaveAccessibleDescription(/must be a real date/);
  await page.keyboard.press('Escape');
  await expect(obligation).toBeHidden();
  await expect(page.getByText('No obligations recorded.')).toBeVisible();

  // Amendments are numbered within the MoU.
  await page.getByRole('button', { name: 'Add amendment' }).click();
  const amendment = page.getByRole('dialog', { name: 'Add amendment' });
  await amendment.getByLabel('Amendment number', { exact: true }).fill('A-1');
  await amendment.getByLabel('Amendment date', { exact: true }).fill('01-Mar-2022');
  await amendment.getByLabel('Reason', { exact: true }).fill('KPITB joins as third party.');
  await amendment.getByRole('button', { name: 'Add amendment' }).click();
  await expect(page.getByRole('table', { name: 'Amendments' })).toContainText('01-Mar-2022');
});

test('sample MoUs load with their parks, and an MoU number already used is refused naming the other MoU', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  const table = page.getByRole('table', { name: 'MoUs' });
  await expect(page.getByText('3 MoUs')).toBeVisible();
  await expect(table.getByRole('row', { name: /Rawalpindi/ })).toContainText('Active');
  await expect(table.getByRole('row', { name: /Bannu/ })).toContainText('KPITB');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Active' });
  await expect(page.getByText('1 of 3 MoUs')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });

  await page.getByRole('button', { name: 'New MoU' }).click();
  await page.getByLabel('MoU number', { exact: true }).fill('pseb/mou/stp/rwp/2021');
  const party2 = page.getByRole('group', { name: 'Party 2', exact: true });
  await party2.getByLabel('Party name', { exact: true }).fill('Someone');
  await party2.getByLabel('Party type', { exact: true }).selectOption({ label: 'Private company' });
  await page.getByRole('button', { name: 'Save MoU' }).click();
  await expect(page.getByLabel('MoU number', { exact: true })).toHaveAccessibleDescription(
    /already used by the MoU between Pakistan Software Export Board \(PSEB\) and IMARAT Group/,
  );
  await expect(page.getByLabel('MoU number', { exact: true })).toBeFocused();
});
