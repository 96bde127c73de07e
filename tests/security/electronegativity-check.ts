/**
 * Runs Electronegativity over the shell's source (electron/) and the built app (out/) and fails
 * on any finding not explained in electronegativity-allow.json (matched by rule and a
 * fingerprint of the flagged code: see electronegativity.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { electronVersion, fingerprintFindings, loadAllowList, scanFolder, unexplainedFindings } from './electronegativity';

const root = path.resolve(import.meta.dirname, '../..');
const allowList = loadAllowList();

const folders = ['electron', 'out'].filter((f) => existsSync(path.join(root, f)));
if (!folders.includes('out')) console.warn('electronegativity: out/ is not built; only electron/ was scanned (npm test builds first).');
let total = 0;
const unexplained = folders.flatMap((folder) => {
  const findings = fingerprintFindings(path.join(root, folder), scanFolder(path.join(root, folder)));
  total += findings.length;
  return unexplainedFindings(findings, allowList).map((f) => ({ ...f, folder }));
});

console.log(`electronegativity (Electron ${electronVersion()}): ${total} findings in ${folders.join(', ')}, ${total - unexplained.length} explained in the allow-list.`);
if (unexplained.length > 0) {
  for (const f of unexplained) console.error(`  UNEXPLAINED ${f.rule} ${f.folder}/${f.file}:${f.line} ${f.fingerprint} \`${f.code}\`\n    ${f.message}`);
  console.error('Fix each finding, or add it to tests/security/electronegativity-allow.json (rule, fingerprint, code) with the reason it is safe.');
  process.exit(1);
}
