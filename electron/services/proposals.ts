import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInputOf } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import { currentStage, type Proposal, type ProposalFields, type StageMove } from '../../shared/domain/proposal';
import { summariseProposal, type ProposalSummary } from '../../shared/domain/proposal-summary';
import { INITIAL_STAGE, type Stage } from '../../shared/domain/stages';
import { checkEntry, checkMoveRequest, entryNote, moveInstant } from '../../shared/domain/stage-machine';
import { checkCorrection, correctionEntry, noonInPakistan, recordedAtIfLate } from '../../shared/domain/move-history';
import { todayInPakistan } from '../../shared/format/dates';
import type { Database } from '../../shared/domain/database';
import type { ParkStore } from './storage/park-store';
import { committed, draftOfRecord } from './storage/drafts';
import { nextUpdatedAt, recordedBy } from './record-stamp';
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

/** The official's name, required for every recorded move. */
export function officialNameFor(db: Readonly<Database>, field = 'officialName'): string {
  const who = recordedBy(db.settings);
  if (!who) {
    const message = 'Set your name under Data and settings first: it is recorded with every stage move.';
    throw new ApiFailure('invalid-input', message, { [field]: message });
  }
  return who;
}

/**
 * Appends one stage move to a proposal being changed, if the stage machine allows it; stages
 * passed on the way are recorded as passed. Also used by the MoU service, so an MoU signed and
 * its proposal's MoU signed are saved in one update. `fieldPrefix` places field messages.
 */
export function recordStageMove(proposal: Proposal, request: { to: Stage; on: string; note: string }, who: string, now: Date, fieldPrefix = ''): void {
  const check = checkMoveRequest(proposal.stageHistory, request, todayInPakistan(now), proposal.fields);
  if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [`${fieldPrefix}${check.field}`]: check.reason });
  const at = moveInstant(proposal.stageHistory, request.on, now);
  const move: StageMove = {
    id: randomUUID(),
    at,
    ...recordedAtIfLate(at, now),
    from: currentStage(proposal),
    to: request.to,
    by: who,
    note: request.note,
    ...(check.move.passes.length > 0 ? { passedStages: check.move.passes } : {}),
  };
  proposal.stageHistory.push(move);
  proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, now);
}

/** The first entry of a new proposal: Received today, or the real stage on the day it got there. */
function entryMove(fields: ProposalFields, start: ParsedInputOf<'createProposal'>['start'], who: string, now: Date): StageMove {
  const nowText = now.toISOString();
  if (!start) return { id: randomUUID(), at: nowText, from: null, to: INITIAL_STAGE, by: who, note: 'Proposal entered.' };
  const today = todayInPakistan(now);
  const check = checkEntry({ stage: start.stage, on: start.on }, today, fields.dateReceived, fields);
  if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [`start.${check.field}`]: check.reason });
  const at = start.on === today ? nowText : noonInPakistan(start.on);
  return {
    id: randomUUID(),
    at,
    ...recordedAtIfLate(at, now),
    from: null,
    to: start.stage,
    by: who,
    note: start.note?.trim() || entryNote(start.stage, check.passes),
    ...(check.passes.length > 0 ? { passedStages: check.passes } : {}),
  };
}

export function createProposalService(store: ParkStore, clock: Clock) {
  return {
    list(): ProposalSummary[] {
      return store.data.proposals.map(summariseProposal);
    },

    get(id: string): Proposal {
      return findById(store.data, id);
    },

    async create({ fields, start }: ParsedInputOf<'createProposal'>): Promise<Proposal> {
      return store.update((db) => {
        assertReferenceFree(db, fields);
        const now = clock.now();
        const at = now.toISOString();
        const proposal: Proposal = {
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          fields,
          stageHistory: [entryMove(fields, start, recordedBy(db.settings), now)],
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
        recordStageMove(proposal, { to, on, note }, officialNameFor(db), clock.now());
        return proposal;
      });
    },

    /** Withdraws the last move that stands by appending a correction; nothing recorded is removed. */
    async correctMove({ id, expectedUpdatedAt, reason }: ParsedInputOf<'correctProposalMove'>): Promise<Proposal> {
      return store.update((db) => {
        const proposal = findById(db, id);
        assertCurrent(proposal, expectedUpdatedAt);
        assertNotArchived(proposal, 'correcting its stage');
        const who = officialNameFor(db);
        const check = checkCorrection(proposal.stageHistory, reason);
        if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [check.field]: check.reason });
        const now = clock.now();
        proposal.stageHistory.push(correctionEntry(check.withdrawn, check.restored, { id: randomUUID(), now, by: who, reason }));
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
  'listProposals' | 'getProposal' | 'createProposal' | 'updateProposal' | 'moveProposalStage' | 'correctProposalMove' | 'archiveProposal' | 'restoreProposal'
> {
  return {
    listProposals: () => service.list(),
    getProposal: ({ id }) => service.get(id),
    createProposal: (input) => service.create(input),
    updateProposal: (input) => service.update(input),
    moveProposalStage: (input) => service.moveStage(input),
    correctProposalMove: (input) => service.correctMove(input),
    archiveProposal: (input) => service.archive(input),
    restoreProposal: (input) => service.restore(input),
  };
}
