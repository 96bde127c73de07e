import { shell } from 'electron';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * Only web links leave the app. shell.openExternal hands a URL to the OS, which would
 * happily run file:, javascript:, smb: or a custom handler's scheme.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return EXTERNAL_PROTOCOLS.has(parsed.protocol) && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** Opens a web link in the system browser; refuses anything else. Returns whether it opened. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}
