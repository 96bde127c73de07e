/** The words officials see for each MoU field: the form, the page and the change history use these. */
export const MOU_FIELD_LABELS = {
  mouNumber: 'MoU number',
  type: 'MoU type',
  parties: 'Parties',
  witnesses: 'Witnesses',
  venue: 'Venue',
  signedOn: 'Date signed',
  effectiveOn: 'Effective date',
  termYears: 'Term (years)',
  termMonths: 'Term (months)',
  noticePeriodDays: 'Notice period',
  renewalTerms: 'Renewal terms',
  nextReviewOn: 'Next review date',
  areaCommittedSqFt: 'Area committed',
  floorsCommitted: 'Floors committed',
  rentPerSqFt: 'Rent',
  subsidyPercent: 'PSEB rental subsidy',
  subsidyEndsOn: 'Subsidy end date',
  freeInternetEndsOn: 'Free internet end date',
  utilitiesPaidBy: 'Who pays utilities',
  targetFirms: 'Target firms',
  targetSeats: 'Target seats',
  targetJobs: 'Target jobs',
  terminationClause: 'Termination',
  disputesClause: 'Disputes',
  brandingClause: 'Branding',
  confidentialityClause: 'Confidentiality',
  previousMouId: 'Renews or supersedes',
  proposalId: 'Proposal',
  obligations: 'Obligations',
  amendments: 'Amendments',
  notes: 'Notes',
} as const;

/** A party block of the MoU form. */
export const PARTY_FIELD_LABELS = { id: 'Party', name: 'Party name', role: 'Role', type: 'Party type', signatories: 'Signatories' } as const;
export const SIGNATORY_FIELD_LABELS = { name: 'Signatory name', designation: 'Designation', signedOn: 'Date signed' } as const;
export const WITNESS_FIELD_LABELS = { name: 'Witness name', designation: 'Witness designation' } as const;
/** The obligation dialog's fields. */
export const OBLIGATION_FIELD_LABELS = { id: 'Obligation', partyId: 'Owed by', description: 'Obligation', owner: 'Owner', dueOn: 'Due date', completedOn: 'Date done' } as const;
/** The amendment dialog's fields. */
export const AMENDMENT_FIELD_LABELS = { id: 'Amendment', number: 'Amendment number', date: 'Amendment date', reason: 'Reason' } as const;
