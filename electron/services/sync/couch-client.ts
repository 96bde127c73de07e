/**
 * The few calls of the CouchDB HTTP API that replication needs, through fetch: no home-made
 * protocol, and no library between us and the server. Every answer the server gives that is
 * not a success becomes a CouchError; no answer at all becomes a ServerUnreachable.
 */

export interface CouchConnection {
  serverUrl: string;
  database: string;
  userName: string;
  password: string;
}

/** The server answered, but not with what was asked (401, 403, 404, 409, 5xx). */
export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    reason: string,
  ) {
    super(reason || error || `HTTP ${status}`);
    this.name = 'CouchError';
  }
}

/** No answer: refused connection, name not found, timeout, the network cut off mid-answer. */
export class ServerUnreachable extends Error {
  constructor(readonly serverUrl: string, cause: unknown) {
    super(`The server at ${serverUrl} did not answer.`, { cause });
    this.name = 'ServerUnreachable';
  }
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}

export interface BulkResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

export interface ChangesPage {
  results: { id: string; seq: string | number; deleted?: boolean; doc?: CouchDoc; changes: { rev: string }[] }[];
  last_seq: string | number;
}

export interface SecurityObject {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

const REQUEST_TIMEOUT_MS = 60_000;

export class CouchClient {
  private readonly authorization: string;

  constructor(
    private readonly connection: CouchConnection,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.authorization = `Basic ${Buffer.from(`${connection.userName}:${connection.password}`, 'utf8').toString('base64')}`;
  }

  get serverUrl(): string {
    return this.connection.serverUrl;
  }

  private dbPath(rest = ''): string {
    return `/${encodeURIComponent(this.connection.database)}${rest}`;
  }

  async request<T>(method: string, path: string, body?: unknown, { anonymous = false } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (!anonymous) headers.authorization = this.authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.connection.serverUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      throw new ServerUnreachable(this.connection.serverUrl, error);
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CouchError(response.status, 'not-json', 'The server did not answer in JSON: it is not a CouchDB server.');
    }
    if (!response.ok) {
      const { error = '', reason = '' } = (parsed ?? {}) as { error?: string; reason?: string };
      throw new CouchError(response.status, error, reason);
    }
    return parsed as T;
  }

  /** GET / : the server's welcome, which names CouchDB (or pouchdb-server's express-pouchdb). */
  welcome(): Promise<Record<string, unknown>> {
    return this.request('GET', '/', undefined, { anonymous: true });
  }

  session(): Promise<{ userCtx?: { name?: string | null; roles?: string[] } }> {
    return this.request('GET', '/_session');
  }

  databaseInfo({ anonymous = false } = {}): Promise<{ db_name: string; update_seq: unknown }> {
    return this.request('GET', this.dbPath(), undefined, { anonymous });
  }

  security(): Promise<SecurityObject> {
    return this.request('GET', this.dbPath('/_security'));
  }

  bulkDocs(docs: CouchDoc[]): Promise<BulkResult[]> {
    return this.request('POST', this.dbPath('/_bulk_docs'), { docs });
  }

  /** The current winning revisions of these documents (missing ones are left out). */
  async getDocs(ids: string[]): Promise<CouchDoc[]> {
    const answer = await this.request<{ rows: { id?: string; doc?: CouchDoc | null; error?: string }[] }>('POST', this.dbPath('/_all_docs?include_docs=true&conflicts=true'), { keys: ids });
    return answer.rows.flatMap((row) => (row.doc ? [row.doc] : []));
  }

  getDocRev(id: string, rev: string): Promise<CouchDoc> {
    return this.request('GET', this.dbPath(`/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`));
  }

  changes(since: string, limit: number): Promise<ChangesPage> {
    const query = `?since=${encodeURIComponent(since)}&include_docs=true&conflicts=true&limit=${limit}`;
    return this.request('GET', this.dbPath(`/_changes${query}`));
  }
}
