import { readFileSync } from 'node:fs';
import { errorCode } from './storage-fs';

/** What a lock records about its writer, beyond the pid, so a later process with the same pid is not taken for it. */
export interface ProcessIdentity {
  /** Linux: the start time in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  startTicks?: string;
  /** Linux: /proc/sys/kernel/random/boot_id, which changes at every boot. */
  bootId?: string;
}

/**
 * Whether the process that wrote a lock still runs.
 * 'gone': it does not (no such process, or the pid now belongs to a process started later or in another boot).
 * 'running': that very process runs.
 * 'unknown': something runs under that pid but it cannot be told apart (Windows, or another user's
 * process); the caller then judges by whether the lock is still being refreshed.
 */
export type HolderState = 'gone' | 'running' | 'unknown';

export interface ProcessProbe {
  self(): ProcessIdentity;
  check(pid: number, identity: ProcessIdentity): HolderState;
}

/** The start time of `pid` from /proc; undefined where /proc cannot be read (not Linux, or hidden). ENOENT: no such process. */
function procStartTicks(pid: number): string | undefined | 'no-such-process' {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT' && procIsMounted() ? 'no-such-process' : undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields[19]; // field 22 overall, counting from field 3
}

function procIsMounted(): boolean {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `process.kill(pid, 0)` answers only whether some process has that pid. ESRCH settles it; EPERM
 * (Windows and Linux alike, for another user's process) means "something runs there", not "it is ours".
 */
function pidInUse(pid: number, kill: (pid: number, signal: number) => unknown): boolean {
  try {
    kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) !== 'ESRCH';
  }
}

/**
 * Reads /proc where there is one (Linux), so a pid reused after a power cut is told apart by its
 * start time and boot; elsewhere (Windows) only "no such process" is certain.
 */
export function systemProcessProbe(options: { platform?: NodeJS.Platform; kill?: (pid: number, signal: number) => unknown } = {}): ProcessProbe {
  const platform = options.platform ?? process.platform;
  const kill = options.kill ?? ((pid: number, signal: number) => process.kill(pid, signal));
  const useProc = platform === 'linux';
  const bootId = useProc ? readBootId() : undefined;
  return {
    self: () => {
      if (!useProc) return {};
      const ticks = procStartTicks(process.pid);
      return { ...(typeof ticks === 'string' && ticks !== 'no-such-process' ? { startTicks: ticks } : {}), ...(bootId ? { bootId } : {}) };
    },
    check: (pid, identity) => {
      if (useProc) {
        if (identity.bootId && bootId && identity.bootId !== bootId) return 'gone';
        const ticks = procStartTicks(pid);
        if (ticks === 'no-such-process') return 'gone';
        if (ticks !== undefined && identity.startTicks !== undefined) return ticks === identity.startTicks ? 'running' : 'gone';
      }
      return pidInUse(pid, kill) ? 'unknown' : 'gone';
    },
  };
}
