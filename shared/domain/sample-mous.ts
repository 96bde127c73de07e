import type { MouFormFields, MouStatus, Obligation } from './mou';
import { PSEB_PARTY_NAME } from './mou-from-proposal';

/**
 * The MoUs of the sample parks, from the published record. What is not public (terms,
 * signatories' names, clause texts) is left empty for an official to fill in, never invented.
 * Obligations here are illustrative and say so, so the obligation views have something to show.
 */
export interface SampleMou {
  /** The sample proposal it belongs to, by reference number. */
  proposalReference: string;
  fields: Omit<MouFormFields, 'parties'> & { parties: (Omit<MouFormFields['parties'][number], 'id'> & { key: string })[] };
  obligations: (Omit<Obligation, 'id' | 'partyId'> & { partyKey: string })[];
  /**
   * The statuses on record, the first being the status the MoU was entered at, each with the day
   * it happened (undefined: not public). Statuses in between are recorded as passed.
   */
  history: { to: MouStatus; on?: string; note: string }[];
}

const pseb = { key: 'pseb', name: PSEB_PARTY_NAME, role: 'First party', type: 'pseb' as const, signatories: [] };

export const SAMPLE_MOUS: SampleMou[] = [
  {
    proposalReference: 'PSEB/STP/FSD/2021-01',
    fields: {
      mouNumber: 'PSEB/MoU/STP/FSD/2021',
      type: 'two-party',
      parties: [pseb, { key: 'partner', name: 'Sitara Chemical Industries', role: 'Second party', type: 'private-company', signatories: [] }],
      witnesses: [],
      signedOn: '2021-05-20',
      areaCommittedSqFt: 19_500,
      notes: 'Faisalabad STP at Ali Fatima College of Science and Technology. Term, signatories and clauses are not in the public record: fill them in from the signed copy.',
    },
    obligations: [
      {
        description: 'Illustrative sample obligation (not from the MoU text): hand over the building for fit-out.',
        owner: 'Sitara Chemical Industries',
        dueOn: '2021-08-31',
        partyKey: 'partner',
      },
    ],
    history: [{ to: 'signed', on: '2021-05-20', note: 'Entered from the published record: signed 20-May-2021.' }],
  },
  {
    proposalReference: 'PSEB/STP/RWP/2021-02',
    fields: {
      mouNumber: 'PSEB/MoU/STP/RWP/2021',
      type: 'two-party',
      parties: [pseb, { key: 'partner', name: 'IMARAT Group', role: 'Second party', type: 'private-company', signatories: [] }],
      witnesses: [],
      signedOn: '2021-05-20',
      areaCommittedSqFt: 44_000,
      floorsCommitted: '6-8',
      notes: 'Rawalpindi STP at Amazon Outlet Mall, opened 29-Dec-2021 on floors 6 to 8. Term, signatories and clauses are not in the public record.',
    },
    obligations: [
      {
        description: 'Illustrative sample obligation (not from the MoU text): floors 6-8 ready for IT companies.',
        owner: 'IMARAT Group',
        dueOn: '2021-12-29',
        completedOn: '2021-12-29',
        partyKey: 'partner',
      },
    ],
    history: [
      { to: 'signed', on: '2021-05-20', note: 'Entered from the published record: signed 20-May-2021.' },
      { to: 'active', on: '2021-12-29', note: 'Park opened on floors 6-8.' },
    ],
  },
  {
    proposalReference: 'PSEB/STP/BNU/2022-01',
    fields: {
      mouNumber: 'PSEB/MoU/STP/BNU',
      type: 'three-party',
      parties: [
        pseb,
        { key: 'ustb', name: 'University of Science and Technology Bannu (USTB)', role: 'Second party', type: 'university', signatories: [] },
        { key: 'kpitb', name: 'Khyber Pakhtunkhwa Information Technology Board (KPITB)', role: 'Third party', type: 'provincial-it-board', signatories: [] },
      ],
      witnesses: [],
      notes: 'Three-party MoU. The signing date and terms are not in the public record: fill them in from the signed copy, then record it as Signed.',
    },
    obligations: [],
    // Entered as a draft: the record says an MoU exists but not when it was signed, and a Signed
    // status without its date would be made up. Its proposal is at MoU negotiation, in step.
    history: [{ to: 'draft', note: 'Entered from the published record as a draft: the signing date is not public. Record it as Signed, with its date, from the signed copy.' }],
  },
];
