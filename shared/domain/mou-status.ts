import { formatDate } from '../format/dates';
import { MOU_STATUS_LABELS, currentMouStatus, type Mou, type MouStatus } from './mou';
import { mouExpiryDate } from './mou-dates';
import { checkMoveDate, lateOrPassingNoteReason } from './move-history';

/**
 * The MoU status machine. Legal review and approval may send a draft back one step;
 * Terminated, Renewed and Superseded are ends. Expired is not an end: an expired MoU is
 * still renewed or superseded when its successor is signed. Along the forward path
 * (Draft -> Legal review -> Approved -> Signed -> Active) a move may pass several statuses at
 * once; the ones passed are recorded as passed without a record. Dates follow the stage
 * moves' rules (move-history.ts): not in the future, not before the previous move, a note
 * when back-dated or passing statuses.
 */
export const MOU_STATUS_MOVES: Record<MouStatus, readonly MouStatus[]> = {
  draft: ['legal-review'],
  'legal-review': ['approved', 'draft'],
  approved: ['signed', 'legal-review'],
  signed: ['active', 'terminated'],
  active: ['expired', 'renewed', 'superseded', 'terminated'],
  expired: ['renewed', 'superseded'],
  renewed: [],
  terminated: [],
  superseded: [],
};

/** The way an MoU normally goes, in order; a forward move may skip along it. */
export const MOU_FORWARD_PATH: readonly MouStatus[] = ['draft', 'legal-review', 'approved', 'signed', 'active'];

export const INITIAL_MOU_STATUS: MouStatus = 'draft';

/** Statuses an MoU reaches only once it has been signed. */
export const SIGNED_OR_LATER_STATUSES: readonly MouStatus[] = ['signed', 'active', 'expired', 'renewed', 'terminated', 'superseded'];

export function isMouStatusEnd(status: MouStatus): boolean {
  return MOU_STATUS_MOVES[status].length === 0;
}

/** Statuses on the forward path strictly between `from` and `to` (empty unless both are on it, in order). */
export function statusesBetween(from: MouStatus | null, to: MouStatus): MouStatus[] {
  const end = MOU_FORWARD_PATH.indexOf(to);
  const start = from === null ? 0 : MOU_FORWARD_PATH.indexOf(from) + 1;
  if (end < 0 || (from !== null && MOU_FORWARD_PATH.indexOf(from) < 0) || start > end) return [];
  return MOU_FORWARD_PATH.slice(start, end);
}

/** Every status `from` may move to: its own steps, then any later status on the forward path. */
export function mouStatusTargets(from: MouStatus): MouStatus[] {
  const targets = [...MOU_STATUS_MOVES[from]];
  const index = MOU_FORWARD_PATH.indexOf(from);
  if (index >= 0) for (const later of MOU_FORWARD_PATH.slice(index + 2)) if (!targets.includes(later)) targets.push(later);
  return targets;
}

/** What the rest of the data says about a move: who succeeds this MoU, and today's date. */
export interface MouMoveContext {
  /** MoUs that name this one as the MoU they renew or supersede. */
  successorIds: readonly string[];
  today: string;
}

/** A move that reaches Signed or Active passes through signing. */
function reachesSigning(from: MouStatus, to: MouStatus): boolean {
  return to === 'signed' || (to === 'active' && statusesBetween(from, to).includes('signed'));
}

/**
 * Why a move cannot be made, in words an official can act on; undefined when it can.
 * The same check decides which buttons the MoU page offers and what main accepts.
 * A move to Signed without a recorded date signed is allowed: its date becomes the date signed.
 */
export function mouStatusMoveProblem(mou: Pick<Mou, 'statusHistory' | 'fields'>, to: MouStatus, context: MouMoveContext): string | undefined {
  const from = currentMouStatus(mou);
  if (!mouStatusTargets(from).includes(to)) {
    return `An MoU cannot move from ${MOU_STATUS_LABELS[from]} to ${MOU_STATUS_LABELS[to]}.`;
  }
  if (to === 'active' && reachesSigning(from, to) && !mou.fields.signedOn) return 'Record the date the MoU was signed before marking it Active.';
  if ((to === 'renewed' || to === 'superseded') && context.successorIds.length === 0) {
    return `Link the MoU that ${to === 'renewed' ? 'renews' : 'supersedes'} this one first: open that MoU's form and choose this one under "Renews or supersedes".`;
  }
  if (to === 'expired') {
    const expiry = mouExpiryDate(mou.fields);
    if (!expiry) return 'Record the signed or effective date and the term first; the expiry date is worked out from them.';
    if (expiry >= context.today) return `This MoU runs until its expiry date; it cannot be marked Expired before then. To end it early, terminate it.`;
  }
  return undefined;
}

/** Moves the MoU page offers, each with the reason it is unavailable (if it is). */
export function mouStatusOptions(mou: Pick<Mou, 'statusHistory' | 'fields'>, context: MouMoveContext): { to: MouStatus; problem: string | undefined; passes: MouStatus[] }[] {
  const from = currentMouStatus(mou);
  return mouStatusTargets(from).map((to) => ({ to, problem: mouStatusMoveProblem(mou, to, context), passes: statusesBetween(from, to) }));
}

export interface MouMoveRequest {
  to: MouStatus;
  /** YYYY-MM-DD: when the move happened; may be back-dated. */
  on: string;
  note: string;
}

export type MouMoveCheck = { ok: true; passes: MouStatus[] } | { ok: false; field: 'to' | 'on' | 'note'; reason: string };

/** Everything about a requested status move, with the proposal rules for its date and note. */
export function checkMouMoveRequest(mou: Pick<Mou, 'statusHistory' | 'fields'>, request: MouMoveRequest, context: MouMoveContext): MouMoveCheck {
  const problem = mouStatusMoveProblem(mou, request.to, context);
  if (problem) return { ok: false, field: 'to', reason: problem };
  const dateProblem = checkMoveDate(mou.statusHistory, request.on, context.today);
  if (dateProblem) return { ok: false, field: 'on', reason: dateProblem };
  const from = currentMouStatus(mou);
  const signedOn = mou.fields.signedOn;
  if (reachesSigning(from, request.to) && signedOn && request.on < signedOn) {
    return { ok: false, field: 'on', reason: `The MoU was signed on ${formatDate(signedOn)}; it cannot be ${MOU_STATUS_LABELS[request.to]} before then.` };
  }
  const passes = statusesBetween(from, request.to);
  if (request.note.trim() === '') {
    const why = lateOrPassingNoteReason(request.on, context.today, passes.map((s) => MOU_STATUS_LABELS[s]));
    if (why) return { ok: false, field: 'note', reason: why };
  }
  return { ok: true, passes };
}

export interface MouEntryRequest {
  /** The status the MoU has when entered: any status on the forward path. */
  status: MouStatus;
  /** YYYY-MM-DD: since when (for Signed, the date signed). */
  on: string;
}

export type MouEntryCheck = { ok: true; passes: MouStatus[]; signedOn?: string } | { ok: false; field: 'status' | 'on'; reason: string };

/**
 * An MoU may be entered at its real status. Entered as Signed, its date is the date signed
 * (filled in when the form left it empty); entered as Active, it needs the date signed, and
 * cannot be active before it.
 */
export function checkMouEntry(request: MouEntryRequest, fields: { signedOn?: string | undefined }, today: string): MouEntryCheck {
  const label = MOU_STATUS_LABELS[request.status];
  if (!MOU_FORWARD_PATH.includes(request.status)) return { ok: false, field: 'status', reason: `An MoU is entered as Draft, Legal review, Approved, Signed or Active; record ${label} as a move afterwards.` };
  if (request.on > today) return { ok: false, field: 'on', reason: `The date it became ${label} cannot be in the future (today is ${formatDate(today)}).` };
  const passes = statusesBetween(null, request.status);
  if (request.status === 'signed') {
    if (fields.signedOn && fields.signedOn !== request.on) {
      return { ok: false, field: 'on', reason: `Date signed says ${formatDate(fields.signedOn)}; an MoU entered as Signed is signed on that date. Give the same date, or correct Date signed.` };
    }
    return { ok: true, passes, signedOn: request.on };
  }
  if (request.status === 'active') {
    if (!fields.signedOn) return { ok: false, field: 'on', reason: 'Give the date signed (under Key dates) for an MoU entered as Active.' };
    if (request.on < fields.signedOn) return { ok: false, field: 'on', reason: `It cannot be Active before it was signed, on ${formatDate(fields.signedOn)}.` };
  }
  return { ok: true, passes };
}

/** The note recorded with an MoU entered at a later status, when the official gives none. */
export function mouEntryNote(status: MouStatus, passes: readonly MouStatus[]): string {
  if (passes.length === 0) return 'MoU entered.';
  return `Entered as ${MOU_STATUS_LABELS[status]}: the earlier statuses passed before the MoU was recorded in Park Desk.`;
}
