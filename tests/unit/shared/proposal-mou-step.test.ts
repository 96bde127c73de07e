import { describe, expect, it } from 'vitest';
import { mouStepOf, proposalMouStep, proposalMouStepIssues } from '../../../shared/domain/proposal-mou-step';
import type { MouStatus } from '../../../shared/domain/mou';
import type { Stage } from '../../../shared/domain/stages';

const proposal = (stage: Stage, extra: { archivedAt?: string } = {}) => ({
  id: 'p1',
  referenceNumber: 'PSEB/STP/BNU/2022-01',
  title: 'Bannu Software Technology Park',
  stage,
  enteredStageAt: '2021-05-20T07:00:00.000Z',
  ...extra,
});
const record = (status: MouStatus, extra: { archivedAt?: string; proposalId?: string; at?: string } = {}) => ({
  id: `m-${status}`,
  fields: { mouNumber: `M-${status}`, proposalId: extra.proposalId ?? 'p1' },
  statusHistory: [{ at: extra.at ?? '2021-05-20T07:00:00.000Z', from: null, to: status, by: '', note: '' }],
  ...(extra.archivedAt ? { archivedAt: extra.archivedAt } : {}),
});
const mou = (status: MouStatus, extra: { archivedAt?: string; proposalId?: string; at?: string } = {}) => mouStepOf(record(status, extra));

describe('a proposal and its MoUs in step', () => {
  it('an MoU Signed or Active while its proposal is before MoU signed is out of step', () => {
    for (const status of ['signed', 'active'] as const) {
      expect(proposalMouStep(proposal('received'), [mou(status)])).toEqual([
        expect.objectContaining({ kind: 'mou-ahead', mouId: `m-${status}`, since: '2021-05-20', message: expect.stringContaining('still before MoU signed') }),
      ]);
    }
    expect(proposalMouStep(proposal('mou-negotiation'), [mou('draft')])).toEqual([]);
    expect(proposalMouStep(proposal('mou-signed'), [mou('signed')])).toEqual([]);
  });

  it('a proposal at MoU signed or later with no signed MoU is out of step', () => {
    for (const stage of ['mou-signed', 'fit-out', 'operational'] as const) {
      expect(proposalMouStep(proposal(stage), [])).toEqual([expect.objectContaining({ kind: 'proposal-ahead', message: expect.stringContaining('no MoU is recorded') })]);
      expect(proposalMouStep(proposal(stage), [mou('approved')])).toEqual([expect.objectContaining({ kind: 'proposal-ahead', message: expect.stringContaining('none of its MoUs') })]);
    }
    // An MoU that was signed and has since expired, been renewed or superseded still counts as signed.
    for (const status of ['signed', 'active', 'expired', 'renewed', 'terminated', 'superseded'] as const) {
      expect(proposalMouStep(proposal('operational'), [mou(status)])).toEqual([]);
    }
  });

  it('leaves out archived records, other proposals\' MoUs, and proposals on hold or closed', () => {
    expect(proposalMouStep(proposal('received'), [mou('signed', { archivedAt: '2026-11-25T00:00:00.000Z' })])).toEqual([]);
    expect(proposalMouStep(proposal('received', { archivedAt: '2026-11-25T00:00:00.000Z' }), [mou('signed')])).toEqual([]);
    expect(proposalMouStep(proposal('mou-signed'), [mou('signed', { proposalId: 'other' })])).toHaveLength(1);
    for (const stage of ['on-hold', 'rejected', 'withdrawn'] as const) expect(proposalMouStep(proposal(stage), [mou('signed')])).toEqual([]);
  });

  it('across the register, each MoU is matched to its own proposal', () => {
    const issues = proposalMouStepIssues(
      [proposal('received'), { ...proposal('operational'), id: 'p2', referenceNumber: 'RWP' }, { ...proposal('mou-signed'), id: 'p3' }],
      [record('active'), record('signed', { proposalId: 'p3' }), record('draft')],
    );
    expect(issues.map((i) => [i.proposalId, i.kind])).toEqual([
      ['p1', 'mou-ahead'],
      ['p2', 'proposal-ahead'],
    ]);
  });
});
