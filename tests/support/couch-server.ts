import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real server of the CouchDB protocol for the sync tests, never a mock: pouchdb-server (a dev
 * dependency) on 127.0.0.1 at a free port, its databases in a temp folder so it can be killed and
 * started again with its data; or, when COUCHDB_URL is set (e.g. http://admin:secret@127.0.0.1:5984),
 * that Apache CouchDB. Each test makes a database of its own with officials as members.
 */
export interface TestCouch {
  /** The server's address (no credentials). */
  url: string;
  /** Makes a database whose members are these officials (users created with these passwords). */
  createDatabase(officials: Record<string, string>, options?: { members?: boolean }): Promise<string>;
  /** Kills the server at once (SIGKILL); data written so far stays in its folder. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder. */
  restart(): Promise<void>;
  /** Admin call, for looking at what the server holds. */
  admin<T>(method: string, pathname: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

const ADMIN = 'admin';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess | undefined, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`No CouchDB-protocol server answered at ${url} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startTestCouch(): Promise<TestCouch> {
  const external = process.env.COUCHDB_URL;
  let url: string;
  let adminAuth: string;
  let child: ChildProcess | undefined;
  let folder: string | undefined;
  let port = 0;
  const adminPassword = external ? '' : randomBytes(12).toString('hex');

  const launch = async () => {
    child = spawn(process.execPath, [path.resolve('node_modules/pouchdb-server/bin/pouchdb-server'), '--port', String(port), '--host', '127.0.0.1', '--dir', folder!, '--config', path.join(folder!, 'config.json'), '--no-stdout-logs'], {
      cwd: folder,
      stdio: 'ignore',
    });
    await waitForServer(url, child);
  };

  if (external) {
    const parsed = new URL(external);
    adminAuth = `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`;
    parsed.username = '';
    parsed.password = '';
    url = parsed.toString().replace(/\/$/, '');
    await waitForServer(url, undefined);
  } else {
    folder = await mkdtemp(path.join(tmpdir(), 'park-desk-couch-'));
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await launch();
    // A new pouchdb-server is an "admin party" until it has an admin.
    const made = await fetch(`${url}/_config/admins/${ADMIN}`, { method: 'PUT', body: JSON.stringify(adminPassword) });
    if (!made.ok) throw new Error(`Could not make the admin: ${made.status}`);
    adminAuth = `Basic ${Buffer.from(`${ADMIN}:${adminPassword}`).toString('base64')}`;
  }

  const admin = async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: { authorization: adminAuth, 'content-type': 'application/json', accept: 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok && response.status !== 409 && response.status !== 412) throw new Error(`${method} ${pathname}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };

  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  const created: string[] = [];
  return {
    url,
    admin,
    async createDatabase(officials, { members = true } = {}) {
      const name = `parks-${randomBytes(6).toString('hex')}`;
      await admin('PUT', '/_users').catch(() => undefined);
      for (const [user, password] of Object.entries(officials)) {
        const id = `org.couchdb.user:${user}`;
        const existing = await admin<{ _rev?: string }>('GET', `/_users/${encodeURIComponent(id)}`).catch(() => undefined);
        await admin('PUT', `/_users/${encodeURIComponent(id)}`, { ...(existing?._rev ? { _rev: existing._rev } : {}), name: user, password, roles: [], type: 'user' });
      }
      await admin('PUT', `/${name}`);
      created.push(name);
      await admin('PUT', `/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members ? Object.keys(officials) : [], roles: [] } });
      return name;
    },
    kill,
    async restart() {
      await launch();
    },
    async stop() {
      if (external) {
        for (const name of created) await admin('DELETE', `/${name}`).catch(() => undefined);
        return;
      }
      await kill();
      await rm(folder!, { recursive: true, force: true });
    },
  };
}
