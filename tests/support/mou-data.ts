import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { CURRENT_SCHEMA_VERSION, DatabaseSchema, type Database } from '../../shared/domain/database';
import type { Mou, MouFields, Obligation } from '../../shared/domain/mou';
import type { Proposal } from '../../shared/domain/proposal';

/**
 * MoUs of the real first parks (domain.md), as a data file the app opens. Until the MoU
 * screens exist this is how tests get MoUs: written to disk, checked against the schema.
 */
export const IDS = {
  faisalabadProposal: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0001',
  faisalabadMou: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0002',
  rawalpindiProposal: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0003',
  rawalpindiMou: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0004',
  quettaMou: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0005',
  pseb: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0010',
  sitara: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0011',
  imarat: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0012',
  ultrasoft: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0013',
} as const;

/** The Urdu signatory and venue of the Faisalabad MoU; they must come back exactly from the PDF. */
export const URDU_SIGNATORY = 'محمد عارف شیخ';
export const URDU_VENUE = 'علی فاطمہ کالج';

export const FAISALABAD_OBLIGATIONS = [
  { description: 'Provide a 25% rental subsidy to tenant IT companies for two years', party: 'pseb', owner: 'PSEB Parks Division', dueOn: '2023-05-31', completedOn: '2023-05-31' },
  { description: 'Complete the fit-out of three IT floors with power backup', party: 'sitara', owner: 'Sitara Projects Office', dueOn: '2021-12-31' },
  { description: 'Arrange free internet for tenants for the first year', party: 'pseb', owner: 'PSEB IT Infrastructure', dueOn: '2022-06-30', completedOn: '2022-06-15' },
  { description: 'Send a quarterly occupancy report to PSEB', party: 'sitara', owner: 'Park Manager Faisalabad', dueOn: '2099-03-31' },
] as const;

const at = (date: string) => `${date}T09:00:00.000Z`;

function proposal(id: string, fields: Proposal['fields'], moves: [string, Proposal['stageHistory'][number]['to'], string][]): Proposal {
  const history = moves.map(([date, to, note], i) => ({ at: at(date), from: i === 0 ? null : moves[i - 1]![1], to, by: 'Ayesha Siddiqui', note }));
  return { id, createdAt: at(moves[0]![0]), updatedAt: at(moves[moves.length - 1]![0]), fields, stageHistory: history };
}

export function faisalabadProposal(): Proposal {
  return proposal(
    IDS.faisalabadProposal,
    {
      referenceNumber: 'PSEB/STP/FSD/2021-01',
      title: 'Faisalabad Software Technology Park',
      city: 'Faisalabad',
      district: 'Faisalabad',
      province: 'Punjab',
      siteAddress: 'Ali Fatima College of Science and Technology, Sargodha Road, Faisalabad',
      buildingName: 'Ali Fatima College of Science and Technology',
      offeringParty: 'Sitara Chemical Industries',
      offeringPartyType: 'private-company',
      grossAreaSqFt: 19_500,
      dateReceived: '2021-02-15',
    },
    [
      ['2021-02-15', 'received', 'Offer letter from Sitara Chemical Industries.'],
      ['2021-03-02', 'site-inspection', 'Site visit planned.'],
      ['2021-04-12', 'board-approval', 'Recommended by the committee.'],
      ['2021-05-20', 'mou-signed', 'MoU signed in Islamabad.'],
    ],
  );
}

function mou(id: string, fields: MouFields, signedOn: string): Mou {
  return {
    id,
    createdAt: at('2021-05-01'),
    updatedAt: at(signedOn),
    fields,
    statusHistory: [
      { at: at('2021-05-01'), from: null, to: 'draft', by: 'Ayesha Siddiqui', note: '' },
      { at: at(signedOn), from: 'draft', to: 'signed', by: 'Ayesha Siddiqui', note: 'Signed.' },
      { at: at('2021-06-01'), from: 'signed', to: 'active', by: 'Ayesha Siddiqui', note: '' },
    ],
  };
}

const psebParty = (signatory = 'Ayesha Siddiqui') => ({
  id: IDS.pseb,
  name: 'Pakistan Software Export Board',
  role: 'First party',
  type: 'pseb' as const,
  signatories: [{ name: signatory, designation: 'Managing Director', signedOn: '2021-05-20' }],
});

export function faisalabadMou(change: (fields: MouFields) => void = () => {}): Mou {
  const obligations: Obligation[] = FAISALABAD_OBLIGATIONS.map((o, i) => ({
    id: `0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e01${String(i).padStart(2, '0')}`,
    partyId: IDS[o.party],
    description: o.description,
    owner: o.owner,
    dueOn: o.dueOn,
    ...('completedOn' in o ? { completedOn: o.completedOn } : {}),
  }));
  const fields: MouFields = {
    mouNumber: 'PSEB-STP-FSD-2021-01',
    proposalId: IDS.faisalabadProposal,
    type: 'two-party',
    parties: [
      psebParty(),
      {
        id: IDS.sitara,
        name: 'Sitara Chemical Industries',
        role: 'Second party (host)',
        type: 'private-company',
        signatories: [
          { name: 'Imran Aslam', designation: 'Chief Executive Officer', signedOn: '2021-05-20' },
          { name: URDU_SIGNATORY, designation: 'Director, Ali Fatima College', signedOn: '2021-05-20' },
        ],
      },
    ],
    witnesses: [{ name: 'Bilal Ahmed', designation: 'Director Parks, PSEB' }],
    venue: URDU_VENUE,
    signedOn: '2021-05-20',
    effectiveOn: '2021-06-01',
    termYears: 5,
    noticePeriodDays: 90,
    renewalTerms: 'Renewable for five years by mutual consent.',
    nextReviewOn: '2026-01-15',
    areaCommittedSqFt: 19_500,
    floorsCommitted: 'Ground to 2nd',
    rentPerSqFt: 45,
    subsidyPercent: 25,
    subsidyEndsOn: '2023-05-31',
    freeInternetEndsOn: '2022-06-30',
    utilitiesPaidBy: 'tenants',
    targetFirms: 30,
    targetSeats: 600,
    targetJobs: 1_250,
    terminationClause: 'Either party may end the MoU with 90 days written notice.',
    disputesClause: 'Disputes go first to a joint committee, then to arbitration in Islamabad.',
    brandingClause: 'The building carries the PSEB Software Technology Park name.',
    confidentialityClause: 'Tenant data shared with PSEB stays confidential.',
    obligations,
    amendments: [{ id: '0b6f6a0e-6a55-4d3e-9c39-1a0f6f6e0201', number: 'Amendment 1', date: '2022-03-10', reason: 'Fit-out deadline extended to 31-Dec-2021.' }],
    notes: 'First MoU of the PPP model.',
  };
  change(fields);
  return mou(IDS.faisalabadMou, fields, '2021-05-20');
}

export function rawalpindiMou(): Mou {
  return mou(
    IDS.rawalpindiMou,
    {
      mouNumber: 'PSEB-STP-RWP-2021-02',
      type: 'two-party',
      parties: [
        psebParty(),
        { id: IDS.imarat, name: 'IMARAT Group', role: 'Second party (host)', type: 'private-company', signatories: [{ name: 'Shafiq Akbar', designation: 'Chairman', signedOn: '2021-05-20' }] },
      ],
      witnesses: [],
      signedOn: '2021-05-20',
      termYears: 5,
      areaCommittedSqFt: 44_000,
      floorsCommitted: '6th to 8th (Amazon Outlet Mall)',
      subsidyPercent: 25,
      obligations: [],
      amendments: [],
    },
    '2021-05-20',
  );
}

export function quettaMou(): Mou {
  return mou(
    IDS.quettaMou,
    {
      mouNumber: 'PSEB-STP-QTA-2022-01',
      type: 'two-party',
      parties: [psebParty(), { id: IDS.ultrasoft, name: 'UltraSoft', role: 'Second party', type: 'private-company', signatories: [] }],
      witnesses: [],
      areaCommittedSqFt: 13_800,
      obligations: [],
      amendments: [],
    },
    '2022-01-10',
  );
}

/** n obligations alternating between the two parties, due a month apart. */
export function manyObligations(n: number, partyIds: [string, string] = [IDS.pseb, IDS.sitara]): Obligation[] {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    partyId: partyIds[i % 2]!,
    description: `Obligation number ${i + 1}: quarterly deliverable of the park agreement`,
    owner: `Desk ${(i % 5) + 1}`,
    dueOn: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
}

export function database(parts: { proposals?: Proposal[]; mous?: Mou[]; officialName?: string }): Database {
  return DatabaseSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: { officialName: parts.officialName ?? 'Ayesha Siddiqui' },
    proposals: parts.proposals ?? [],
    mous: parts.mous ?? [],
  });
}

/** A data folder holding `db`, ready for `openApp({ dataDir })` or `openParkServices`. */
export async function writeDataFolder(dir: string, db: Database): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(db));
  return dir;
}

/** One obligation's worth of Urdu, about 2,000 characters (the schema's limit for a description). */
const URDU_CLAUSE = 'پارک کی عمارت میں بجلی، پانی اور انٹرنیٹ کی فراہمی بلا تعطل جاری رکھی جائے گی اور ہر سہ ماہی رپورٹ جمع کرائی جائے گی۔ ';

/**
 * n obligations whose descriptions are long Urdu text at the schema's 2,000-character limit,
 * each starting with a marker ("Clause 17 …") a test can find in the printed PDF.
 */
export function longUrduObligations(n: number, partyIds: [string, string] = [IDS.pseb, IDS.sitara]): Obligation[] {
  return Array.from({ length: n }, (_, i) => {
    const marker = `Clause ${i + 1} `;
    return {
      id: randomUUID(),
      partyId: partyIds[i % 2]!,
      description: (marker + URDU_CLAUSE.repeat(Math.ceil(2000 / URDU_CLAUSE.length))).slice(0, 2000).trimEnd(),
      owner: `ڈیسک ${(i % 5) + 1}`,
      dueOn: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    };
  });
}
