import { spawnSync } from 'node:child_process';
import { systemChromiumPath } from './chromium';

/**
 * Run before the end-to-end tests: use Debian's Chromium where it is installed; otherwise
 * fetch Playwright's own Chromium (needs the internet once, as on a developer's machine).
 */
const system = systemChromiumPath();
if (system) {
  console.log(`End-to-end tests use the system Chromium at ${system}.`);
} else {
  console.log('No system Chromium found; installing Playwright\'s Chromium…');
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(result.status ?? 1);
}
