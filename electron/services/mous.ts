import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInputOf } from '../../shared/api/contract';
import { ApiFailure, fieldErrorsFrom } from '../../shared/api/result';
import type { Database } from '../../shared/domain/database';
import { MouFieldsSchema, currentMouStatus, type Mou, type MouFields, type MouFormFields, type MouStatusMove } from '../../shared/domain/mou';
import { INITIAL_MOU_STATUS, checkMouEntry, checkMouMoveRequest, mouEntryNote } from '../../shared/domain/mou-status';
import { checkCorrection, correctionEntry, moveInstant, noonInPakistan, recordedAtIfLate } from '../../shared/domain/move-history';
import { currentStage, type Proposal } from '../../shared/domain/proposal';
import { PIPELINE_STAGES } from '../../shared/domain/stages';
import { formatDate } from '../../shared/format/dates';
import { officialNameFor, recordStageMove } from './proposals';
import { summariseMou, type MouSummary } from '../../shared/domain/mou-summary';
import { todayInPakistan } from '../../shared/format/dates';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';
import { committed, draftOfRecord } from './storage/drafts';
import { nextUpdatedAt, recordedBy } from './record-stamp';

function findMou(db: Readonly<Database>, id: string): Mou {
  const mou = draftOfRecord(db.mous as Mou[], id);
  if (!mou) throw new ApiFailure('not-found', 'That MoU no longer exists.');
  return mou;
}

function assertProposalExists(db: Readonly<Database>, proposalId: string | undefined): void {
  if (proposalId && !committed(db).proposals.some((p) => p.id === proposalId)) {
    throw new ApiFailure('not-found', 'The proposal to link no longer exists.', { proposalId: 'The proposal to link no longer exists.' });
  }
}

function assertNumberFree(db: Readonly<Database>, mouNumber: string, ownId?: string): void {
  const wanted = mouNumber.trim().toLowerCase();
  const other = committed(db).mous.find((m) => m.id !== ownId && m.fields.mouNumber.trim().toLowerCase() === wanted);
  if (other) {
    const parties = other.fields.parties.map((p) => p.name).join(' and ');
    const message = `MoU number ${mouNumber} is already used by the MoU between ${parties}.`;
    throw new ApiFailure('conflict', message, { 'fields.mouNumber': message });
  }
}

/**
 * The MoU this one renews or supersedes must exist when it is chosen, and the chain must not loop
 * back to itself. A link that already pointed at nothing (say, its MoU was left out of an import)
 * does not block saving the rest of the form: the form shows it so it can be cleared. A missing
 * MoU further down the chain is that MoU's link, not this one's.
 */
function assertPreviousMou(db: Readonly<Database>, fields: MouFormFields, ownId?: string, storedPreviousMouId?: string): void {
  if (!fields.previousMouId) return;
  const byId = new Map(committed(db).mous.map((m) => [m.id, m]));
  if (!byId.has(fields.previousMouId)) {
    if (fields.previousMouId === storedPreviousMouId) return;
    const message = 'The MoU chosen under "Renews or supersedes" is not in Park Desk. Choose another MoU there, or "None (a first MoU)", and save again.';
    throw new ApiFailure('not-found', message, { 'fields.previousMouId': message });
  }
  let cursor: string | undefined = fields.previousMouId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === ownId || seen.has(cursor)) {
      const message = 'An MoU cannot renew or supersede itself, directly or through the MoUs it replaced.';
      throw new ApiFailure('invalid-input', message, { 'fields.previousMouId': message });
    }
    seen.add(cursor);
    cursor = byId.get(cursor)?.fields.previousMouId;
  }
}

/** The whole record must still pass the stored schema (an edited party list may orphan obligations). */
function checkedFields(fields: MouFields): MouFields {
  const parsed = MouFieldsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsFrom(parsed.error, ['fields']);
  const orphan = Object.keys(errors).find((key) => key.startsWith('fields.obligations.'));
  if (orphan) {
    const message = 'A party that owes obligations cannot be removed. Move its obligations to another party first.';
    throw new ApiFailure('invalid-input', message, { 'fields.parties': message });
  }
  throw new ApiFailure('invalid-input', Object.values(errors)[0] ?? 'The MoU is not valid.', errors);
}

function assertFresh(mou: Mou, expectedUpdatedAt: string): void {
  if (mou.updatedAt !== expectedUpdatedAt) {
    throw new ApiFailure('conflict', `MoU ${mou.fields.mouNumber} was changed since you opened it. Reload it and make your change again.`);
  }
}

function assertNotArchived(mou: Mou, what: string): void {
  if (mou.archivedAt) throw new ApiFailure('conflict', `MoU ${mou.fields.mouNumber} is archived; restore it before ${what}.`);
}

const SIGNED_STAGE_INDEX = PIPELINE_STAGES.indexOf('mou-signed');

/**
 * Moves the MoU's linked proposal to MoU signed on the day the MoU was signed, inside the same
 * store update as the MoU's own change, so both are saved or neither.
 */
function moveLinkedProposalToSigned(db: Database, mou: Mou, expectedUpdatedAt: string, signedOn: string | undefined, now: Date): void {
  const fail = (message: string): never => {
    throw new ApiFailure('invalid-input', message, { moveProposal: message });
  };
  const proposalId = mou.fields.proposalId;
  if (!proposalId) return fail('This MoU is not linked to a proposal, so there is no proposal to move to MoU signed.');
  const proposal = draftOfRecord(db.proposals as Proposal[], proposalId);
  if (!proposal) return fail('The linked proposal no longer exists.');
  if (proposal.updatedAt !== expectedUpdatedAt) return fail('The linked proposal was changed since you opened this page. Reload it and make your change again.');
  if (proposal.archivedAt) return fail(`Proposal ${proposal.fields.referenceNumber} is archived; restore it first, or leave its stage as it is.`);
  const index = (PIPELINE_STAGES as readonly string[]).indexOf(currentStage(proposal));
  if (index < 0 || index >= SIGNED_STAGE_INDEX) return fail(`Proposal ${proposal.fields.referenceNumber} is not before MoU signed; leave its stage as it is.`);
  if (!signedOn) return fail('Give the date signed, so the proposal can be moved to MoU signed on that date.');
  const note = `MoU ${mou.fields.mouNumber} recorded as signed on ${formatDate(signedOn)}.`;
  recordStageMove(proposal, { to: 'mou-signed', on: signedOn, note }, officialNameFor(db, 'moveProposal'), now, 'moveProposal.');
}

export function createMouService(store: ParkStore, clock: Clock) {
  const now = () => clock.now().toISOString();
  const today = () => todayInPakistan(clock.now());

  const nextStamp = (previous: string) => nextUpdatedAt(previous, clock.now());

  /** Applies a change to one MoU, re-checks the record, and stamps it. */
  const change = (id: string, apply: (mou: Mou, db: Database) => void) =>
    store.update((db) => {
      const mou = findMou(db, id);
      apply(mou, db);
      mou.fields = checkedFields(mou.fields);
      mou.updatedAt = nextStamp(mou.updatedAt);
      return mou;
    });

  return {
    list({ proposalId }: ParsedInputOf<'listMous'>): MouSummary[] {
      const db = store.data;
      const proposals = new Map(db.proposals.map((p) => [p.id, p.fields]));
      const day = today();
      const mous = proposalId ? db.mous.filter((m) => m.fields.proposalId === proposalId) : db.mous;
      return mous.map((m) => summariseMou(m, m.fields.proposalId ? proposals.get(m.fields.proposalId) : undefined, day));
    },

    get(id: string): Mou {
      return findMou(store.data, id);
    },

    create({ fields, proposalId, start, moveProposal }: ParsedInputOf<'createMou'>): Promise<Mou> {
      return store.update((db) => {
        assertNumberFree(db, fields.mouNumber);
        assertProposalExists(db, proposalId);
        assertPreviousMou(db, fields);
        const instant = clock.now();
        const at = instant.toISOString();
        let entry: MouStatusMove = { id: randomUUID(), at, from: null, to: INITIAL_MOU_STATUS, by: recordedBy(db.settings), note: 'MoU entered.' };
        let signedOn = fields.signedOn;
        if (start) {
          const check = checkMouEntry(start, fields, today());
          if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [`start.${check.field}`]: check.reason });
          if (check.signedOn) signedOn = check.signedOn;
          const since = start.on === today() ? at : noonInPakistan(start.on);
          entry = {
            id: randomUUID(),
            at: since,
            ...recordedAtIfLate(since, instant),
            from: null,
            to: start.status,
            by: recordedBy(db.settings),
            note: start.note?.trim() || mouEntryNote(start.status, check.passes),
            ...(check.passes.length > 0 ? { passedStatuses: check.passes } : {}),
          };
        }
        const mou: Mou = {
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          fields: checkedFields({ ...fields, ...(signedOn ? { signedOn } : {}), ...(proposalId ? { proposalId } : {}), obligations: [], amendments: [] }),
          statusHistory: [entry],
        };
        if (moveProposal) {
          if (!start || !['signed', 'active'].includes(start.status)) {
            const message = 'Only an MoU entered as Signed or Active moves its proposal to MoU signed.';
            throw new ApiFailure('invalid-input', message, { moveProposal: message });
          }
          moveLinkedProposalToSigned(db, mou, moveProposal.expectedUpdatedAt, signedOn, instant);
        }
        db.mous.push(mou);
        return mou;
      });
    },

    update({ id, expectedUpdatedAt, fields }: ParsedInputOf<'updateMou'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
        assertNotArchived(mou, 'editing it');
        assertNumberFree(db, fields.mouNumber, id);
        assertPreviousMou(db, fields, id, mou.fields.previousMouId);
        // Obligations, amendments and the proposal link are kept: they have their own calls.
        const { proposalId, obligations, amendments } = mou.fields;
        mou.fields = { ...fields, ...(proposalId ? { proposalId } : {}), obligations, amendments };
      });
    },

    link({ id, expectedUpdatedAt, proposalId }: ParsedInputOf<'linkMouProposal'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
        assertProposalExists(db, proposalId ?? undefined);
        const { proposalId: _old, ...rest } = mou.fields;
        mou.fields = proposalId ? { ...rest, proposalId } : rest;
      });
    },

    /**
     * Appends one status move (back-dated if `on` says so), passing statuses along the forward
     * path where asked; with moveProposal, the linked proposal moves to MoU signed in the same save.
     */
    moveStatus({ id, expectedUpdatedAt, to, on, note, moveProposal }: ParsedInputOf<'moveMouStatus'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
        assertNotArchived(mou, 'moving its status');
        const successorIds = committed(db).mous.filter((m) => m.fields.previousMouId === id).map((m) => m.id);
        const instant = clock.now();
        const day = on ?? today();
        const check = checkMouMoveRequest(mou, { to, on: day, note }, { successorIds, today: today() });
        if (!check.ok) throw new ApiFailure(check.field === 'to' ? 'forbidden' : 'invalid-input', check.reason, { [check.field]: check.reason });
        // Signed without a recorded date signed: the day of the move is the day it was signed.
        if (to === 'signed' && !mou.fields.signedOn) mou.fields.signedOn = day;
        const at = moveInstant(mou.statusHistory, day, instant);
        mou.statusHistory.push({
          id: randomUUID(),
          at,
          ...recordedAtIfLate(at, instant),
          from: currentMouStatus(mou),
          to,
          by: recordedBy(db.settings),
          note,
          ...(check.passes.length > 0 ? { passedStatuses: check.passes } : {}),
        });
        if (moveProposal) {
          if (!['signed', 'active'].includes(to)) {
            const message = 'Only a move to Signed or Active moves the proposal to MoU signed.';
            throw new ApiFailure('invalid-input', message, { moveProposal: message });
          }
          moveLinkedProposalToSigned(db, mou, moveProposal.expectedUpdatedAt, mou.fields.signedOn, instant);
        }
      });
    },

    /** Withdraws the last status move that stands by appending a correction; nothing is removed. */
    correctMove({ id, expectedUpdatedAt, reason }: ParsedInputOf<'correctMouMove'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
        assertNotArchived(mou, 'correcting its status');
        const check = checkCorrection(mou.statusHistory, reason);
        if (!check.ok) throw new ApiFailure('invalid-input', check.reason, { [check.field]: check.reason });
        mou.statusHistory.push(correctionEntry(check.withdrawn, check.restored, { id: randomUUID(), now: clock.now(), by: recordedBy(db.settings), reason }));
      });
    },

    archive({ id }: ParsedInputOf<'archiveMou'>): Promise<Mou> {
      return change(id, (mou) => {
        if (mou.archivedAt) throw new ApiFailure('conflict', `MoU ${mou.fields.mouNumber} is already archived.`);
        mou.archivedAt = now();
      });
    },

    restore({ id }: ParsedInputOf<'restoreMou'>): Promise<Mou> {
      return change(id, (mou) => {
        if (!mou.archivedAt) throw new ApiFailure('conflict', `MoU ${mou.fields.mouNumber} is not archived.`);
        delete mou.archivedAt;
      });
    },

    saveObligation({ mouId, obligation }: ParsedInputOf<'saveMouObligation'>): Promise<Mou> {
      return change(mouId, (mou) => {
        if (!mou.fields.parties.some((p) => p.id === obligation.partyId)) {
          throw new ApiFailure('invalid-input', 'Choose the party that owes this obligation.', { 'obligation.partyId': 'Choose the party that owes this obligation.' });
        }
        if (!obligation.id) {
          mou.fields.obligations.push({ ...obligation, id: randomUUID() });
          return;
        }
        const index = mou.fields.obligations.findIndex((o) => o.id === obligation.id);
        if (index < 0) throw new ApiFailure('not-found', 'That obligation no longer exists on this MoU.');
        mou.fields.obligations[index] = { ...obligation, id: obligation.id };
      });
    },

    setObligationDone({ mouId, obligationId, completedOn }: ParsedInputOf<'setMouObligationDone'>): Promise<Mou> {
      return change(mouId, (mou) => {
        const obligation = mou.fields.obligations.find((o) => o.id === obligationId);
        if (!obligation) throw new ApiFailure('not-found', 'That obligation no longer exists on this MoU.');
        if (completedOn) obligation.completedOn = completedOn;
        else delete obligation.completedOn;
      });
    },

    saveAmendment({ mouId, amendment }: ParsedInputOf<'saveMouAmendment'>): Promise<Mou> {
      return change(mouId, (mou) => {
        const wanted = amendment.number.trim().toLowerCase();
        if (mou.fields.amendments.some((a) => a.id !== amendment.id && a.number.trim().toLowerCase() === wanted)) {
          const message = `This MoU already has an amendment numbered ${amendment.number}.`;
          throw new ApiFailure('conflict', message, { 'amendment.number': message });
        }
        if (!amendment.id) {
          mou.fields.amendments.push({ ...amendment, id: randomUUID() });
          return;
        }
        const index = mou.fields.amendments.findIndex((a) => a.id === amendment.id);
        if (index < 0) throw new ApiFailure('not-found', 'That amendment no longer exists on this MoU.');
        mou.fields.amendments[index] = { ...amendment, id: amendment.id };
      });
    },
  };
}
export type MouService = ReturnType<typeof createMouService>;

type MouCallName =
  | 'listMous'
  | 'getMou'
  | 'createMou'
  | 'updateMou'
  | 'linkMouProposal'
  | 'moveMouStatus'
  | 'correctMouMove'
  | 'archiveMou'
  | 'restoreMou'
  | 'saveMouObligation'
  | 'setMouObligationDone'
  | 'saveMouAmendment';

/** The contract's MoU calls, answered by the service. */
export function mouHandlers(service: MouService): Pick<Handlers, MouCallName> {
  return {
    listMous: (input) => service.list(input),
    getMou: ({ id }) => service.get(id),
    createMou: (input) => service.create(input),
    updateMou: (input) => service.update(input),
    linkMouProposal: (input) => service.link(input),
    moveMouStatus: (input) => service.moveStatus(input),
    correctMouMove: (input) => service.correctMove(input),
    archiveMou: (input) => service.archive(input),
    restoreMou: (input) => service.restore(input),
    saveMouObligation: (input) => service.saveObligation(input),
    setMouObligationDone: (input) => service.setObligationDone(input),
    saveMouAmendment: (input) => service.saveAmendment(input),
  };
}
