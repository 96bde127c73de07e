import path from 'node:path';

export interface DataDirSources {
  env: NodeJS.ProcessEnv;
  /** Value of the --data-dir=<path> switch, '' when absent (as app.commandLine returns it). */
  switchValue: string;
  userDataDir: string;
}

export interface DataDirChoice {
  dataDir: string;
  /** True when the folder was given by env or switch rather than the default. */
  explicit: boolean;
}

/** PARK_DESK_DATA_DIR, else --data-dir, else <userData>/data. */
export function resolveDataDir({ env, switchValue, userDataDir }: DataDirSources): DataDirChoice {
  const given = env.PARK_DESK_DATA_DIR?.trim() || switchValue.trim();
  if (given) return { dataDir: path.resolve(given), explicit: true };
  return { dataDir: path.join(userDataDir, 'data'), explicit: false };
}
