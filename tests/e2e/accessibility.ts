import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** WCAG 2.1 A and AA, as the issue's "Done when" names them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now (the screen, or the dialog open on it) and fails with
 * each violation named: rule, impact, and the first elements it was found on.
 * Called inside the journeys, so every screen is checked in the state an official sees it.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe inside the page: the default opens a second page to merge frame results,
  // which the bridged test context does not allow. The summary preview frame runs no scripts
  // (no allow-scripts in its sandbox).
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`).join('\n    ')}`,
  );
  expect(found, `axe on ${label}`).toEqual([]);
}
