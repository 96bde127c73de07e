import { describe, expect, it } from 'vitest';
import { MouFormFieldsSchema, currentMouStatus, mouStatusSince, type Mou, type MouStatus } from '../../../shared/domain/mou';
import { mouExpiryDate, obligationState, termEndDate } from '../../../shared/domain/mou-dates';
import { MOU_STATUS_MOVES, checkMouEntry, checkMouMoveRequest, mouStatusMoveProblem, mouStatusOptions } from '../../../shared/domain/mou-status';

describe('termEndDate', () => {
  it.each([
    ['2021-05-20', 60, '2026-05-19'],
    ['2021-01-31', 1, '2021-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2021-01-30', 1, '2021-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2021-03-31', 1, '2021-04-30'],
    ['2021-01-01', 12, '2021-12-31'],
    ['2021-12-15', 1, '2022-01-14'],
  ])('%s plus %i months ends on %s', (start, months, end) => {
    expect(termEndDate(start, months)).toBe(end);
  });
});

describe('mouExpiryDate', () => {
  it('counts from the effective date when there is one, else from the date signed', () => {
    expect(mouExpiryDate({ signedOn: '2021-05-20', termYears: 5 })).toBe('2026-05-19');
    expect(mouExpiryDate({ signedOn: '2021-05-20', effectiveOn: '2021-07-01', termYears: 3, termMonths: 6 })).toBe('2024-12-31');
  });
  it('is unknown while a start date or the term is missing', () => {
    expect(mouExpiryDate({ signedOn: '2021-05-20' })).toBeUndefined();
    expect(mouExpiryDate({ termYears: 5 })).toBeUndefined();
    expect(mouExpiryDate({ signedOn: '2021-05-20', termYears: 0, termMonths: 0 })).toBeUndefined();
  });
});

describe('obligationState', () => {
  it('is done once a completion date is recorded, even after the due date', () => {
    expect(obligationState({ dueOn: '2021-01-01', completedOn: '2021-06-01' }, '2026-01-01')).toBe('done');
  });
  it('is overdue the day after its due date, open on it and without one', () => {
    expect(obligationState({ dueOn: '2026-01-01' }, '2026-01-01')).toBe('open');
    expect(obligationState({ dueOn: '2026-01-01' }, '2026-01-02')).toBe('overdue');
    expect(obligationState({}, '2030-01-01')).toBe('open');
  });
});

function mouAt(path: MouStatus[], fields: Partial<Mou['fields']> = {}): Pick<Mou, 'statusHistory' | 'fields'> {
  return {
    fields: { mouNumber: 'X', type: 'two-party', parties: [], witnesses: [], obligations: [], amendments: [], ...fields },
    statusHistory: path.map((to, i) => ({ at: '2026-01-01T00:00:00.000Z', from: i === 0 ? null : path[i - 1]!, to, by: '', note: '' })),
  };
}
const context = { successorIds: [], today: '2026-11-25' };

describe('the MoU status machine', () => {
  it('walks Draft to Active one step at a time', () => {
    const path: MouStatus[] = ['draft', 'legal-review', 'approved', 'signed', 'active'];
    for (let i = 1; i < path.length; i++) {
      expect(mouStatusMoveProblem(mouAt(path.slice(0, i), { signedOn: '2021-05-20' }), path[i]!, context)).toBeUndefined();
    }
  });
  it('moves forward several statuses at once, never backwards past one step, and never out of an end', () => {
    expect(mouStatusMoveProblem(mouAt(['draft']), 'signed', context)).toBeUndefined();
    expect(mouStatusMoveProblem(mouAt(['draft']), 'active', context)).toBe('Record the date the MoU was signed before marking it Active.');
    expect(mouStatusMoveProblem(mouAt(['draft'], { signedOn: '2021-05-20' }), 'active', context)).toBeUndefined();
    expect(mouStatusMoveProblem(mouAt(['draft', 'legal-review', 'approved', 'signed']), 'draft', context)).toBe('An MoU cannot move from Signed to Draft.');
    expect(mouStatusMoveProblem(mouAt(['draft']), 'expired', context)).toMatch(/cannot move/);
    for (const end of ['terminated', 'renewed', 'superseded'] as const) expect(MOU_STATUS_MOVES[end]).toEqual([]);
    expect(mouStatusMoveProblem(mouAt(['draft', 'legal-review', 'approved', 'signed', 'terminated'], { signedOn: '2021-05-20' }), 'active', context)).toMatch(/cannot move from Terminated/);
  });
  it('terminates only a signed or active MoU', () => {
    expect(mouStatusMoveProblem(mouAt(['draft']), 'terminated', context)).toMatch(/cannot move/);
    expect(mouStatusMoveProblem(mouAt(['draft', 'legal-review', 'approved', 'signed']), 'terminated', context)).toBeUndefined();
  });
  it('a move to Signed without a date signed is allowed (its date becomes the date signed); past Signed to Active it is not', () => {
    expect(mouStatusMoveProblem(mouAt(['draft', 'legal-review', 'approved']), 'signed', context)).toBeUndefined();
    expect(mouStatusMoveProblem(mouAt(['draft', 'legal-review', 'approved']), 'active', context)).toMatch(/date the MoU was signed/);
  });
  it('renews or supersedes only when a successor MoU is linked', () => {
    const active = mouAt(['draft', 'legal-review', 'approved', 'signed', 'active']);
    expect(mouStatusMoveProblem(active, 'renewed', context)).toMatch(/Link the MoU that renews/);
    expect(mouStatusMoveProblem(active, 'superseded', { ...context, successorIds: ['next'] })).toBeUndefined();
  });
  it('marks Expired only after the derived expiry date', () => {
    const active = (fields: Partial<Mou['fields']>) => mouAt(['draft', 'legal-review', 'approved', 'signed', 'active'], fields);
    expect(mouStatusMoveProblem(active({ signedOn: '2021-05-20' }), 'expired', context)).toMatch(/term first/);
    expect(mouStatusMoveProblem(active({ signedOn: '2021-05-20', termYears: 5 }), 'expired', { ...context, today: '2026-05-19' })).toMatch(/runs until/);
    expect(mouStatusMoveProblem(active({ signedOn: '2021-05-20', termYears: 5 }), 'expired', { ...context, today: '2026-05-20' })).toBeUndefined();
  });
  it('offers each allowed move with its reason when unavailable', () => {
    expect(mouStatusOptions(mouAt(['draft', 'legal-review', 'approved']), context)).toEqual([
      { to: 'signed', problem: undefined, passes: [] },
      { to: 'legal-review', problem: undefined, passes: [] },
      { to: 'active', problem: 'Record the date the MoU was signed before marking it Active.', passes: ['signed'] },
    ]);
  });
});

describe('dating an MoU status move (the stage moves\' rules)', () => {
  const dated = (path: MouStatus[], on: string, fields: Partial<Mou['fields']> = {}) => {
    const mou = mouAt(path, fields);
    mou.statusHistory = mou.statusHistory.map((m) => ({ ...m, at: `${on}T07:00:00.000Z` }));
    return mou;
  };

  it('is refused in the future and before the previous move', () => {
    const draft = dated(['draft'], '2021-03-01');
    expect(checkMouMoveRequest(draft, { to: 'legal-review', on: '2026-11-26', note: 'x' }, context)).toMatchObject({ ok: false, field: 'on', reason: expect.stringMatching(/future/) });
    expect(checkMouMoveRequest(draft, { to: 'legal-review', on: '2021-02-28', note: 'x' }, context)).toEqual({
      ok: false,
      field: 'on',
      reason: 'The date cannot be before the previous move, on 01-Mar-2021.',
    });
  });

  it('needs a note when back-dated or passing statuses, not for a move today', () => {
    const draft = dated(['draft'], '2021-03-01');
    expect(checkMouMoveRequest(draft, { to: 'legal-review', on: '2026-11-25', note: '' }, context)).toEqual({ ok: true, passes: [] });
    expect(checkMouMoveRequest(draft, { to: 'legal-review', on: '2021-04-01', note: '' }, context)).toMatchObject({ ok: false, field: 'note', reason: 'Say why this move is recorded late (it is dated 01-Apr-2021).' });
    expect(checkMouMoveRequest(draft, { to: 'signed', on: '2021-05-20', note: '' }, context)).toMatchObject({ ok: false, field: 'note', reason: 'Say why Legal review, Approved were passed without a record.' });
    expect(checkMouMoveRequest(draft, { to: 'signed', on: '2021-05-20', note: 'From the signed copy.' }, context)).toEqual({ ok: true, passes: ['legal-review', 'approved'] });
  });

  it('cannot be Signed or Active before the date signed', () => {
    const draft = dated(['draft'], '2021-03-01', { signedOn: '2021-05-20' });
    expect(checkMouMoveRequest(draft, { to: 'active', on: '2021-05-19', note: 'x' }, context)).toMatchObject({ ok: false, field: 'on', reason: expect.stringMatching(/signed on 20-May-2021/) });
  });

  it('ignores a withdrawn move, so the status is back where it was', () => {
    const mou = dated(['draft', 'legal-review'], '2021-03-01');
    mou.statusHistory = mou.statusHistory.map((m, i) => ({ ...m, id: `00000000-0000-4000-8000-00000000000${i}` }));
    mou.statusHistory.push({ id: '00000000-0000-4000-8000-000000000009', at: '2026-11-25T05:00:00.000Z', from: 'legal-review', to: 'draft', by: 'A', note: 'Wrong MoU.', withdraws: '00000000-0000-4000-8000-000000000001' });
    expect(currentMouStatus(mou)).toBe('draft');
    expect(mouStatusSince(mou)).toBe('2021-03-01');
    expect(mouStatusOptions(mou, context)[0]).toMatchObject({ to: 'legal-review' });
  });
});

describe('entering an MoU at its real status', () => {
  const today = '2026-11-25';
  it('as Signed: the date is the date signed, and the statuses before are passed', () => {
    expect(checkMouEntry({ status: 'signed', on: '2021-05-20' }, {}, today)).toEqual({ ok: true, passes: ['draft', 'legal-review', 'approved'], signedOn: '2021-05-20' });
    expect(checkMouEntry({ status: 'signed', on: '2021-05-21' }, { signedOn: '2021-05-20' }, today)).toMatchObject({ ok: false, field: 'on' });
  });
  it('as Active: needs the date signed and cannot be before it; never in the future', () => {
    expect(checkMouEntry({ status: 'active', on: '2021-12-29' }, {}, today)).toMatchObject({ ok: false, field: 'on', reason: expect.stringMatching(/date signed/) });
    expect(checkMouEntry({ status: 'active', on: '2021-05-01' }, { signedOn: '2021-05-20' }, today)).toMatchObject({ ok: false, field: 'on' });
    expect(checkMouEntry({ status: 'active', on: '2021-12-29' }, { signedOn: '2021-05-20' }, today)).toEqual({ ok: true, passes: ['draft', 'legal-review', 'approved', 'signed'] });
    expect(checkMouEntry({ status: 'draft', on: '2026-11-26' }, {}, today)).toMatchObject({ ok: false, field: 'on' });
    expect(checkMouEntry({ status: 'expired', on: today }, {}, today)).toMatchObject({ ok: false, field: 'status' });
  });
});

describe('MoU form schema', () => {
  const party = (id: string, name: string) => ({ id, name, role: 'Party', type: 'pseb', signatories: [] });
  const base = {
    mouNumber: 'M-1',
    type: 'two-party',
    parties: [party('0b0e4d1c-8f0a-4b8e-9a77-1c2b3d4e5f60', 'PSEB'), party('1b0e4d1c-8f0a-4b8e-9a77-1c2b3d4e5f60', 'Sitara')],
    witnesses: [],
  };
  it('accepts typed dates and numbers', () => {
    const parsed = MouFormFieldsSchema.parse({ ...base, signedOn: '20-May-2021', termYears: '5', areaCommittedSqFt: '19,500' });
    expect(parsed).toMatchObject({ signedOn: '2021-05-20', termYears: 5, areaCommittedSqFt: 19500 });
  });
  it('names nested fields by their path', () => {
    const result = MouFormFieldsSchema.safeParse({
      ...base,
      parties: [base.parties[0], { ...base.parties[1], signatories: [{ name: '', designation: 'CEO', signedOn: '31-Feb-2021' }] }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toContain('parties.1.signatories.0.name: Signatory name is required.');
    expect(paths).toContain('parties.1.signatories.0.signedOn: Date signed must be a real date, for example 20-May-2021.');
  });
  it('wants as many parties as the type says', () => {
    const result = MouFormFieldsSchema.safeParse({ ...base, type: 'three-party' });
    expect(result.error?.issues[0]).toMatchObject({ path: ['parties'], message: 'A three-party MoU has exactly 3 parties; this one has 2.' });
  });
});
