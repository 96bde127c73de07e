import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where it is installed (this workplace cannot download Playwright's
 * browsers); elsewhere undefined, so Playwright uses the browser it installed itself.
 */
export function systemChromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate) && existsSync(candidate!));
}

/** Flags that keep Chromium from reaching for the network it does not have here. */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
