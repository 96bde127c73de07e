import { formatDate } from '../format/dates';
import { PIPELINE_STAGES, STAGE_LABELS, type PipelineStage, type Stage } from './stages';
import type { StageMove } from './proposal';
import { checkMoveDate, effectiveMoves, lastEffectiveMove, lateOrPassingNoteReason, moveDate, moveInstant } from './move-history';

export { moveDate, moveInstant };

/**
 * The proposal pipeline as a state machine. Pure: every answer comes from the stage history,
 * read through the moves that stand (a withdrawn move and its correction are skipped; see
 * move-history.ts).
 *
 * - From an open pipeline stage: any later pipeline stage, or a side exit (Rejected,
 *   Withdrawn, On hold). A move past the next stage records the stages in between as passed
 *   without a record (never as made-up moves), and must say why.
 * - On hold resumes only to the pipeline stage it left, or ends in Rejected / Withdrawn.
 * - Operational is the end of the pipeline: nothing moves on from it.
 * - Rejected and Withdrawn are closed. A closed proposal can be reopened (a Board may
 *   reconsider, a partner may renew its offer), but only to the pipeline stage it was in
 *   when it closed, and only with a note giving the reason. The reopening is recorded as
 *   one more move (e.g. Rejected -> Board approval), so the history stays append-only and
 *   shows both the closing and the reopening. A move recorded by mistake is withdrawn by a
 *   correction instead (move-history.ts).
 */

export type MoveKind = 'advance' | 'exit' | 'resume' | 'reopen';

export interface AllowedMove {
  to: Stage;
  kind: MoveKind;
  /** Exits, reopenings and moves that pass stages must say why. */
  noteRequired: boolean;
  /** The words on the button that makes this move. */
  label: string;
  /** Pipeline stages between the current one and `to`, passed without a record of their own. */
  passes: PipelineStage[];
}

export const CLOSED_STAGES: readonly Stage[] = ['rejected', 'withdrawn'];
export const FINAL_STAGE: Stage = 'operational';

const EXIT_LABELS = { rejected: 'Reject', withdrawn: 'Mark withdrawn', 'on-hold': 'Put on hold' } as const;

type History = readonly Pick<StageMove, 'from' | 'to' | 'at' | 'id' | 'withdraws'>[];

export function isPipelineStage(stage: Stage): stage is PipelineStage {
  return (PIPELINE_STAGES as readonly Stage[]).includes(stage);
}

export function isClosedStage(stage: Stage): boolean {
  return CLOSED_STAGES.includes(stage);
}

/** Pipeline stages strictly between `from` and `to`, in order. */
export function stagesBetween(from: PipelineStage | null, to: PipelineStage): PipelineStage[] {
  const start = from === null ? 0 : PIPELINE_STAGES.indexOf(from) + 1;
  return PIPELINE_STAGES.slice(start, PIPELINE_STAGES.indexOf(to));
}

export function currentStageOf(history: History): Stage {
  return lastEffectiveMove(history).to;
}

/** The pipeline stage the proposal was last in: where On hold resumes and a closed proposal reopens. */
export function lastPipelineStage(history: History): PipelineStage | undefined {
  const moves = effectiveMoves(history);
  for (let i = moves.length - 1; i >= 0; i -= 1) {
    const to = moves[i]!.to;
    if (isPipelineStage(to)) return to;
  }
  return undefined;
}

function exits(except: Stage[] = []): AllowedMove[] {
  return (['rejected', 'withdrawn', 'on-hold'] as const)
    .filter((to) => !except.includes(to))
    .map((to) => ({ to, kind: 'exit', noteRequired: true, label: EXIT_LABELS[to], passes: [] }));
}

/**
 * Every move the history allows next, in the order the page offers them: each later pipeline
 * stage (the next one first), then the side exits.
 */
export function allowedMoves(history: History): AllowedMove[] {
  const stage = currentStageOf(history);
  if (stage === FINAL_STAGE) return [];
  if (isClosedStage(stage)) {
    const back = lastPipelineStage(history);
    return back ? [{ to: back, kind: 'reopen', noteRequired: true, label: `Reopen at ${STAGE_LABELS[back]}`, passes: [] }] : [];
  }
  if (stage === 'on-hold') {
    const back = lastPipelineStage(history);
    const resume: AllowedMove[] = back ? [{ to: back, kind: 'resume', noteRequired: false, label: `Resume at ${STAGE_LABELS[back]}`, passes: [] }] : [];
    return [...resume, ...exits(['on-hold'])];
  }
  const from = stage as PipelineStage;
  const later = PIPELINE_STAGES.slice(PIPELINE_STAGES.indexOf(from) + 1);
  const advances: AllowedMove[] = later.map((to) => {
    const passes = stagesBetween(from, to);
    return { to, kind: 'advance', noteRequired: passes.length > 0, label: `Move to ${STAGE_LABELS[to]}`, passes };
  });
  return [...advances, ...exits()];
}

/** What the page shows as buttons: the next stage and the side exits (the move dialog offers the later stages). */
export function offeredMoves(history: History): AllowedMove[] {
  return allowedMoves(history).filter((m) => m.kind !== 'advance' || m.passes.length === 0);
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

export { checkMoveDate };

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
 * area from Evaluation on), dated sensibly, and a reason where one is needed (exits and
 * reopenings; a move that passes stages; a move recorded late).
 */
export function checkMoveRequest(history: History, request: MoveRequest, today: string, facts: MoveFacts): MoveRequestCheck {
  const allowed = checkMove(history, request.to);
  if (!allowed.ok) return { ok: false, field: 'to', reason: allowed.reason };
  const missing = allowed.move.kind === 'exit' ? undefined : missingFactFor(request.to, facts);
  if (missing) return { ok: false, field: 'to', reason: missing };
  const dateProblem = checkMoveDate(history, request.on, today);
  if (dateProblem) return { ok: false, field: 'on', reason: dateProblem };
  if (request.note.trim() === '') {
    if (allowed.move.noteRequired && allowed.move.kind !== 'advance') {
      const what = allowed.move.kind === 'reopen' ? 'reopening it' : `moving it to ${STAGE_LABELS[request.to]}`;
      return { ok: false, field: 'note', reason: `Give the reason for ${what}.` };
    }
    const why = lateOrPassingNoteReason(request.on, today, allowed.move.passes.map((s) => STAGE_LABELS[s]));
    if (why) return { ok: false, field: 'note', reason: why };
  }
  return { ok: true, move: allowed.move };
}

export interface EntryRequest {
  /** The stage the proposal is at when entered: Received, or any later pipeline stage. */
  stage: Stage;
  /** YYYY-MM-DD: the day it reached that stage. */
  on: string;
}

export type EntryCheck = { ok: true; passes: PipelineStage[] } | { ok: false; field: 'stage' | 'on'; reason: string };

/**
 * A proposal may be entered at its real stage: any pipeline stage, dated when it got there
 * (not in the future, not before the date it was received). The stages before it are passed
 * without a record.
 */
export function checkEntry(request: EntryRequest, today: string, dateReceived?: string, facts?: MoveFacts): EntryCheck {
  if (!isPipelineStage(request.stage)) {
    return { ok: false, field: 'stage', reason: 'A proposal is entered at a pipeline stage; record Rejected, Withdrawn or On hold as a move afterwards.' };
  }
  // The facts a stage needs are the same whether the proposal moves there or is entered there.
  if (facts && missingFactFor(request.stage, facts)) {
    return { ok: false, field: 'stage', reason: `Give the gross covered area: a proposal at ${STAGE_LABELS[request.stage]} needs it (from ${STAGE_LABELS[AREA_REQUIRED_FROM]} on).` };
  }
  if (request.on > today) return { ok: false, field: 'on', reason: `The date it reached ${STAGE_LABELS[request.stage]} cannot be in the future (today is ${formatDate(today)}).` };
  if (dateReceived && request.on < dateReceived) {
    return { ok: false, field: 'on', reason: `The date it reached ${STAGE_LABELS[request.stage]} cannot be before the date received, ${formatDate(dateReceived)}.` };
  }
  return { ok: true, passes: stagesBetween(null, request.stage) };
}

/** The note recorded with an entry at a later stage, when the official gives none. */
export function entryNote(stage: Stage, passes: readonly Stage[]): string {
  if (passes.length === 0) return 'Proposal entered.';
  return `Entered at ${STAGE_LABELS[stage]}: the earlier stages passed before the proposal was recorded in Park Desk.`;
}
