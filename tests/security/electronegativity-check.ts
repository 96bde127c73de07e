/**
 * Runs Electronegativity over the shell's source (electron/) and the built app (out/) and fails
 * on any finding not explained in electronegativity-allow.json. The tool itself exits 0 whatever
 * it finds, so its SARIF report is read here. Offline: the Electron version is given (-e), so
 * it does not need the release list it would otherwise fetch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Allowed {
  rule: string;
  file: string;
  message?: string;
  reason: string;
}
interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const allowList = (JSON.parse(readFileSync(path.join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8')) as { allowed: Allowed[] }).allowed;

for (const entry of allowList) {
  if (!entry.reason || entry.reason.trim().length < 20) throw new Error(`Allow-list entry ${entry.rule} ${entry.file} needs a real reason.`);
}

function scan(folder: string): Finding[] {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'electronegativity-')), 'report.sarif');
  execFileSync(process.execPath, [cli, '-i', folder, '-o', out, '-r', '-v', 'false', '-e', electronVersion], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: { results: { ruleId: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
  };
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => ({
      rule: r.ruleId,
      file: r.locations[0]?.physicalLocation.artifactLocation.uri ?? '?',
      line: r.locations[0]?.physicalLocation.region.startLine ?? 0,
      message: r.message.text,
    })),
  );
}

const folders = ['electron', 'out'].filter((f) => existsSync(path.join(root, f)));
if (!folders.includes('out')) console.warn('electronegativity: out/ is not built; only electron/ was scanned (npm test builds first).');
const findings = folders.flatMap((folder) => scan(path.join(root, folder)).map((f) => ({ ...f, folder })));
const explained = (f: Finding) => allowList.some((a) => a.rule === f.rule && a.file === f.file && (!a.message || f.message.startsWith(a.message)));
const unexplained = findings.filter((f) => !explained(f));

console.log(`electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ${findings.length} findings in ${folders.join(', ')}, ${findings.length - unexplained.length} explained in the allow-list.`);
if (unexplained.length > 0) {
  for (const f of unexplained) console.error(`  UNEXPLAINED ${f.rule} ${f.folder}/${f.file}:${f.line} ${f.message}`);
  console.error('Fix each finding, or add it to tests/security/electronegativity-allow.json with the reason it is safe.');
  process.exit(1);
}
