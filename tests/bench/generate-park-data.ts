import { CURRENT_SCHEMA_VERSION, type Database } from '../../shared/domain/database';
import type { Mou, MouStatus, Obligation, Party } from '../../shared/domain/mou';
import { PARTNER_TYPES, PROVINCES, type Proposal, type StageMove } from '../../shared/domain/proposal';
import { PIPELINE_STAGES, type Stage } from '../../shared/domain/stages';

/**
 * Seeded, realistic Park Desk data for benchmarks: every proposal fully filled in with a stage
 * history, every MoU with parties, signatories and obligations, and Urdu in about one record in five.
 * The same seed always gives the same data, so runs on different days compare.
 */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, (typeof PROVINCES)[number]][] = [
  ['Faisalabad', 'Punjab'], ['Rawalpindi', 'Punjab'], ['Lahore', 'Punjab'], ['Multan', 'Punjab'], ['Sialkot', 'Punjab'],
  ['Karachi', 'Sindh'], ['Hyderabad', 'Sindh'], ['Sukkur', 'Sindh'], ['Peshawar', 'Khyber Pakhtunkhwa'], ['Bannu', 'Khyber Pakhtunkhwa'],
  ['Abbottabad', 'Khyber Pakhtunkhwa'], ['Quetta', 'Balochistan'], ['Gwadar', 'Balochistan'], ['Islamabad', 'Islamabad Capital Territory'],
  ['Gilgit', 'Gilgit-Baltistan'], ['Muzaffarabad', 'Azad Jammu and Kashmir'],
];
const PARTNERS = ['Sitara Chemical Industries', 'IMARAT Group', 'UltraSoft', 'USTB Bannu', 'KPITB', 'Punjab IT Board', 'Arfa Tower Trust', 'Mehran University', 'NUST', 'Habib Group'];
const URDU = ['پہلا پارک فیصل آباد میں', 'عمارت کا معائنہ مکمل', 'بورڈ کی منظوری باقی ہے', 'علی فاطمہ کالج', 'سافٹ ویئر ٹیکنالوجی پارک'];
const OBLIGATIONS = ['Hand over floors ready for fit-out', 'Provide 500 kVA generator backup', 'Arrange dual fibre links', 'Pay the 25% rental subsidy to tenants', 'Install branding at the entrance', 'Submit quarterly occupancy report'];
const MOU_STATUS_PATH: MouStatus[] = ['draft', 'legal-review', 'approved', 'signed', 'active'];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function generateParkData(proposalCount: number, mouCount = proposalCount, seed = 2021): Database {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (min: number, max: number) => Math.floor(min + random() * (max - min + 1));

  const proposals: Proposal[] = [];
  for (let i = 0; i < proposalCount; i++) {
    const [city, province] = pick(CITIES);
    const received = START + between(0, 2200) * DAY;
    const gross = between(8, 120) * 500;
    const stageIndex = between(0, PIPELINE_STAGES.length - 1);
    const history: StageMove[] = [{ at: new Date(received).toISOString(), from: null, to: 'received', by: 'Benchmark', note: 'Proposal entered.' }];
    let at = received;
    for (let s = 1; s <= stageIndex; s++) {
      at += between(3, 60) * DAY;
      history.push({ at: new Date(at).toISOString(), from: PIPELINE_STAGES[s - 1] as Stage, to: PIPELINE_STAGES[s] as Stage, by: 'Ayesha Khan', note: `Moved after review ${s}.` });
    }
    const urdu = random() < 0.2;
    proposals.push({
      id: uuidFrom(random),
      createdAt: new Date(received).toISOString(),
      updatedAt: new Date(at).toISOString(),
      fields: {
        referenceNumber: `PSEB/STP/${city.slice(0, 3).toUpperCase()}/${i}`,
        eOfficeFileNumber: `EO-${100000 + i}`,
        title: urdu ? `${pick(URDU)} ${i}` : `${city} Software Technology Park ${i}`,
        city,
        district: city,
        province,
        siteAddress: `Plot ${between(1, 400)}, Main Boulevard, ${city}`,
        buildingName: `${pick(PARTNERS)} Tower`,
        floorsOffered: `${between(1, 4)}-${between(5, 9)}`,
        offeringParty: pick(PARTNERS),
        offeringPartyType: pick(PARTNER_TYPES),
        grossAreaSqFt: gross,
        usableAreaSqFt: Math.floor(gross * 0.85),
        seatCapacity: Math.floor(gross / 60),
        powerBackup: '500 kVA generator and UPS',
        internetProviders: 'PTCL, Nayatel',
        proposedRentPerSqFt: between(40, 180),
        fitOutCost: between(50, 900) * 100_000,
        fitOutBorneBy: 'shared',
        dateReceived: isoDate(received),
        receivedVia: 'e-office',
        focalPerson: 'Ayesha Khan',
        siteVisitDate: isoDate(received + 10 * DAY),
        siteVisitFindings: 'Structure sound; lifts need repair; parking adequate.',
        evaluationScore: between(40, 95),
        evaluationRemarks: 'Meets the minimum criteria for a software technology park.',
        projectedFirms: between(5, 60),
        projectedJobs: between(100, 2000),
        notes: urdu ? pick(URDU) : 'Partner keen to start fit-out before the fiscal year ends.',
      },
      stageHistory: history,
    });
  }

  const mous: Mou[] = [];
  for (let i = 0; i < mouCount; i++) {
    const proposal = proposals[i % Math.max(1, proposals.length)];
    const signed = START + between(100, 2400) * DAY;
    const parties: Party[] = [
      { id: uuidFrom(random), name: 'Pakistan Software Export Board', role: 'First party', type: 'pseb', signatories: [{ name: 'Managing Director', designation: 'MD PSEB', signedOn: isoDate(signed) }] },
      { id: uuidFrom(random), name: random() < 0.2 ? pick(URDU) : pick(PARTNERS), role: 'Second party', type: 'private-company', signatories: [{ name: 'Chief Executive', designation: 'CEO', signedOn: isoDate(signed) }] },
    ];
    const obligations: Obligation[] = Array.from({ length: between(2, 6) }, () => {
      const due = signed + between(30, 900) * DAY;
      const done = random() < 0.5;
      return {
        id: uuidFrom(random),
        partyId: pick(parties).id,
        description: pick(OBLIGATIONS),
        owner: 'Director Parks',
        dueOn: isoDate(due),
        ...(done ? { completedOn: isoDate(due - 5 * DAY) } : {}),
      };
    });
    const statusCount = between(1, MOU_STATUS_PATH.length);
    const statusHistory = MOU_STATUS_PATH.slice(0, statusCount).map((to, index) => ({
      at: new Date(signed - (statusCount - index) * 7 * DAY).toISOString(),
      from: index === 0 ? null : MOU_STATUS_PATH[index - 1]!,
      to,
      by: 'Ayesha Khan',
      note: '',
    }));
    mous.push({
      id: uuidFrom(random),
      createdAt: new Date(signed - 60 * DAY).toISOString(),
      updatedAt: new Date(signed).toISOString(),
      fields: {
        mouNumber: `PSEB/MOU/${i}`,
        ...(proposal ? { proposalId: proposal.id } : {}),
        type: 'two-party',
        parties,
        witnesses: [{ name: 'Deputy Director Parks', designation: 'PSEB' }],
        venue: 'PSEB Head Office, Islamabad',
        signedOn: isoDate(signed),
        effectiveOn: isoDate(signed),
        termYears: between(3, 10),
        noticePeriodDays: 90,
        renewalTerms: 'Renewable by mutual consent for a further term.',
        nextReviewOn: isoDate(signed + 365 * DAY),
        areaCommittedSqFt: proposal?.fields.grossAreaSqFt ?? 10_000,
        floorsCommitted: '6-8',
        rentPerSqFt: between(40, 180),
        subsidyPercent: 25,
        subsidyEndsOn: isoDate(signed + 730 * DAY),
        freeInternetEndsOn: isoDate(signed + 365 * DAY),
        utilitiesPaidBy: 'tenants',
        targetFirms: between(5, 60),
        targetSeats: between(100, 2000),
        targetJobs: between(100, 3000),
        terminationClause: 'Either party may terminate with 90 days written notice.',
        disputesClause: 'Disputes are settled amicably, failing which by arbitration in Islamabad.',
        brandingClause: 'The park is branded as a PSEB Software Technology Park.',
        confidentialityClause: 'Both parties keep the terms confidential.',
        obligations,
        amendments: [],
        notes: 'Generated for benchmarks.',
      },
      statusHistory,
    });
  }

  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { officialName: 'Ayesha Khan' }, proposals, mous };
}
