import type { ProposalFields } from './proposal';
import type { Stage } from './stages';

/**
 * The first real parks of PSEB's public-private programme, offered by "Load sample data".
 * Figures are the published ones; reference numbers follow PSEB's STP/<city>/<year> style.
 */
export interface SampleProposal {
  fields: ProposalFields;
  /**
   * The stages on record, the first being where the proposal was entered, each with the day it
   * got there (undefined: not public; the day the samples are loaded is used and the note says so).
   * Stages in between are recorded as passed without a record, never given made-up dates.
   */
  history: { stage: Stage; on?: string; note: string }[];
}

const RECEIVED = 'Proposal received.';

export const SAMPLE_PROPOSALS: SampleProposal[] = [
  {
    fields: {
      referenceNumber: 'PSEB/STP/FSD/2021-01',
      title: 'Faisalabad Software Technology Park',
      city: 'Faisalabad',
      district: 'Faisalabad',
      province: 'Punjab',
      buildingName: 'Ali Fatima College of Science and Technology',
      offeringParty: 'Sitara Chemical Industries',
      offeringPartyType: 'private-company',
      grossAreaSqFt: 19_500,
      dateReceived: '2021-02-15',
      notes: 'First MoU under the PPP model, signed 20-May-2021 with Sitara Chemical.',
    },
    history: [
      { stage: 'received', on: '2021-02-15', note: RECEIVED },
      { stage: 'mou-signed', on: '2021-05-20', note: 'MoU signed in Islamabad. The stages between receipt and signing are not in the public record.' },
    ],
  },
  {
    fields: {
      referenceNumber: 'PSEB/STP/RWP/2021-02',
      title: 'Rawalpindi Software Technology Park',
      city: 'Rawalpindi',
      district: 'Rawalpindi',
      province: 'Punjab',
      buildingName: 'Amazon Outlet Mall',
      floorsOffered: '6-8',
      offeringParty: 'IMARAT Group',
      offeringPartyType: 'private-company',
      grossAreaSqFt: 44_000,
      dateReceived: '2021-02-20',
      notes: 'MoU signed 20-May-2021; opened 29-Dec-2021 on floors 6 to 8.',
    },
    history: [
      { stage: 'received', on: '2021-02-20', note: RECEIVED },
      { stage: 'mou-signed', on: '2021-05-20', note: 'MoU signed in Islamabad. The stages between receipt and signing are not in the public record.' },
      { stage: 'operational', on: '2021-12-29', note: 'Park opened to IT companies on floors 6-8. The fit-out is not in the public record.' },
    ],
  },
  {
    fields: {
      referenceNumber: 'PSEB/STP/QTA/2022-01',
      title: 'Quetta Software Technology Park',
      city: 'Quetta',
      district: 'Quetta',
      province: 'Balochistan',
      offeringParty: 'UltraSoft',
      offeringPartyType: 'private-company',
      grossAreaSqFt: 13_800,
      notes: 'Private partner.',
    },
    history: [{ stage: 'received', note: 'Proposal received; the date is not in the public record (recorded as the day the samples were loaded).' }],
  },
  {
    fields: {
      referenceNumber: 'PSEB/STP/BNU/2022-01',
      title: 'Bannu Software Technology Park',
      city: 'Bannu',
      district: 'Bannu',
      province: 'Khyber Pakhtunkhwa',
      buildingName: 'University of Science and Technology Bannu',
      offeringParty: 'USTB Bannu with KPITB',
      offeringPartyType: 'university',
      // The published record gives no area; 1 sq ft would be a lie, so an official must confirm it.
      grossAreaSqFt: 10_000,
      notes: 'Three-party MoU: PSEB, USTB Bannu and KPITB. Area to be confirmed (placeholder 10,000 sq ft).',
    },
    history: [
      {
        stage: 'mou-negotiation',
        note: 'Entered at MoU negotiation: a three-party MoU is on the public record, but not its dates. Record the signing, with its date, from the signed copy.',
      },
    ],
  },
];
