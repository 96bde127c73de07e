import { describe, expect, it } from 'vitest';
import {
  allowedMoves,
  checkMove,
  checkMoveDate,
  checkMoveRequest,
  checkEntry,
  currentStageOf,
  lastPipelineStage,
  moveDate,
  moveInstant,
  offeredMoves,
} from '../../../shared/domain/stage-machine';
import { checkCorrection, correctionEntry, effectiveMoves, withdrawalOf } from '../../../shared/domain/move-history';
import { currentStage, enteredCurrentStageAt } from '../../../shared/domain/proposal';
import type { StageMove } from '../../../shared/domain/proposal';
import { ALL_STAGES, PIPELINE_STAGES, type Stage } from '../../../shared/domain/stages';

/** A history walking through `stages`, one move a day from 1-Mar-2021. */
function history(...stages: Stage[]): StageMove[] {
  return stages.map((to, i) => ({
    at: new Date(Date.UTC(2021, 2, 1 + i, 7)).toISOString(),
    from: i === 0 ? null : stages[i - 1]!,
    to,
    by: 'Test',
    note: '',
  }));
}

const targets = (h: StageMove[]) => allowedMoves(h).map((m) => m.to);
const EXITS: Stage[] = ['rejected', 'withdrawn', 'on-hold'];

describe('allowed moves from each pipeline stage', () => {
  PIPELINE_STAGES.slice(0, -1).forEach((stage, index) => {
    const later = PIPELINE_STAGES.slice(index + 1);
    it(`from ${stage}: any later pipeline stage and the side exits; the page offers the next one`, () => {
      const h = history(...PIPELINE_STAGES.slice(0, index + 1));
      expect(targets(h)).toEqual([...later, ...EXITS]);
      for (const to of ALL_STAGES) expect(checkMove(h, to).ok).toBe(later.includes(to as never) || EXITS.includes(to));
      expect(offeredMoves(h).map((m) => m.to)).toEqual([later[0], ...EXITS]);
    });
  });

  it('a move past the next stage names the stages it passes, and must say why', () => {
    const moves = allowedMoves(history('received', 'screening'));
    expect(moves.find((m) => m.to === 'site-inspection')).toMatchObject({ passes: [], noteRequired: false });
    expect(moves.find((m) => m.to === 'board-approval')).toMatchObject({
      kind: 'advance',
      passes: ['site-inspection', 'evaluation', 'committee-recommendation'],
      noteRequired: true,
    });
    const today = '2026-11-25';
    expect(checkMoveRequest(history('received'), { to: 'evaluation', on: today, note: '' }, today, { grossAreaSqFt: 19_500 })).toEqual({
      ok: false,
      field: 'note',
      reason: 'Say why Screening, Site inspection were passed without a record.',
    });
    expect(checkMoveRequest(history('received'), { to: 'evaluation', on: today, note: 'Recorded on paper only.' }, today, { grossAreaSqFt: 19_500 })).toMatchObject({
      ok: true,
      move: { passes: ['screening', 'site-inspection'] },
    });
  });

  it('Operational is the end: no move is allowed, and the reason says so', () => {
    const h = history(...PIPELINE_STAGES);
    expect(allowedMoves(h)).toEqual([]);
    const check = checkMove(h, 'rejected');
    expect(check).toEqual({ ok: false, reason: expect.stringContaining('Operational is the end of the pipeline') });
  });

  it('a move backwards is refused with the moves that are allowed named', () => {
    const check = checkMove(history('received', 'screening', 'site-inspection', 'evaluation', 'committee-recommendation', 'board-approval', 'mou-negotiation', 'mou-signed'), 'screening');
    expect(check).toEqual({
      ok: false,
      reason: 'A proposal at MoU signed cannot move to Screening. From MoU signed it can move to: Fit-out, Operational, Rejected, Withdrawn, On hold.',
    });
    expect(checkMove(history('received', 'screening'), 'received').ok).toBe(false);
    expect(checkMove(history('received'), 'received')).toEqual({ ok: false, reason: 'The proposal is already at Received.' });
  });

  it('side exits need a note; advancing does not', () => {
    const moves = offeredMoves(history('received'));
    expect(moves.map((m) => [m.to, m.noteRequired, m.label])).toEqual([
      ['screening', false, 'Move to Screening'],
      ['rejected', true, 'Reject'],
      ['withdrawn', true, 'Mark withdrawn'],
      ['on-hold', true, 'Put on hold'],
    ]);
  });
});

describe('On hold', () => {
  it('resumes only to the stage it left, or ends in Rejected / Withdrawn', () => {
    const h = history('received', 'screening', 'site-inspection', 'on-hold');
    expect(allowedMoves(h).map((m) => [m.to, m.kind, m.label])).toEqual([
      ['site-inspection', 'resume', 'Resume at Site inspection'],
      ['rejected', 'exit', 'Reject'],
      ['withdrawn', 'exit', 'Mark withdrawn'],
    ]);
    expect(checkMove(h, 'evaluation').ok).toBe(false);
    expect(checkMove(h, 'screening').ok).toBe(false);
    expect(checkMove(h, 'on-hold').ok).toBe(false);
  });

  it('after resuming, the pipeline carries on from that stage', () => {
    const h = history('received', 'screening', 'on-hold', 'screening');
    expect(offeredMoves(h).map((m) => m.to)).toEqual(['site-inspection', ...EXITS]);
  });

  it('a second hold resumes to the stage of the second hold', () => {
    const h = history('received', 'on-hold', 'received', 'screening', 'on-hold');
    expect(allowedMoves(h)[0]).toMatchObject({ to: 'screening', kind: 'resume' });
  });
});

describe('closed proposals (Rejected, Withdrawn)', () => {
  it('can only be reopened, at the pipeline stage they were in, with a reason', () => {
    const rejected = history('received', 'screening', 'evaluation', 'rejected');
    expect(allowedMoves(rejected)).toEqual([{ to: 'evaluation', kind: 'reopen', noteRequired: true, label: 'Reopen at Evaluation', passes: [] }]);
    expect(checkMove(rejected, 'committee-recommendation').ok).toBe(false);
    expect(checkMove(rejected, 'withdrawn').ok).toBe(false);
  });

  it('a proposal withdrawn while on hold reopens at the stage before the hold', () => {
    const h = history('received', 'screening', 'on-hold', 'withdrawn');
    expect(targets(h)).toEqual(['screening']);
    expect(lastPipelineStage(h)).toBe('screening');
  });
});

describe('dates of moves', () => {
  const h = history('received', 'screening'); // last move on 2-Mar-2021

  it('may be back-dated to the day of the previous move but not before it', () => {
    expect(checkMoveDate(h, '2021-03-02', '2026-11-25')).toBeUndefined();
    expect(checkMoveDate(h, '2021-03-01', '2026-11-25')).toBe('The date cannot be before the previous move, on 02-Mar-2021.');
  });

  it('may not be in the future', () => {
    expect(checkMoveDate(h, '2026-11-25', '2026-11-25')).toBeUndefined();
    expect(checkMoveDate(h, '2026-11-26', '2026-11-25')).toBe('The date of a move cannot be in the future (today is 25-Nov-2026).');
  });

  it('the previous move is dated in Pakistan time, not UTC', () => {
    // 20:00 UTC on 2-Mar is 01:00 on 3-Mar in Pakistan.
    const late = [{ at: '2021-03-02T20:00:00.000Z', from: null, to: 'received' as const, by: '', note: '' }];
    expect(moveDate(late[0]!)).toBe('2021-03-03');
    expect(checkMoveDate(late, '2021-03-02', '2026-11-25')).toMatch(/03-Mar-2021/);
  });

  it('a move today keeps the real time; a back-dated one reads as that day everywhere and stays in order', () => {
    const now = new Date('2026-11-25T10:15:00.000Z');
    expect(moveInstant(h, '2026-11-25', now)).toBe('2026-11-25T10:15:00.000Z');
    expect(moveInstant(h, '2021-05-20', now)).toBe('2021-05-20T07:00:00.000Z');
    const lateSameDay = [{ at: '2021-05-20T12:00:00Z', from: null, to: 'received' as const, by: '', note: '' }];
    expect(moveInstant(lateSameDay, '2021-05-20', now)).toBe('2021-05-20T12:00:00.000Z');
  });
});

describe('a whole move request', () => {
  const h = history('received');
  const today = '2026-11-25';
  const known = { grossAreaSqFt: 19_500 };

  it('is refused at the field that is wrong', () => {
    expect(checkMoveRequest(h, { to: 'received', on: today, note: '' }, today, known)).toMatchObject({ ok: false, field: 'to' });
    expect(checkMoveRequest(h, { to: 'screening', on: '2027-01-01', note: '' }, today, known)).toMatchObject({ ok: false, field: 'on' });
    expect(checkMoveRequest(h, { to: 'on-hold', on: today, note: '  ' }, today, known)).toEqual({
      ok: false,
      field: 'note',
      reason: 'Give the reason for moving it to On hold.',
    });
    const rejected = history('received', 'rejected');
    expect(checkMoveRequest(rejected, { to: 'received', on: today, note: '' }, today, known)).toEqual({
      ok: false,
      field: 'note',
      reason: 'Give the reason for reopening it.',
    });
  });

  it('needs the gross area from Evaluation on, and says where to record it', () => {
    const atSiteInspection = history('received', 'screening', 'site-inspection');
    const unknownArea = {};
    expect(checkMoveRequest(h, { to: 'screening', on: today, note: '' }, today, unknownArea)).toMatchObject({ ok: true });
    expect(checkMoveRequest(atSiteInspection, { to: 'evaluation', on: today, note: '' }, today, unknownArea)).toEqual({
      ok: false,
      field: 'to',
      reason: 'Record the gross covered area before moving to Evaluation: from Evaluation on, the area is needed. Edit the proposal to add it.',
    });
    expect(checkMoveRequest(atSiteInspection, { to: 'evaluation', on: today, note: '' }, today, known)).toMatchObject({ ok: true });
    // Leaving the pipeline never needs it: a proposal without an area can still be rejected.
    expect(checkMoveRequest(atSiteInspection, { to: 'rejected', on: today, note: 'No building.' }, today, unknownArea)).toMatchObject({ ok: true });
    const heldAtEvaluation = history('received', 'screening', 'site-inspection', 'evaluation', 'on-hold');
    expect(checkMoveRequest(heldAtEvaluation, { to: 'evaluation', on: today, note: '' }, today, unknownArea)).toMatchObject({ ok: false, field: 'to' });
  });

  it('is accepted when allowed, dated sensibly and explained where needed', () => {
    expect(checkMoveRequest(h, { to: 'screening', on: today, note: '' }, today, known)).toMatchObject({ ok: true, move: { kind: 'advance' } });
    expect(checkMoveRequest(h, { to: 'withdrawn', on: today, note: 'Partner sold the building.' }, today, known)).toMatchObject({ ok: true });
  });

  it('a back-dated move must say why it is recorded late', () => {
    expect(checkMoveRequest(h, { to: 'screening', on: '2021-03-05', note: ' ' }, today, known)).toEqual({
      ok: false,
      field: 'note',
      reason: 'Say why this move is recorded late (it is dated 05-Mar-2021).',
    });
    expect(checkMoveRequest(h, { to: 'screening', on: '2021-03-05', note: 'From the file.' }, today, known)).toMatchObject({ ok: true });
  });
});

describe('entering a proposal at its real stage', () => {
  const today = '2026-11-25';

  it('passes every stage before it, without dates of their own', () => {
    expect(checkEntry({ stage: 'operational', on: '2022-03-15' }, today)).toEqual({ ok: true, passes: PIPELINE_STAGES.slice(0, -1) });
    expect(checkEntry({ stage: 'received', on: today }, today)).toEqual({ ok: true, passes: [] });
  });

  it('is refused in the future, before the date received, or at a side exit', () => {
    expect(checkEntry({ stage: 'fit-out', on: '2026-11-26' }, today)).toMatchObject({ ok: false, field: 'on' });
    expect(checkEntry({ stage: 'fit-out', on: '2021-01-01' }, today, '2021-02-15')).toEqual({
      ok: false,
      field: 'on',
      reason: 'The date it reached Fit-out cannot be before the date received, 15-Feb-2021.',
    });
    expect(checkEntry({ stage: 'rejected', on: today }, today)).toMatchObject({ ok: false, field: 'stage' });
  });
});

describe('correcting the last move', () => {
  const withIds = (h: StageMove[]) => h.map((m, i) => ({ ...m, id: `00000000-0000-4000-8000-00000000000${i}` }));
  const now = new Date('2026-11-25T10:00:00.000Z');

  it('a withdrawn Reject no longer counts: the stage, its date and the moves allowed are as before it', () => {
    const h = withIds(history('received', 'screening', 'rejected'));
    const check = checkCorrection(h, 'Rejected by mistake: pressed the wrong button.');
    if (!check.ok) throw new Error(check.reason);
    expect(check.withdrawn.to).toBe('rejected');
    const corrected = [...h, correctionEntry(check.withdrawn, check.restored, { id: 'c1', now, by: 'Ayesha', reason: 'Rejected by mistake: pressed the wrong button.' })];
    expect(corrected.at(-1)).toMatchObject({ from: 'rejected', to: 'screening', withdraws: h[2]!.id, note: 'Rejected by mistake: pressed the wrong button.' });
    expect(currentStageOf(corrected)).toBe('screening');
    expect(currentStage({ stageHistory: corrected })).toBe('screening');
    expect(enteredCurrentStageAt({ stageHistory: corrected })).toBe(h[1]!.at);
    expect(offeredMoves(corrected).map((m) => m.to)).toEqual(['site-inspection', ...EXITS]);
    // The next move may be dated before the withdrawn one: only the moves that stand count.
    expect(checkMoveDate(corrected, '2021-03-02', '2026-11-25')).toBeUndefined();
    // Both stay in the history.
    expect(corrected).toHaveLength(4);
    expect(withdrawalOf(corrected, corrected[2]!)).toBe(corrected[3]);
    expect(effectiveMoves(corrected).map((m) => m.to)).toEqual(['received', 'screening']);
  });

  it('a move recorded before moves had ids is named by its instant', () => {
    const h = history('received', 'screening');
    const check = checkCorrection(h, 'Wrong proposal.');
    if (!check.ok) throw new Error(check.reason);
    const corrected = [...h, correctionEntry(check.withdrawn, check.restored, { id: 'c1', now, by: 'A', reason: 'Wrong proposal.' })];
    expect(corrected.at(-1)!.withdraws).toBe(h[1]!.at);
    expect(currentStageOf(corrected)).toBe('received');
  });

  it('needs a reason, and never withdraws the first entry', () => {
    expect(checkCorrection(withIds(history('received', 'screening')), '  ')).toEqual({ ok: false, field: 'reason', reason: 'Give the reason the move is withdrawn.' });
    expect(checkCorrection(withIds(history('received')), 'x')).toMatchObject({ ok: false, field: 'move' });
  });

  it('a second correction withdraws the move before the first one', () => {
    let h = withIds(history('received', 'screening', 'site-inspection'));
    for (const reason of ['one', 'two']) {
      const check = checkCorrection(h, reason);
      if (!check.ok) throw new Error(check.reason);
      h = [...h, correctionEntry(check.withdrawn, check.restored, { id: `c-${reason}`, now, by: 'A', reason })];
    }
    expect(currentStageOf(h)).toBe('received');
    expect(checkCorrection(h, 'three')).toMatchObject({ ok: false, field: 'move' });
  });
});
