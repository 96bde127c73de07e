import type { Database } from '../../../shared/domain/database';
import { MOU_STATUS_LABELS, MOU_TYPE_LABELS } from '../../../shared/domain/mou';
import { deriveMouState } from '../../../shared/domain/mou-state';
import {
  BOARD_DECISION_LABELS,
  FIT_OUT_PAYER_LABELS,
  PARTNER_TYPE_LABELS,
  RECEIPT_CHANNEL_LABELS,
  currentStage,
  enteredCurrentStageAt,
  type ProposalFieldName,
} from '../../../shared/domain/proposal';
import { PROPOSAL_FIELD_LABELS } from '../../../shared/domain/proposal-labels';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { toCsv, type CsvValue } from '../../../shared/format/csv';
import { pakistanDateTimeForSheet, todayInPakistan } from '../../../shared/format/dates';

const CHOICE_LABELS: Partial<Record<ProposalFieldName, Record<string, string>>> = {
  offeringPartyType: PARTNER_TYPE_LABELS,
  fitOutBorneBy: FIT_OUT_PAYER_LABELS,
  receivedVia: RECEIPT_CHANNEL_LABELS,
  boardDecision: BOARD_DECISION_LABELS,
};

const FIELD_NAMES = Object.keys(PROPOSAL_FIELD_LABELS) as ProposalFieldName[];

/**
 * One row per proposal: every field under its form label, then the derived stage. Dates as
 * YYYY-MM-DD so Excel reads them; instants as the Pakistan date (and time) they happened on.
 */
export function proposalsCsv(db: Readonly<Database>): { text: string; rows: number } {
  const header = [...FIELD_NAMES.map((name) => PROPOSAL_FIELD_LABELS[name]), 'Stage', 'In this stage since', 'Entered', 'Last changed', 'Record id'];
  const rows = db.proposals.map((p) => {
    const cells: CsvValue[] = FIELD_NAMES.map((name) => {
      const value = p.fields[name];
      const labels = CHOICE_LABELS[name];
      return labels && typeof value === 'string' ? (labels[value] ?? value) : value;
    });
    return [...cells, STAGE_LABELS[currentStage(p)], todayInPakistan(new Date(enteredCurrentStageAt(p))), pakistanDateTimeForSheet(p.createdAt), pakistanDateTimeForSheet(p.updatedAt), p.id];
  });
  return { text: toCsv(header, rows), rows: rows.length };
}

/** One row per MoU, with its parties, current status and its derived state and expiry (as of `today`, a Pakistan date). */
export function mousCsv(db: Readonly<Database>, today: string): { text: string; rows: number } {
  const referenceOf = new Map(db.proposals.map((p) => [p.id, p.fields.referenceNumber]));
  const header = [
    'MoU number', 'Type', 'Status', 'Status since', 'State', 'State in full', 'Parties', 'Proposal reference', 'Date signed', 'Effective date', 'Term (years)', 'Term (months)',
    'Expires on', 'Notice period (days)', 'Give notice by', 'Next review date', 'Area committed (sq ft)', 'Rent (Rs per sq ft)', 'PSEB rental subsidy (%)',
    'Target firms', 'Target seats', 'Target jobs', 'Open obligations', 'Amendments', 'Notes', 'Entered', 'Last changed', 'Record id',
  ];
  const rows = db.mous.map((m) => {
    const f = m.fields;
    const state = deriveMouState(m, today);
    return [
      f.mouNumber, MOU_TYPE_LABELS[f.type], MOU_STATUS_LABELS[state.status], state.statusSince, state.label, state.sentence,
      f.parties.map((p) => p.name).join('; '),
      f.proposalId ? referenceOf.get(f.proposalId) : undefined, f.signedOn, f.effectiveOn, f.termYears, f.termMonths,
      state.expiresOn, f.noticePeriodDays, state.noticeBy, f.nextReviewOn, f.areaCommittedSqFt, f.rentPerSqFt, f.subsidyPercent,
      f.targetFirms, f.targetSeats, f.targetJobs, f.obligations.filter((o) => !o.completedOn).length, f.amendments.length, f.notes,
      pakistanDateTimeForSheet(m.createdAt), pakistanDateTimeForSheet(m.updatedAt), m.id,
    ];
  });
  return { text: toCsv(header, rows), rows: rows.length };
}
