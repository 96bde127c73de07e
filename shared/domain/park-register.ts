import { todayInPakistan } from '../format/dates';
import { currentMouStatus, type Mou, type MouStatus } from './mou';
import { obligationState } from './mou-dates';
import { deriveMouState, type MouStateKind } from './mou-state';
import { acceptsReturns, latestReturn, occupancyTotals, parkOccupancy, type OccupancyTotals, type ParkOccupancy } from './occupancy';
import { currentStage, enteredCurrentStageAt, type PartnerType, type Proposal, type Province } from './proposal';
import { filterProposalSummaries, type ProposalListFilters } from './proposal-list-query';
import { summariseProposal } from './proposal-summary';
import { ALL_STAGES, type Stage } from './stages';

/**
 * The park register: every park (a proposal that is not archived) with where it stands, its
 * MoU's derived state, its obligations and its latest occupancy return. One row per park,
 * derived from the records and today; the PDF, the spreadsheet and the progress report's
 * totals all read these rows, so they cannot disagree.
 */
export interface RegisterMou {
  id: string;
  mouNumber: string;
  signedOn?: string;
  expiresOn?: string;
  state: MouStateKind;
  stateLabel: string;
  stateSentence: string;
}

export interface ParkRegisterRow {
  id: string;
  referenceNumber: string;
  title: string;
  city: string;
  province: Province;
  partner?: string;
  partnerType?: PartnerType;
  /** Not yet known for a proposal whose offer letter did not give it. */
  grossAreaSqFt: number | undefined;
  stage: Stage;
  /** The Pakistan date the park entered its stage. */
  stageSince: string;
  /** The park's MoU in force or on its way (see currentMouOf); undefined when it has none. */
  mou?: RegisterMou;
  /** All MoUs linked to the park, old ones included. */
  mouCount: number;
  /** Over every MoU of the park: an old MoU's unmet obligation is still unmet. */
  openObligations: number;
  overdueObligations: number;
  /** From the latest return, against the current MoU's targets. */
  occupancy?: ParkOccupancy;
}

/** Statuses by how much they speak for the park now: binding first, ended last. */
const STATUS_WEIGHT: Record<MouStatus, number> = {
  active: 0,
  signed: 0,
  expired: 1,
  approved: 2,
  'legal-review': 2,
  draft: 2,
  renewed: 3,
  superseded: 3,
  terminated: 3,
};

/**
 * The MoU that speaks for a park: not renewed or superseded by another of its MoUs, binding
 * before ended or in preparation, the latest signed (then entered) among equals.
 */
export function currentMouOf(mous: readonly Mou[]): Mou | undefined {
  if (mous.length <= 1) return mous[0];
  const succeeded = new Set(mous.map((m) => m.fields.previousMouId).filter(Boolean));
  let best: Mou | undefined;
  const rank = (m: Mou) => [succeeded.has(m.id) ? 1 : 0, STATUS_WEIGHT[currentMouStatus(m)]] as const;
  for (const m of mous) {
    if (!best) {
      best = m;
      continue;
    }
    const [a, b] = [rank(m), rank(best)];
    const later = (m.fields.signedOn ?? '') > (best.fields.signedOn ?? '') || ((m.fields.signedOn ?? '') === (best.fields.signedOn ?? '') && m.createdAt > best.createdAt);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && later)))) best = m;
  }
  return best;
}

/** MoUs by the proposal they are linked to. */
export function mousByProposal(mous: readonly Mou[]): Map<string, Mou[]> {
  const map = new Map<string, Mou[]>();
  for (const mou of mous) {
    const id = mou.fields.proposalId;
    if (!id) continue;
    const list = map.get(id);
    if (list) list.push(mou);
    else map.set(id, [mou]);
  }
  return map;
}

export function registerRow(proposal: Proposal, mous: readonly Mou[], today: string): ParkRegisterRow {
  const f = proposal.fields;
  const mou = currentMouOf(mous);
  let openObligations = 0;
  let overdueObligations = 0;
  for (const m of mous) {
    for (const o of m.fields.obligations) {
      const state = obligationState(o, today);
      if (state === 'open') openObligations += 1;
      else if (state === 'overdue') overdueObligations += 1;
    }
  }
  const latest = latestReturn(proposal.occupancyReturns);
  let registerMou: RegisterMou | undefined;
  if (mou) {
    const state = deriveMouState(mou, today);
    registerMou = {
      id: mou.id,
      mouNumber: mou.fields.mouNumber,
      ...(mou.fields.signedOn ? { signedOn: mou.fields.signedOn } : {}),
      ...(state.expiresOn ? { expiresOn: state.expiresOn } : {}),
      state: state.kind,
      stateLabel: state.label,
      stateSentence: state.sentence,
    };
  }
  return {
    id: proposal.id,
    referenceNumber: f.referenceNumber,
    title: f.title,
    city: f.city,
    province: f.province,
    ...(f.offeringParty ? { partner: f.offeringParty } : {}),
    ...(f.offeringPartyType ? { partnerType: f.offeringPartyType } : {}),
    grossAreaSqFt: f.grossAreaSqFt,
    stage: currentStage(proposal),
    stageSince: todayInPakistan(new Date(enteredCurrentStageAt(proposal))),
    ...(registerMou ? { mou: registerMou } : {}),
    mouCount: mous.length,
    openObligations,
    overdueObligations,
    ...(latest ? { occupancy: parkOccupancy(latest, mou?.fields) } : {}),
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export interface ParkRegister {
  today: string;
  filters: ProposalListFilters;
  rows: ParkRegisterRow[];
  /** Archived proposals left out (all of them, whatever the filters). */
  archivedLeftOut: number;
  /** MoUs linked to no proposal, so they belong to no park in the register. */
  unlinkedMous: number;
}

/** The register under the proposal list's filters, by reference number. */
export function buildParkRegister(proposals: readonly Proposal[], mous: readonly Mou[], filters: ProposalListFilters, today: string): ParkRegister {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const wanted = filterProposalSummaries(proposals.map(summariseProposal), filters);
  const linked = mousByProposal(mous);
  const rows = wanted
    .map((summary) => registerRow(byId.get(summary.id)!, linked.get(summary.id) ?? [], today))
    .sort((a, b) => collator.compare(a.referenceNumber, b.referenceNumber));
  return {
    today,
    filters,
    rows,
    archivedLeftOut: proposals.filter((p) => p.archivedAt).length,
    unlinkedMous: mous.filter((m) => !m.fields.proposalId || !byId.has(m.fields.proposalId)).length,
  };
}

/** Figures the register and the progress report both give, so the two can be checked against each other. */
export interface ParkFigures {
  parks: number;
  byStage: { stage: Stage; count: number }[];
  /** Gross area of parks at MoU signed, Fit-out or Operational (the dashboard's "signed"). */
  signedSqFt: number;
  operationalSqFt: number;
  overdueObligations: number;
  occupancy: OccupancyTotals;
  /** Parks at Fit-out or Operational without a return. */
  withoutReturn: number;
}

/**
 * The stages whose area counts as signed: MoU signed or later, operational included. (The list's
 * 'signed' group stops before Operational, for the dashboard's not-yet-operational figure.)
 */
export const AREA_SIGNED_STAGES: readonly Stage[] = ['mou-signed', 'fit-out', 'operational'];

/** The figures of a set of parks, each given as its stage, area, overdue count and occupancy. */
export function parkFigures(
  parks: readonly { stage: Stage; grossAreaSqFt: number | undefined; overdueObligations: number; occupancy?: ParkOccupancy }[],
): ParkFigures {
  const perStage = new Map<Stage, number>();
  let signedSqFt = 0;
  let operationalSqFt = 0;
  let overdueObligations = 0;
  let withoutReturn = 0;
  const housing: (ParkOccupancy | undefined)[] = [];
  for (const p of parks) {
    perStage.set(p.stage, (perStage.get(p.stage) ?? 0) + 1);
    if (AREA_SIGNED_STAGES.includes(p.stage)) signedSqFt += p.grossAreaSqFt ?? 0;
    if (p.stage === 'operational') operationalSqFt += p.grossAreaSqFt ?? 0;
    overdueObligations += p.overdueObligations;
    // Only parks housing firms now count towards occupancy (one put on hold after fit-out does not).
    if (acceptsReturns(p.stage)) {
      housing.push(p.occupancy);
      if (!p.occupancy) withoutReturn += 1;
    }
  }
  return {
    parks: parks.length,
    byStage: ALL_STAGES.map((stage) => ({ stage, count: perStage.get(stage) ?? 0 })),
    signedSqFt,
    operationalSqFt,
    overdueObligations,
    occupancy: occupancyTotals(housing),
    withoutReturn,
  };
}

export const registerFigures = (register: Pick<ParkRegister, 'rows'>): ParkFigures => parkFigures(register.rows);

/** Operational parks' occupancy for the dashboard: the register's rows, summed. */
export function operationalOccupancy(proposals: readonly Proposal[], mous: readonly Mou[], today: string): ParkFigures['occupancy'] & { parksExpected: number } {
  const register = buildParkRegister(proposals, mous, {}, today);
  const housing = register.rows.filter((r) => acceptsReturns(r.stage));
  return { ...occupancyTotals(housing.map((r) => r.occupancy)), parksExpected: housing.length };
}
