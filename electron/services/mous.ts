import { randomUUID } from 'node:crypto';
import type { Handlers, ParsedInputOf } from '../../shared/api/contract';
import { ApiFailure, fieldErrorsFrom } from '../../shared/api/result';
import type { Database } from '../../shared/domain/database';
import { MouFieldsSchema, currentMouStatus, type Mou, type MouFields, type MouFormFields } from '../../shared/domain/mou';
import { INITIAL_MOU_STATUS, mouStatusMoveProblem } from '../../shared/domain/mou-status';
import { summariseMou, type MouSummary } from '../../shared/domain/mou-summary';
import { todayInPakistan } from '../../shared/format/dates';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';
import { committed, draftOfRecord } from './storage/drafts';
import { nextUpdatedAt } from './record-stamp';

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

    create({ fields, proposalId }: ParsedInputOf<'createMou'>): Promise<Mou> {
      return store.update((db) => {
        assertNumberFree(db, fields.mouNumber);
        assertProposalExists(db, proposalId);
        assertPreviousMou(db, fields);
        const at = now();
        const mou: Mou = {
          id: randomUUID(),
          createdAt: at,
          updatedAt: at,
          fields: checkedFields({ ...fields, ...(proposalId ? { proposalId } : {}), obligations: [], amendments: [] }),
          statusHistory: [{ at, from: null, to: INITIAL_MOU_STATUS, by: db.settings.officialName, note: 'MoU entered.' }],
        };
        db.mous.push(mou);
        return mou;
      });
    },

    update({ id, expectedUpdatedAt, fields }: ParsedInputOf<'updateMou'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
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

    moveStatus({ id, expectedUpdatedAt, to, note }: ParsedInputOf<'moveMouStatus'>): Promise<Mou> {
      return change(id, (mou, db) => {
        assertFresh(mou, expectedUpdatedAt);
        const successorIds = committed(db).mous.filter((m) => m.fields.previousMouId === id).map((m) => m.id);
        const problem = mouStatusMoveProblem(mou, to, { successorIds, today: today() });
        if (problem) throw new ApiFailure('forbidden', problem);
        mou.statusHistory.push({ at: now(), from: currentMouStatus(mou), to, by: db.settings.officialName, note });
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
    saveMouObligation: (input) => service.saveObligation(input),
    setMouObligationDone: (input) => service.setObligationDone(input),
    saveMouAmendment: (input) => service.saveAmendment(input),
  };
}
