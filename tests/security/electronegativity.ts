/**
 * Running Electronegativity and judging its findings against the allow-list. An allowed
 * finding is matched by its rule and a fingerprint of the code it points at (the flagged line
 * with the line either side, whitespace folded), never by file: out/main/index.js is the whole
 * main bundle, so "this rule in this file" would let any new finding in main through.
 * Edits elsewhere move a finding's line but not its fingerprint; a change to the flagged code
 * itself changes the fingerprint, so the reason must be looked at again.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Finding {
  rule: string;
  /** Relative to the scanned folder, with forward slashes. */
  file: string;
  line: number;
  message: string;
}

export interface Allowed {
  rule: string;
  fingerprint: string;
  /** The flagged line, for the reader; matching uses the fingerprint. */
  code: string;
  /** Where the finding was when it was allowed, for the reader only. */
  seenIn?: string[];
  reason: string;
}

export interface Fingerprinted extends Finding {
  fingerprint: string;
  code: string;
}

/** Lines either side of the flagged one that are part of its fingerprint. */
const CONTEXT_LINES = 1;

const fold = (line: string) => line.replace(/\s+/g, ' ').trim();

/** The fingerprint of the code at a 1-based line of a file's text, and the flagged line itself. */
export function fingerprintAt(text: string, line: number, rule: string): { fingerprint: string; code: string } {
  const lines = text.split(/\r?\n/);
  const index = Math.min(Math.max(line - 1, 0), Math.max(lines.length - 1, 0));
  const context = lines.slice(Math.max(0, index - CONTEXT_LINES), index + CONTEXT_LINES + 1).map(fold);
  const hash = createHash('sha256').update(`${rule}\n${context.join('\n')}`).digest('hex');
  return { fingerprint: `sha256:${hash.slice(0, 16)}`, code: fold(lines[index] ?? '') };
}

export function fingerprintFindings(folder: string, findings: Finding[]): Fingerprinted[] {
  const texts = new Map<string, string>();
  return findings.map((finding) => {
    let text = texts.get(finding.file);
    if (text === undefined) {
      text = readFileSync(path.join(folder, finding.file), 'utf8');
      texts.set(finding.file, text);
    }
    return { ...finding, ...fingerprintAt(text, finding.line, finding.rule) };
  });
}

/**
 * Which findings no entry explains. Each entry explains one finding per scanned folder (the
 * source and the bundle are scanned separately), so the same code copied elsewhere is new.
 */
export function unexplainedFindings(findings: Fingerprinted[], allowed: Allowed[]): Fingerprinted[] {
  const unused = [...allowed];
  return findings.filter((finding) => {
    const at = unused.findIndex((entry) => entry.rule === finding.rule && entry.fingerprint === finding.fingerprint);
    if (at === -1) return true;
    unused.splice(at, 1);
    return false;
  });
}

export function loadAllowList(file = path.join(import.meta.dirname, 'electronegativity-allow.json')): Allowed[] {
  const allowed = (JSON.parse(readFileSync(file, 'utf8')) as { allowed: Allowed[] }).allowed;
  for (const entry of allowed) {
    if (!/^sha256:[0-9a-f]{16}$/.test(entry.fingerprint ?? '')) throw new Error(`Allow-list entry ${entry.rule} needs a fingerprint (sha256:<16 hex>).`);
    if (!entry.reason || entry.reason.trim().length < 20) throw new Error(`Allow-list entry ${entry.rule} ${entry.code} needs a real reason.`);
  }
  return allowed;
}

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export function electronVersion(): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Electronegativity's findings in a folder. The tool exits 0 whatever it finds, so its SARIF
 * report is read. Offline: the Electron version is given (-e), so it does not fetch the release list.
 */
export function scanFolder(folder: string): Finding[] {
  const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'electronegativity-')), 'report.sarif');
  execFileSync(process.execPath, [cli, '-i', folder, '-o', out, '-r', '-v', 'false', '-e', electronVersion()], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => ({
      rule: r.ruleId,
      file: (r.locations[0]?.physicalLocation.artifactLocation.uri ?? '?').replaceAll('\\', '/'),
      line: r.locations[0]?.physicalLocation.region.startLine ?? 0,
      message: r.message.text,
    })),
  );
}
