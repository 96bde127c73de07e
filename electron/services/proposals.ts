import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInputOf } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { Proposal, ProposalFields } from '../../shared/domain/proposal';
import { summariseProposal, type ProposalSummary } from '../../shared/domain/proposal-summary';
import { INITIAL_STAGE } from '../../shared/domain/stages';
import { checkMoveRequest, moveInstant } from '../../shared/domain/stage-machine';
import { todayInPakistan } from '../../shared/format/dates';
import type { Database } from '../../shared/domain/database';
import type { ParkStore } from './storage/park-store';
import { committed, draftOfRecord } from './storage/drafts';
import { nextUpdatedAt } from './record-stamp';
import type { Clock } from './platform';

function findById(db: Readonly<Database>, id: string): Proposal {
  const proposal = draftOfRecord(db.proposals as Proposal[], id);
  if (!proposal) throw new ApiFailure('not-found', 'That proposal no longer exists.');
  return proposal;
}

function assertCurrent(proposal: Proposal, expectedUpdatedAt: string): void {
  if (proposal.updatedAt !== expectedUpdatedAt) {
    throw new ApiFailure('conflict', 'This proposal was changed since you opened it. Reload it and make your change again.');
  }
}

function assertNotArchived(proposal: Proposal, what: string): void {
  if (proposal.archivedAt) throw new ApiFailure('conflict', `This proposal is archived; restore it before ${what}.`);
}

function assertReferenceFree(db: Readonly<Database>, fields: ProposalFields, ownId?: string): void {
  const wanted = fields.referenceNumber.trim().toLowerCase();
  const other = committed(db).proposals.find((p) => p.id !== ownId && p.fields.referenceNumber.trim().toLowerCase() === wanted);
  if (other) {
    const where = other.archivedAt ? ' (archived)' : '';
    const message = `Reference number ${fields.referenceNumber} is already used by "${other.fields.title}"${where}.`;
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
        assertCurrent(proposal, expectedUpdatedAt);
        assertNotArchived(proposal, 'editing it');
        assertReferenceFree(db, fields, id);
        proposal.fields = fields;
        proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, clock.now());
        return proposal;
      });
    },

    /** Appends one move, if the stage machine allows it; the history is never rewritten. */
    async moveStage({ id, expectedUpdatedAt, to, on, note }: ParsedInputOf<'moveProposalStage'>): Promise<Proposal> {
      return store.update((db) => {
        const proposal = findById(db, id);
        assertCurrent(proposal, expectedUpdatedAt);
        assertNotArchived(proposal, 'moving it');
        const who = db.settings.officialName.trim();
        if (!who) {
          const message = 'Set your name under Data and settings first: it is recorded with every stage move.';
          throw new ApiFailure('invalid-input', message, { officialName: message });
        }
        const now = clock.now();
        const check = checkMoveRequest(proposal.stageHistory, { to, on, note }, todayInPakistan(now), proposal.fields);
        if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [check.field]: check.reason });
        const at = moveInstant(proposal.stageHistory, on, now);
        const recordedAt = now.toISOString();
        const from = proposal.stageHistory[proposal.stageHistory.length - 1]!.to;
        proposal.stageHistory.push({ at, ...(at === recordedAt ? {} : { recordedAt }), from, to, by: who, note });
        proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, now);
        return proposal;
      });
    },

    async archive({ id }: ParsedInputOf<'archiveProposal'>): Promise<Proposal> {
      return store.update((db) => {
        const proposal = findById(db, id);
        if (proposal.archivedAt) throw new ApiFailure('conflict', 'This proposal is already archived.');
        const at = clock.now().toISOString();
        proposal.archivedAt = at;
        proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, clock.now());
        return proposal;
      });
    },

    async restore({ id }: ParsedInputOf<'restoreProposal'>): Promise<Proposal> {
      return store.update((db) => {
        const proposal = findById(db, id);
        if (!proposal.archivedAt) throw new ApiFailure('conflict', 'This proposal is not archived.');
        delete proposal.archivedAt;
        proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, clock.now());
        return proposal;
      });
    },
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;

/** The contract's proposal calls, answered by the service. */
export function proposalHandlers(service: ProposalService): Pick<
  Handlers,
  'listProposals' | 'getProposal' | 'createProposal' | 'updateProposal' | 'moveProposalStage' | 'archiveProposal' | 'restoreProposal'
> {
  return {
    listProposals: () => service.list(),
    getProposal: ({ id }) => service.get(id),
    createProposal: (input) => service.create(input),
    updateProposal: (input) => service.update(input),
    moveProposalStage: (input) => service.moveStage(input),
    archiveProposal: (input) => service.archive(input),
    restoreProposal: (input) => service.restore(input),
  };
}
