import type { Mou } from '../../shared/domain/mou';
import type { Proposal } from '../../shared/domain/proposal';

/** Two copies of one proposal and one MoU, as the import merge tests compare them. */
export const P1 = '11111111-1111-4111-8111-111111111111';
export const M1 = '22222222-2222-4222-8222-222222222222';
export const M2 = '33333333-3333-4333-8333-333333333333';
export const PARTY_A = '44444444-4444-4444-8444-444444444444';
export const PARTY_B = '55555555-5555-4555-8555-555555555555';
export const OB1 = '66666666-6666-4666-8666-666666666666';
export const OB2 = '77777777-7777-4777-8777-777777777777';

export const received = { at: '2026-01-01T09:00:00.000Z', from: null, to: 'received', by: 'Ayesha', note: 'Proposal received.' } as const;

export function proposal(over: Partial<Proposal> = {}, fields: Partial<Proposal['fields']> = {}): Proposal {
  return {
    id: P1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    fields: { referenceNumber: 'FSD-1', title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: 19500, ...fields },
    stageHistory: [received],
    ...over,
  };
}

export function mou(over: Partial<Mou> = {}, fields: Partial<Mou['fields']> = {}): Mou {
  return {
    id: M1,
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    fields: {
      mouNumber: 'MOU-1',
      type: 'two-party',
      parties: [
        { id: PARTY_A, name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
        { id: PARTY_B, name: 'Host', role: 'Host', type: 'university', signatories: [] },
      ],
      witnesses: [],
      obligations: [],
      amendments: [],
      ...fields,
    },
    statusHistory: [{ at: '2026-01-01T09:00:00.000Z', from: null, to: 'draft', by: '', note: 'MoU entered.' }],
    ...over,
  };
}
