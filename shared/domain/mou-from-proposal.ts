import type { Proposal } from './proposal';
import type { MouFormFields, Party, PartyType } from './mou';

export const PSEB_PARTY_NAME = 'Pakistan Software Export Board (PSEB)';
export const PARTY_ROLES = ['First party', 'Second party', 'Third party'] as const;

/** A party as a new form holds it: the type may not be known yet. */
export type DraftParty = Omit<Party, 'type'> & { type?: PartyType };
export type MouDraft = Omit<Partial<MouFormFields>, 'parties'> & Pick<MouFormFields, 'type' | 'witnesses'> & { parties: DraftParty[] };

export function emptyParty(id: string, index: number): DraftParty {
  return { id, name: '', role: PARTY_ROLES[index] ?? `Party ${index + 1}`, signatories: [] };
}

/**
 * A new MoU begins from its proposal: PSEB and the offering party, the building's area and
 * floors. What the proposal does not know stays empty for the official to fill in.
 */
export function mouDraftFromProposal(proposal: Pick<Proposal, 'fields'> | undefined, newId: () => string): MouDraft {
  const pseb: DraftParty = { id: newId(), name: PSEB_PARTY_NAME, role: PARTY_ROLES[0], type: 'pseb', signatories: [] };
  const partner = emptyParty(newId(), 1);
  if (!proposal) return { type: 'two-party', parties: [pseb, partner], witnesses: [] };
  const f = proposal.fields;
  if (f.offeringParty) partner.name = f.offeringParty;
  if (f.offeringPartyType) partner.type = f.offeringPartyType;
  return {
    type: 'two-party',
    parties: [pseb, partner],
    witnesses: [],
    areaCommittedSqFt: f.grossAreaSqFt,
    floorsCommitted: f.floorsOffered,
  };
}
