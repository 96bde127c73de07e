import { z } from 'zod';
import { daysBetween, formatDate, todayInPakistan } from '../format/dates';
import { countOf } from '../format/plural';

/**
 * A copy off the PC: the register and its attachments copied, verified, into a folder on a USB
 * stick or a network share. These are the decisions (names, what to keep, when to warn); the
 * copying itself is electron/services/storage/off-pc-copy.ts.
 */

/** The folder inside the chosen one that holds every copy. */
export const COPIES_FOLDER_NAME = 'Park Desk copies';
/** Written last into a copy's folder, after every file was read back and its SHA-256 matched. */
export const COPY_COMPLETE_FILE = 'copy-complete.json';
/** Complete copies kept; older ones are removed once a new copy is complete. */
export const COPIES_KEPT = 5;
/** More days than this since the last complete copy and the dashboard warns. */
export const COPY_STALE_AFTER_DAYS = 7;
/** A copy folder without its manifest younger than this may still be being written (say, by another PC). */
export const INCOMPLETE_GRACE_MS = 60 * 60 * 1000;

const IsoInstant = z.iso.datetime();

/** The last copy that completed: verified and its manifest written. */
export const LastOffPcCopySchema = z.strictObject({
  at: IsoInstant,
  /** The copy's folder name, e.g. 2026-11-27_143005. */
  name: z.string().max(64),
  /** Data file and every attachment the copy holds. */
  bytes: z.number().int().min(0),
  files: z.number().int().min(0),
});

/** How the last attempt ended: copied, the folder could not be reached, or it failed part-way. */
export const OFF_PC_COPY_OUTCOMES = ['copied', 'unreachable', 'failed', 'interrupted'] as const;
export const OffPcCopyAttemptSchema = z.strictObject({
  at: IsoInstant,
  outcome: z.enum(OFF_PC_COPY_OUTCOMES),
  /** What happened, in words an official can act on. */
  message: z.string().max(2000),
});

/** The setting: where copies go, and how the last ones went (kept on the PC, so they are known while the stick is out). */
export const OffPcCopySettingSchema = z.strictObject({
  folder: z.string().min(1).max(1000),
  lastComplete: LastOffPcCopySchema.optional(),
  lastAttempt: OffPcCopyAttemptSchema.optional(),
});
export type OffPcCopySetting = z.output<typeof OffPcCopySettingSchema>;
export type OffPcCopyAttempt = z.output<typeof OffPcCopyAttemptSchema>;
export type LastOffPcCopy = z.output<typeof LastOffPcCopySchema>;

const PKT_OFFSET_MS = 5 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A copy's folder name from the time it was made, in Pakistan time: 2026-11-27_143005.
 * Valid on Windows and FAT (no ':'), and sorting by name sorts by time.
 */
export function copyFolderName(now: Date): string {
  const t = new Date(now.getTime() + PKT_OFFSET_MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}_${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}

const COPY_NAME = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})(\d{2})(\d{2})(?:-(\d{1,3}))?$/;

/** The instant a copy folder's name stands for, or undefined for a name that is not a copy's. */
export function copyFolderTime(name: string): Date | undefined {
  const m = COPY_NAME.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - PKT_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** A name not yet taken: the time, then -2, -3… when two copies fall in one second. */
export function uniqueCopyFolderName(now: Date, taken: ReadonlySet<string>): string {
  const base = copyFolderName(now);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Newest first: by the time in the name, then by the -n suffix. */
function compareNewestFirst(a: string, b: string): number {
  const [ta, tb] = [copyFolderTime(a)!.getTime(), copyFolderTime(b)!.getTime()];
  if (ta !== tb) return tb - ta;
  const suffix = (name: string) => Number(COPY_NAME.exec(name)?.[7] ?? 1);
  return suffix(b) - suffix(a);
}

/**
 * Which copy folders to remove once a new copy is complete: complete copies beyond the newest
 * `keep`, and folders left without a manifest (a copy interrupted) unless they are young enough
 * to be a copy still being written. Names that are not a copy's are never touched.
 */
export function copiesToRemove(folders: readonly { name: string; complete: boolean }[], now: Date, keep = COPIES_KEPT): string[] {
  const copies = folders.filter((f) => copyFolderTime(f.name) !== undefined);
  const complete = copies.filter((f) => f.complete).map((f) => f.name).sort(compareNewestFirst);
  const incomplete = copies.filter((f) => !f.complete && now.getTime() - copyFolderTime(f.name)!.getTime() > INCOMPLETE_GRACE_MS).map((f) => f.name);
  return [...complete.slice(keep), ...incomplete];
}

/**
 * What the dashboard says about copies off the PC, or undefined when all is well (or no folder
 * was chosen: that is suggested under Data only). Days are counted in Pakistan dates: more than
 * COPY_STALE_AFTER_DAYS since the last complete copy, or a last attempt that could not reach
 * the folder, warns.
 */
export function offPcCopyWarning(setting: OffPcCopySetting | undefined, now: Date): string | undefined {
  if (!setting) return undefined;
  const advice = 'Plug in the USB stick (or connect to the shared folder) and choose Copy now.';
  const last = setting.lastComplete;
  const attempt = setting.lastAttempt;
  const unreachable = attempt?.outcome === 'unreachable' && (!last || attempt.at > last.at);
  if (!last) {
    return unreachable
      ? `No copy off this PC has been made yet: the folder could not be reached on ${formatDate(todayInPakistan(new Date(attempt.at)))}. ${advice}`
      : `No copy off this PC has been made yet. ${advice}`;
  }
  const lastDay = todayInPakistan(new Date(last.at));
  const days = daysBetween(lastDay, todayInPakistan(now));
  const ago = days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${countOf(days, 'day')} ago`;
  if (unreachable) return `The copy folder could not be reached at the last try; the last copy off this PC was ${ago} (${formatDate(lastDay)}). ${advice}`;
  if (days > COPY_STALE_AFTER_DAYS) return `The last copy off this PC was ${ago} (${formatDate(lastDay)}). ${advice}`;
  return undefined;
}
