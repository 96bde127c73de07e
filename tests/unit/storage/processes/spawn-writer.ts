import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

/** Bundles the writer once into plain JavaScript, so each child starts in tens of milliseconds. */
export async function bundleWriter(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'park-desk-writer-'));
  const outfile = path.join(outDir, 'writer-child.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'writer-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

export interface Writer {
  child: ChildProcess;
  /** Every id the child acknowledged as saved, in order. */
  acked: string[];
  lines: string[];
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWriter(bundle: string, dataDir: string, label: string, maxWrites?: number, mode?: 'compact'): Writer {
  const args = [bundle, dataDir, label, maxWrites === undefined ? 'unlimited' : String(maxWrites), ...(mode ? [mode] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: string[] = [];
  const lines: string[] = [];
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      if (line === 'ready') markReady();
      else if (line.startsWith('ack ')) acked.push(line.slice(4));
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => lines.push(`stderr: ${chunk}`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, acked, lines, ready, exited };
}
