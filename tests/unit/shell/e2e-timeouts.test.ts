import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../playwright.config';

const e2eDir = path.resolve(import.meta.dirname, '../../e2e');
const specs = readdirSync(e2eDir).filter((name) => name.endsWith('.ts'));
const source = (name: string) => readFileSync(path.join(e2eDir, name), 'utf8');

/** The body of the test with this title, up to the next top-level test. */
function testBody(file: string, title: string): string {
  const text = source(file);
  const start = text.indexOf(title);
  expect(start, `${file}: "${title}"`).toBeGreaterThan(-1);
  const next = text.indexOf('\ntest(', start);
  return text.slice(start, next === -1 ? undefined : next);
}

describe('end-to-end timing on a loaded 2-core CI machine', () => {
  it('gives each test and each expectation room for a busy machine', () => {
    // 30 s was too little: the Faisalabad MoU journey ran past it beside other CPU-heavy work.
    expect(config.timeout).toBeGreaterThanOrEqual(60_000);
    expect(config.expect?.timeout).toBeGreaterThanOrEqual(10_000);
  });

  it.each([
    ['mous.spec.ts', 'an official creates the Faisalabad MoU from its proposal, tracks obligations and moves it to Active'],
    ['faisalabad-journey.spec.ts', 'the Faisalabad park from its proposal to a signed MoU'],
    ['stages.spec.ts', 'the Faisalabad proposal moves through every stage to MoU signed'],
    ['proposals.spec.ts', 'an official creates a proposal, finds it after a restart and edits it'],
    ['data-safety.spec.ts', 'exports everything and imports it elsewhere after a preview'],
  ])('%s "%s" is a long journey with a timeout of its own', (file, title) => {
    const set = /test\.setTimeout\((\d[\d_]*)\)/.exec(testBody(file, title));
    expect(set, 'test.setTimeout').not.toBeNull();
    expect(Number(set![1]!.replaceAll('_', ''))).toBeGreaterThanOrEqual(120_000);
  });

  it('never waits on a fixed sleep', () => {
    for (const file of specs) {
      const text = source(file);
      expect(text, file).not.toMatch(/waitForTimeout\s*\(/);
      expect(text, file).not.toMatch(/new Promise\s*\(\s*\(?\s*\w+\s*\)?\s*=>\s*setTimeout/);
    }
  });
});
