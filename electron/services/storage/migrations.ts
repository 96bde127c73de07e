/**
 * Versioned migrations of the data file. `MIGRATIONS[n]` turns a file of schemaVersion n into
 * one of n + 1; the store applies them in order on load, after taking a backup of the file
 * as it was. A file newer than CURRENT_SCHEMA_VERSION is never migrated (or written): it was
 * made by a newer Park Desk.
 */
export type JsonObject = Record<string, unknown>;
export type Migration = (older: JsonObject) => JsonObject;
export type Migrations = Readonly<Record<number, Migration>>;

/** None yet: version 1 is the first released shape. Add `1: (v1) => ({ ...v1, ... })` with the bump to 2. */
export const MIGRATIONS: Migrations = {};

export class MigrationGapError extends Error {
  constructor(readonly fromVersion: number) {
    super(`Park Desk cannot read files of data version ${fromVersion} any more.`);
    this.name = 'MigrationGapError';
  }
}

/** Runs every migration from `from` up to `to`; each step stamps its own target version. */
export function migrate(json: JsonObject, from: number, to: number, migrations: Migrations = MIGRATIONS): JsonObject {
  let current = json;
  for (let version = from; version < to; version += 1) {
    const step = migrations[version];
    if (!step) throw new MigrationGapError(version);
    current = { ...step(current), schemaVersion: version + 1 };
  }
  return current;
}
