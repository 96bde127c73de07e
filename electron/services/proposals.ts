import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInputOf } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { Proposal, ProposalFields } from '../../shared/domain/proposal';
import { summariseProposal, type ProposalSummary } from '../../shared/domain/proposal-summary';
import { INITIAL_STAGE } from '../../shared/domain/stages';
import type { Database } from '../../shared/domain/database';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';

function findById(db: Readonly<Database>, id: string): Proposal {
  const proposal = db.proposals.find((p) => p.id === id);
  if (!proposal) throw new ApiFailure('not-found', 'That proposal no longer exists.');
  return proposal;
}

function assertReferenceFree(db: Readonly<Database>, fields: ProposalFields, ownId?: string): void {
  const wanted = fields.referenceNumber.trim().toLowerCase();
  const other = db.proposals.find((p) => p.id !== ownId && p.fields.referenceNumber.trim().toLowerCase() === wanted);
  if (other) {
    const message = `Reference number ${fields.referenceNumber} is already used by "${other.fields.title}".`;
    throw new ApiFailure('conflict', message, { 'fields.referenceNumber': message });
  }
}

export function createProposalService(store: ParkStore, clock: Clock) {
  return {
    list(): ProposalSummary[] {
      return store.data.proposals.map(summariseProposal);
    },

    get(id: string): Proposal {
      return findById(store.data, id);
    },

    async create({ fields }: ParsedInputOf<'createProposal'>): Promise<Proposal> {
      return store.update((db) => {
        assertReferenceFree(db, fields);
        const at = clock.now().toISOString();
        const proposal: Proposal = {
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          fields,
          stageHistory: [{ at, from: null, to: INITIAL_STAGE, by: db.settings.officialName, note: 'Proposal entered.' }],
        };
        db.proposals.push(proposal);
        return proposal;
      });
    },

    async update({ id, expectedUpdatedAt, fields }: ParsedInputOf<'updateProposal'>): Promise<Proposal> {
      return store.update((db) => {
        const proposal = findById(db, id);
        if (proposal.updatedAt !== expectedUpdatedAt) {
          throw new ApiFailure('conflict', 'This proposal was changed since you opened it. Reload it and make your edit again.');
        }
        assertReferenceFree(db, fields, id);
        proposal.fields = fields;
        proposal.updatedAt = clock.now().toISOString();
        return proposal;
      });
    },
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;

/** The contract's proposal calls, answered by the service. */
export function proposalHandlers(service: ProposalService): Pick<Handlers, 'listProposals' | 'getProposal' | 'createProposal' | 'updateProposal'> {
  return {
    listProposals: () => service.list(),
    getProposal: ({ id }) => service.get(id),
    createProposal: (input) => service.create(input),
    updateProposal: (input) => service.update(input),
  };
}
