import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintAt, fingerprintFindings, loadAllowList, scanFolder, unexplainedFindings, type Fingerprinted } from '../../security/electronegativity';

const root = path.resolve(import.meta.dirname, '../../..');
const BUNDLE = path.join(root, 'out/main/index.js');

/** The built main bundle, which is what the allow-list must judge finding by finding. */
function mainBundle(): string {
  if (!existsSync(BUNDLE)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  return readFileSync(BUNDLE, 'utf8');
}

const lineOf = (text: string, code: string) => text.split('\n').findIndex((line) => line.trim() === code) + 1;
const finding = (text: string, rule: string, line: number): Fingerprinted => ({ rule, file: 'main/index.js', line, message: 'm', ...fingerprintAt(text, line, rule) });

/** A window made without the secure factory, the kind of change the check exists to catch. */
const ROGUE = ['', 'function openRogueWindow() {', '\treturn new BrowserWindow({ width: 400, height: 300 });', '}', 'openRogueWindow();', ''].join('\n');

describe('the Electronegativity allow-list', () => {
  const allowed = loadAllowList();

  it('explains the known findings in the bundle wherever they move, and a new finding of the same rule in the same file not', () => {
    const bundle = mainBundle();
    const secureWindowLine = lineOf(bundle, 'const win = new BrowserWindow({');
    expect(secureWindowLine).toBeGreaterThan(0);
    expect(unexplainedFindings([finding(bundle, 'CONTEXT_ISOLATION_JS_CHECK', secureWindowLine)], allowed)).toEqual([]);

    // Edits elsewhere move the line, not the fingerprint.
    const shifted = `${'// another module\n'.repeat(40)}${bundle}`;
    expect(unexplainedFindings([finding(shifted, 'CONTEXT_ISOLATION_JS_CHECK', secureWindowLine + 40)], allowed)).toEqual([]);

    // The same rule in the same file at other code (matching by rule and file let this through).
    const rogue = `${bundle}${ROGUE}`;
    const rogueLine = lineOf(rogue, 'return new BrowserWindow({ width: 400, height: 300 });');
    expect(unexplainedFindings([finding(rogue, 'CONTEXT_ISOLATION_JS_CHECK', rogueLine)], allowed)).toHaveLength(1);
    // An allowed fingerprint under another rule explains nothing.
    expect(unexplainedFindings([finding(bundle, 'NODE_INTEGRATION_JS_CHECK', secureWindowLine)], allowed)).toHaveLength(1);
  });

  it('lets each entry explain one finding, so the same code pasted elsewhere is new', () => {
    const bundle = mainBundle();
    const lines = bundle.split('\n');
    const at = lineOf(bundle, 'const win = new BrowserWindow({');
    const pasted = [...lines, ...lines.slice(at - 2, at + 1)].join('\n');
    const twice = [finding(pasted, 'SANDBOX_JS_CHECK', at), finding(pasted, 'SANDBOX_JS_CHECK', lines.length + 2)];
    expect(twice[0]!.fingerprint).toBe(twice[1]!.fingerprint);
    expect(unexplainedFindings(twice, allowed)).toEqual([twice[1]]);
  });

  it('fails a real scan of the bundle with a new window added to it, and passes the bundle as built', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'electronegativity-bundle-'));
    mkdirSync(path.join(folder, 'main'));
    const bundle = mainBundle();
    writeFileSync(path.join(folder, 'main/index.js'), `${bundle}${ROGUE}`);
    const unexplained = unexplainedFindings(fingerprintFindings(folder, scanFolder(folder)), allowed);
    const rogueLine = lineOf(`${bundle}${ROGUE}`, 'return new BrowserWindow({ width: 400, height: 300 });');
    expect(unexplained.length).toBeGreaterThan(0);
    expect(unexplained.map((f) => [f.file, f.line])).toEqual(unexplained.map(() => ['main/index.js', rogueLine]));
    expect(unexplained.map((f) => f.rule)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 180_000);
});
