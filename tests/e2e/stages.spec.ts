import type { Api } from '../../shared/api/contract';
import { test, expect } from './fixtures';
import { enterFaisalabadProposal, FAISALABAD, moveStage, PIPELINE_TO_SIGNED, setOfficialName } from './proposal-steps';

interface StoredFile {
  proposals: { id: string; updatedAt: string; stageHistory: { from: string | null; to: string; by: string; note: string }[] }[];
}

test('the Faisalabad proposal moves through every stage to MoU signed, with a timeline and the dashboard to match', async ({ app }) => {
  // A long journey (eight moves through the dialog); the default 30 s is tight on a shared 2-core machine.
  test.setTimeout(120_000);
  const { page } = app;
  await enterFaisalabadProposal(page);

  // Only the allowed moves are offered: the next stage and the side exits, nothing further on.
  const moves = page.getByRole('group', { name: 'Allowed moves' }).getByRole('button');
  await expect(moves).toHaveText(['Move to Screening…', 'Reject…', 'Mark withdrawn…', 'Put on hold…']);
  await expect(page.getByRole('button', { name: /MoU signed/ })).toHaveCount(0);

  // The official has not set a name: the first move asks for it.
  await page.getByRole('button', { name: 'Move to Screening…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move to Screening' });
  await expect(dialog.getByLabel('Date of the move', { exact: true })).toHaveValue(/^\d{2}-[A-Z][a-z]{2}-\d{4}$/);
  await dialog.getByRole('button', { name: 'Record: Screening' }).click();
  await expect(dialog.getByLabel('Your name', { exact: true })).toHaveAccessibleDescription(/Your name is required/);
  await expect(dialog.getByLabel('Your name', { exact: true })).toBeFocused();
  await dialog.getByLabel('Your name', { exact: true }).fill('Ayesha Khan');
  // Esc cancels without recording anything.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(((await app.readDataFile()) as StoredFile).proposals[0]!.stageHistory).toHaveLength(1);

  await setOfficialName(page, 'Ayesha Khan');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: FAISALABAD.title }).click();

  // A date before the previous move is refused under the date field.
  await page.getByRole('button', { name: 'Move to Screening…' }).click();
  await dialog.getByLabel('Date of the move', { exact: true }).fill('1-Jan-2021');
  await dialog.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
  await expect(dialog.getByLabel('Date of the move', { exact: true })).toHaveAccessibleDescription(/cannot be before the previous move/);
  await page.keyboard.press('Escape');

  for (const [button, stage, note] of PIPELINE_TO_SIGNED) {
    await moveStage(page, `${button}…`, note);
    await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(new RegExp(`Now at\\s*${stage}`));
    await expect(page.getByRole('status')).toContainText(`${FAISALABAD.referenceNumber} moved to ${stage}.`);
  }

  const timeline = page.getByRole('list', { name: 'Stage moves, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(8);
  await expect(timeline.getByRole('listitem').first()).toContainText('MoU negotiation → MoU signed by Ayesha Khan');
  await expect(timeline.getByRole('listitem').first()).toContainText('MoU signed in Islamabad.');
  await expect(timeline.getByRole('listitem').last()).toContainText('Entered at Received');
  await expect(page.getByText('0 days in this stage')).toBeVisible();

  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.proposals[0]!.stageHistory.map((m) => m.to)).toEqual([
    'received', 'screening', 'site-inspection', 'evaluation', 'committee-recommendation', 'board-approval', 'mou-negotiation', 'mou-signed',
  ]);
  expect(stored.proposals[0]!.stageHistory.slice(1).every((m) => m.by === 'Ayesha Khan' && m.note.length > 0)).toBe(true);

  // The dashboard shows it at MoU signed, with its 19,500 sq ft signed.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  const perStage = page.getByRole('table', { name: 'Proposals per stage' });
  await expect(perStage.getByRole('row', { name: /^MoU signed/ })).toHaveText(/MoU signed\s*1/);
  await expect(perStage.getByRole('row', { name: /^Received/ })).toHaveText(/Received\s*0/);
  const signed = page.getByRole('button', { name: /MoU signed or in fit-out/ });
  await expect(signed).toContainText('19,500 sq ft');

  // The figure opens the list behind it.
  await signed.click();
  await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('signed');
  await expect(page.getByText('1 of 1 proposal')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /FSD/ })).toContainText('MoU signed');
});

test('On hold resumes only to the stage it left, and needs a reason', async ({ app }) => {
  const { page } = app;
  await setOfficialName(page, 'Bilal Ahmed');
  await enterFaisalabadProposal(page);
  await moveStage(page, 'Move to Screening…', '');

  await page.getByRole('button', { name: 'Put on hold…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Put on hold' });
  await dialog.getByRole('button', { name: 'Record: On hold' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toHaveAccessibleDescription(/Give the reason for moving it to On hold/);
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('عمارت کا فائر سیفٹی سرٹیفکیٹ درکار ہے');
  await dialog.getByRole('button', { name: 'Record: On hold' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('group', { name: 'Allowed moves' }).getByRole('button')).toHaveText(['Resume at Screening…', 'Reject…', 'Mark withdrawn…']);
  await expect(page.getByRole('list', { name: 'Stage moves, newest first' }).getByRole('listitem').first()).toContainText(
    'عمارت کا فائر سیفٹی سرٹیفکیٹ درکار ہے',
  );
  await moveStage(page, 'Resume at Screening…', 'Certificate received.');
  await expect(page.getByRole('group', { name: 'Allowed moves' }).getByRole('button').first()).toHaveText('Move to Site inspection…');
});

test('a move the stage machine does not allow is refused by main even when sent directly, and nothing is written', async ({ app }) => {
  const { page } = app;
  await setOfficialName(page, 'Ayesha Khan');
  await enterFaisalabadProposal(page);
  const before = JSON.stringify(await app.readDataFile());
  const { id, updatedAt } = ((await app.readDataFile()) as StoredFile).proposals[0]!;
  const refused = await page.evaluate(
    ([proposalId, expectedUpdatedAt]) =>
      (window as unknown as { api: Api }).api.moveProposalStage({ id: proposalId!, expectedUpdatedAt: expectedUpdatedAt!, to: 'received', on: new Date().toISOString().slice(0, 10), note: '' }),
    [id, updatedAt],
  );
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'invalid-input',
      message: 'The proposal is already at Received.',
      fieldErrors: { to: expect.any(String) },
    },
  });
  expect(JSON.stringify(await app.readDataFile())).toBe(before);
});
