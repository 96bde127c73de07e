import { formatDate, todayInPakistan } from '../format/dates';
import { PIPELINE_STAGES, STAGE_LABELS, type PipelineStage, type Stage } from './stages';
import type { StageMove } from './proposal';

/**
 * The proposal pipeline as a state machine. Pure: every answer comes from the stage history.
 *
 * - From an open pipeline stage: the next pipeline stage, or a side exit (Rejected,
 *   Withdrawn, On hold).
 * - On hold resumes only to the pipeline stage it left, or ends in Rejected / Withdrawn.
 * - Operational is the end of the pipeline: nothing moves on from it.
 * - Rejected and Withdrawn are closed. A closed proposal can be reopened (a Board may
 *   reconsider, a partner may renew its offer), but only to the pipeline stage it was in
 *   when it closed, and only with a note giving the reason. The reopening is recorded as
 *   one more move (e.g. Rejected -> Board approval), so the history stays append-only and
 *   shows both the closing and the reopening.
 */

export type MoveKind = 'advance' | 'exit' | 'resume' | 'reopen';

export interface AllowedMove {
  to: Stage;
  kind: MoveKind;
  /** Exits and reopenings must say why. */
  noteRequired: boolean;
  /** The words on the button that makes this move. */
  label: string;
}

export const CLOSED_STAGES: readonly Stage[] = ['rejected', 'withdrawn'];
export const FINAL_STAGE: Stage = 'operational';

const EXIT_LABELS = { rejected: 'Reject', withdrawn: 'Mark withdrawn', 'on-hold': 'Put on hold' } as const;

function isPipelineStage(stage: Stage): stage is PipelineStage {
  return (PIPELINE_STAGES as readonly Stage[]).includes(stage);
}

export function isClosedStage(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

type History = readonly Pick<StageMove, 'from' | 'to' | 'at'>[];

export function currentStageOf(history: History): Stage {
  const last = history[history.length - 1];
  if (!last) throw new Error('A stage history has at least one move.');
  return last.to;
}

/** The pipeline stage the proposal was last in: where On hold resumes and a closed proposal reopens. */
export function lastPipelineStage(history: History): PipelineStage | undefined {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const to = history[i]!.to;
    if (isPipelineStage(to)) return to;
  }
  return undefined;
}

function exits(except: Stage[] = []): AllowedMove[] {
  return (['rejected', 'withdrawn', 'on-hold'] as const)
    .filter((to) => !except.includes(to))
    .map((to) => ({ to, kind: 'exit', noteRequired: true, label: EXIT_LABELS[to] }));
}

/** Every move the history allows next, in the order the page offers them. */
export function allowedMoves(history: History): AllowedMove[] {
  const stage = currentStageOf(history);
  if (stage === FINAL_STAGE) return [];
  if (isClosedStage(stage)) {
    const back = lastPipelineStage(history);
    return back ? [{ to: back, kind: 'reopen', noteRequired: true, label: `Reopen at ${STAGE_LABELS[back]}` }] : [];
  }
  if (stage === 'on-hold') {
    const back = lastPipelineStage(history);
    const resume: AllowedMove[] = back ? [{ to: back, kind: 'resume', noteRequired: false, label: `Resume at ${STAGE_LABELS[back]}` }] : [];
    return [...resume, ...exits(['on-hold'])];
  }
  const next = PIPELINE_STAGES[PIPELINE_STAGES.indexOf(stage as PipelineStage) + 1]!;
  return [{ to: next, kind: 'advance', noteRequired: false, label: `Move to ${STAGE_LABELS[next]}` }, ...exits()];
}

export type MoveCheck = { ok: true; move: AllowedMove } | { ok: false; reason: string };

/** Whether `to` may follow the history; the reason names what is allowed instead. */
export function checkMove(history: History, to: Stage): MoveCheck {
  const stage = currentStageOf(history);
  const moves = allowedMoves(history);
  const move = moves.find((m) => m.to === to);
  if (move) return { ok: true, move };
  const from = STAGE_LABELS[stage];
  if (moves.length === 0) return { ok: false, reason: `A proposal at ${from} cannot move to any other stage; ${from} is the end of the pipeline.` };
  if (to === stage) return { ok: false, reason: `The proposal is already at ${from}.` };
  const allowed = moves.map((m) => STAGE_LABELS[m.to]).join(', ');
  return { ok: false, reason: `A proposal at ${from} cannot move to ${STAGE_LABELS[to]}. From ${from} it can move to: ${allowed}.` };
}

/** The calendar day (in Pakistan) a recorded move took effect. */
export function moveDate(move: Pick<StageMove, 'at'>): string {
  return todayInPakistan(new Date(move.at));
}

/** A move dated `on` may not be in the future, nor before the move before it. */
export function checkMoveDate(history: History, on: string, today: string): string | undefined {
  if (on > today) return `The date of a move cannot be in the future (today is ${formatDate(today)}).`;
  const last = history[history.length - 1];
  if (last) {
    const previous = moveDate(last);
    if (on < previous) return `The date cannot be before the previous move, on ${formatDate(previous)}.`;
  }
  return undefined;
}

/** The first stage whose work needs the gross area (evaluation scores, committee and Board papers, the MoU). */
export const AREA_REQUIRED_FROM: PipelineStage = 'evaluation';

/** The facts of the proposal a move depends on. */
export interface MoveFacts {
  grossAreaSqFt?: number;
}

/** Why the proposal cannot enter `to` with the facts recorded, or undefined when it can. */
export function missingFactFor(to: Stage, facts: MoveFacts): string | undefined {
  if (!isPipelineStage(to) || PIPELINE_STAGES.indexOf(to) < PIPELINE_STAGES.indexOf(AREA_REQUIRED_FROM)) return undefined;
  if (facts.grossAreaSqFt !== undefined) return undefined;
  return `Record the gross covered area before moving to ${STAGE_LABELS[to]}: from ${STAGE_LABELS[AREA_REQUIRED_FROM]} on, the area is needed. Edit the proposal to add it.`;
}

export interface MoveRequest {
  to: Stage;
  /** YYYY-MM-DD: when the move happened; may be back-dated. */
  on: string;
  note: string;
}

export type MoveRequestCheck =
  | { ok: true; move: AllowedMove }
  | { ok: false; field: 'to' | 'on' | 'note'; reason: string };

/**
 * Everything about a requested move: allowed at all, the facts it needs recorded (the gross
 * area from Evaluation on), dated sensibly, a reason where one is needed.
 */
export function checkMoveRequest(history: History, request: MoveRequest, today: string, facts: MoveFacts): MoveRequestCheck {
  const allowed = checkMove(history, request.to);
  if (!allowed.ok) return { ok: false, field: 'to', reason: allowed.reason };
  const missing = allowed.move.kind === 'exit' ? undefined : missingFactFor(request.to, facts);
  if (missing) return { ok: false, field: 'to', reason: missing };
  const dateProblem = checkMoveDate(history, request.on, today);
  if (dateProblem) return { ok: false, field: 'on', reason: dateProblem };
  if (allowed.move.noteRequired && request.note.trim() === '') {
    const what = allowed.move.kind === 'reopen' ? 'reopening it' : `moving it to ${STAGE_LABELS[request.to]}`;
    return { ok: false, field: 'note', reason: `Give the reason for ${what}.` };
  }
  return { ok: true, move: allowed.move };
}

/** Noon in Pakistan: a back-dated move reads as the same day in every time zone the app uses. */
const NOON_PKT_UTC = 'T07:00:00.000Z';

/**
 * The instant stored for a move dated `on`. Today's moves keep the real time; a back-dated
 * move gets noon of that day, but never earlier than the move before it, so the history
 * stays in time order.
 */
export function moveInstant(history: History, on: string, now: Date): string {
  const real = now.toISOString();
  const at = on === todayInPakistan(now) ? real : `${on}${NOON_PKT_UTC}`;
  const previous = history[history.length - 1]?.at;
  return previous && Date.parse(previous) > Date.parse(at) ? new Date(previous).toISOString() : at;
}
