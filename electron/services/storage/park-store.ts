import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { DatabaseSchema, emptyDatabase, type Database } from '../../../shared/domain/database';
import { ApiFailure } from '../../../shared/api/result';

/** The data file could not be read as a Park Desk database; nothing was written over it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

/**
 * The one writer of the data file. Every change is made on a copy and becomes the store's
 * data only once it is on disk, so a failed save leaves memory and file as they were.
 */
export class ParkStore {
  private constructor(
    private readonly db: Low<Database>,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<ParkStore> {
    const db = new Low<Database>(new JSONFile<Database>(file), emptyDatabase());
    try {
      await db.read();
    } catch (error) {
      throw new DataFileError(file, `The data file ${file} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = DatabaseSchema.safeParse(db.data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new DataFileError(file, `The data file ${file} is not a Park Desk database (${first?.path.join('.')}: ${first?.message}).`);
    }
    db.data = parsed.data;
    return new ParkStore(db, file);
  }

  get data(): Readonly<Database> {
    return this.db.data;
  }

  /** Applies `change` to a copy, writes it, then makes it current. Returns what `change` returned. */
  async update<T>(change: (draft: Database) => T): Promise<T> {
    const previous = this.db.data;
    const draft = structuredClone(previous);
    const result = change(draft);
    this.db.data = draft;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      throw new ApiFailure('storage', `Could not save to ${this.file}: ${(error as Error).message}. Nothing was changed.`);
    }
    return result;
  }
}
