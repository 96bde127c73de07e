/** The app is served from its own privileged scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'park-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * scheme://host[:port] of a URL, or null when it has no host. Built by hand because
 * Node's URL reports the origin of a non-special scheme such as app: as "null".
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The URL electron-vite dev serves the renderer from. Ignored in a packaged build, so an
 * environment variable cannot point a shipped app at other content.
 */
export function devServerUrl(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  return isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined;
}

/** Origins whose pages may navigate within the app and call main. */
export function trustedOrigins(devUrl: string | undefined): string[] {
  const dev = devUrl ? originOf(devUrl) : null;
  return dev ? [APP_ORIGIN, dev] : [APP_ORIGIN];
}
