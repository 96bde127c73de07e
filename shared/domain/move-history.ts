import { formatDate, todayInPakistan } from '../format/dates';

/**
 * The rules every append-only history follows: a proposal's stage history and an MoU's status
 * history. Written once here, used by the stage machine and the MoU status machine.
 *
 * Identity: moves recorded by this version carry an `id` (a UUID). A correction entry names the
 * move it withdraws in `withdraws`: that move's id, or, for a move recorded before moves had ids,
 * its `at` instant. Ids, not positions, because an import merges two copies of a history and
 * positions shift; an id survives any merge.
 *
 * A correction never removes anything: the withdrawn move stays in the history, and everything
 * derived from the history (where the record is now, since when, what may follow) reads only the
 * moves that stand: not withdrawn, and not corrections themselves.
 */
export interface HistoryMove<S extends string = string> {
  id?: string | undefined;
  at: string;
  recordedAt?: string | undefined;
  from: S | null;
  to: S;
  by: string;
  note: string;
  /** Set on a correction entry: the move it withdraws (its id, or its `at` when it has no id). */
  withdraws?: string | undefined;
}

type Dated = Pick<HistoryMove, 'at'>;

/** How a correction names a move. */
export function moveRef(move: Pick<HistoryMove, 'id' | 'at'>): string {
  return move.id ?? move.at;
}

export function isCorrection(move: Pick<HistoryMove, 'withdraws'>): boolean {
  return move.withdraws !== undefined;
}

function withdrawnRefs(history: readonly Pick<HistoryMove, 'withdraws'>[]): Set<string> {
  const refs = new Set<string>();
  for (const move of history) if (move.withdraws !== undefined) refs.add(move.withdraws);
  return refs;
}

/** The correction that withdraws `move`, if one does. */
export function withdrawalOf<M extends Pick<HistoryMove, 'id' | 'at' | 'withdraws'>>(history: readonly M[], move: M): M | undefined {
  if (isCorrection(move)) return undefined;
  const ref = moveRef(move);
  return history.find((m) => m.withdraws === ref);
}

/** The moves that stand, in the order they were recorded: what every derived value reads. */
export function effectiveMoves<M extends Pick<HistoryMove, 'id' | 'at' | 'withdraws'>>(history: readonly M[]): M[] {
  const withdrawn = withdrawnRefs(history);
  if (withdrawn.size === 0) return history.filter((m) => !isCorrection(m));
  return history.filter((m) => !isCorrection(m) && !withdrawn.has(moveRef(m)));
}

/** The last move that stands; read for every row of a 10,000-row list, so it allocates nothing when nothing was withdrawn. */
export function lastEffectiveMove<M extends Pick<HistoryMove, 'id' | 'at' | 'withdraws'>>(history: readonly M[]): M {
  let withdrawn: Set<string> | undefined;
  for (const move of history) if (move.withdraws !== undefined) (withdrawn ??= new Set()).add(move.withdraws);
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const move = history[i]!;
    if (move.withdraws !== undefined || withdrawn?.has(moveRef(move))) continue;
    return move;
  }
  throw new Error('A history has at least one move that stands.');
}

/** The calendar day (in Pakistan) a recorded move took effect. */
export function moveDate(move: Dated): string {
  return todayInPakistan(new Date(move.at));
}

/** A move dated `on` may not be in the future, nor before the move that stands before it. */
export function checkMoveDate(history: readonly Pick<HistoryMove, 'id' | 'at' | 'withdraws'>[], on: string, today: string): string | undefined {
  if (on > today) return `The date of a move cannot be in the future (today is ${formatDate(today)}).`;
  const last = effectiveMoves(history).at(-1);
  if (last) {
    const previous = moveDate(last);
    if (on < previous) return `The date cannot be before the previous move, on ${formatDate(previous)}.`;
  }
  return undefined;
}

/**
 * Why a move must carry a note beyond what its kind asks: a move dated before today is recorded
 * late, and a move that passes stages leaves them without a record; both must say why.
 * Undefined when no note is needed for these reasons.
 */
export function lateOrPassingNoteReason(on: string, today: string, passedLabels: readonly string[]): string | undefined {
  if (passedLabels.length > 0) return `Say why ${passedLabels.join(', ')} ${passedLabels.length === 1 ? 'was' : 'were'} passed without a record.`;
  if (on < today) return `Say why this move is recorded late (it is dated ${formatDate(on)}).`;
  return undefined;
}

/** Noon in Pakistan: a back-dated move reads as the same day in every time zone the app uses. */
const NOON_PKT_UTC = 'T07:00:00.000Z';

/** The instant of noon in Pakistan on `on`. */
export function noonInPakistan(on: string): string {
  return `${on}${NOON_PKT_UTC}`;
}

/**
 * The instant stored for a move dated `on`. Today's moves keep the real time; a back-dated
 * move gets noon of that day, but never earlier than the move that stands before it, so the
 * moves that stand stay in time order.
 */
export function moveInstant(history: readonly Pick<HistoryMove, 'id' | 'at' | 'withdraws'>[], on: string, now: Date): string {
  const real = now.toISOString();
  const at = on === todayInPakistan(now) ? real : noonInPakistan(on);
  const previous = effectiveMoves(history).at(-1)?.at;
  return previous && Date.parse(previous) > Date.parse(at) ? new Date(previous).toISOString() : at;
}

/** `recordedAt` is kept only when it differs from when the move took effect. */
export function recordedAtIfLate(at: string, now: Date): { recordedAt?: string } {
  const recordedAt = now.toISOString();
  return at === recordedAt ? {} : { recordedAt };
}

export type CorrectionCheck<M> = { ok: true; withdrawn: M; restored: M } | { ok: false; field: 'reason' | 'move'; reason: string };

/**
 * Whether the last move that stands can be withdrawn: not the first entry (a record always has
 * a stage or status), and only with a reason.
 */
export function checkCorrection<M extends Pick<HistoryMove, 'id' | 'at' | 'withdraws' | 'from'>>(history: readonly M[], reason: string): CorrectionCheck<M> {
  const moves = effectiveMoves(history);
  const withdrawn = moves[moves.length - 1];
  const restored = moves[moves.length - 2];
  if (!withdrawn || !restored) {
    return { ok: false, field: 'move', reason: 'There is no move to correct: only the first entry stands, and it cannot be withdrawn. Archive the record if it was entered by mistake.' };
  }
  if (reason.trim() === '') return { ok: false, field: 'reason', reason: 'Give the reason the move is withdrawn.' };
  return { ok: true, withdrawn, restored };
}

/** The correction entry that withdraws the last move that stands; appended, never replacing anything. */
export function correctionEntry<S extends string>(
  withdrawn: Pick<HistoryMove<S>, 'id' | 'at' | 'to'>,
  restored: Pick<HistoryMove<S>, 'to'>,
  entry: { id: string; now: Date; by: string; reason: string },
): HistoryMove<S> & { id: string; withdraws: string } {
  return {
    id: entry.id,
    at: entry.now.toISOString(),
    from: withdrawn.to,
    to: restored.to,
    by: entry.by,
    note: entry.reason.trim(),
    withdraws: moveRef(withdrawn),
  };
}
