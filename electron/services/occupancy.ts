import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { Database } from '../../shared/domain/database';
import { parsePeriodKey, periodName, periodRange } from '../../shared/domain/fiscal-period';
import { acceptsReturns, latestReturn, parkOccupancy, returnsNewestFirst, type OccupancyReturn, type OccupancyReturnValues } from '../../shared/domain/occupancy';
import { currentMouOf, liveMous, operationalOccupancy } from '../../shared/domain/park-register';
import { currentStage, type Proposal } from '../../shared/domain/proposal';
import { STAGE_LABELS } from '../../shared/domain/stages';
import { formatDate, todayInPakistan } from '../../shared/format/dates';
import type { Clock } from './platform';
import { nextUpdatedAt, recordedBy } from './record-stamp';
import { draftOfRecord } from './storage/drafts';
import type { ParkStore } from './storage/park-store';

type OccupancyCalls = 'getParkOccupancy' | 'addOccupancyReturn' | 'updateOccupancyReturn' | 'removeOccupancyReturn' | 'getOccupancyOverview';

function findProposal(db: Readonly<Database>, id: string): Proposal {
  const proposal = draftOfRecord(db.proposals as Proposal[], id);
  if (!proposal) throw new ApiFailure('not-found', 'That proposal no longer exists.');
  return proposal;
}

function assertEditable(proposal: Proposal, expectedUpdatedAt: string): void {
  if (proposal.updatedAt !== expectedUpdatedAt) {
    throw new ApiFailure('conflict', 'This park was changed since you opened it. Reload it and make your change again.');
  }
  if (proposal.archivedAt) throw new ApiFailure('conflict', 'This proposal is archived; restore it before changing its occupancy returns.');
}

const periodProblem = (message: string) => new ApiFailure('invalid-input', message, { 'values.period': message });

/** One return per period, and none for a period that has not begun. */
function checkPeriod(proposal: Proposal, values: OccupancyReturnValues, today: string, ownId?: string): void {
  const period = parsePeriodKey(values.period)!;
  const { start } = periodRange(period);
  if (start > today) throw periodProblem(`${periodName(period)} has not begun (it starts on ${formatDate(start)}); a return is for a period under way or past.`);
  const same = proposal.occupancyReturns?.find((r) => r.period === values.period && r.id !== ownId);
  if (same) throw periodProblem(`A return for ${periodName(period)} is already recorded; edit that one instead.`);
}

export function occupancyHandlers(store: ParkStore, clock: Clock): Pick<Handlers, OccupancyCalls> {
  const stamp = (proposal: Proposal) => {
    proposal.updatedAt = nextUpdatedAt(proposal.updatedAt, clock.now());
  };
  return {
    getParkOccupancy: ({ id }) => {
      const { proposals, mous } = store.data;
      const proposal = proposals.find((p) => p.id === id);
      if (!proposal) throw new ApiFailure('not-found', 'That proposal no longer exists.');
      const mou = currentMouOf(liveMous(mous).filter((m) => m.fields.proposalId === id));
      const latest = latestReturn(proposal.occupancyReturns);
      const stage = currentStage(proposal);
      return {
        stage,
        acceptsReturns: acceptsReturns(stage) && !proposal.archivedAt,
        returns: returnsNewestFirst(proposal.occupancyReturns),
        ...(latest ? { latest: parkOccupancy(latest, mou?.fields) } : {}),
        ...(mou ? { mouNumber: mou.fields.mouNumber } : {}),
        updatedAt: proposal.updatedAt,
      };
    },

    addOccupancyReturn: ({ proposalId, expectedUpdatedAt, values }) =>
      store.update((db) => {
        const proposal = findProposal(db, proposalId);
        assertEditable(proposal, expectedUpdatedAt);
        const stage = currentStage(proposal);
        if (!acceptsReturns(stage)) {
          throw new ApiFailure('conflict', `Occupancy returns are kept for parks at Fit-out or Operational; this one is at ${STAGE_LABELS[stage]}.`);
        }
        const now = clock.now();
        checkPeriod(proposal, values, todayInPakistan(now));
        const entry: OccupancyReturn = { ...values, id: randomUUID(), recordedAt: now.toISOString(), recordedBy: recordedBy(db.settings) };
        proposal.occupancyReturns = [...(proposal.occupancyReturns ?? []), entry];
        stamp(proposal);
        return proposal;
      }),

    updateOccupancyReturn: ({ proposalId, returnId, expectedUpdatedAt, values }) =>
      store.update((db) => {
        const proposal = findProposal(db, proposalId);
        assertEditable(proposal, expectedUpdatedAt);
        const index = proposal.occupancyReturns?.findIndex((r) => r.id === returnId) ?? -1;
        if (index < 0) throw new ApiFailure('not-found', 'That occupancy return is no longer on record.');
        const now = clock.now();
        checkPeriod(proposal, values, todayInPakistan(now), returnId);
        const old = proposal.occupancyReturns![index]!;
        // The optional figures the official cleared must go, so the new values replace the old ones whole.
        proposal.occupancyReturns![index] = { ...values, id: old.id, recordedAt: now.toISOString(), recordedBy: recordedBy(db.settings) };
        stamp(proposal);
        return proposal;
      }),

    removeOccupancyReturn: ({ proposalId, returnId, expectedUpdatedAt }) =>
      store.update((db) => {
        const proposal = findProposal(db, proposalId);
        assertEditable(proposal, expectedUpdatedAt);
        if (!proposal.occupancyReturns?.some((r) => r.id === returnId)) throw new ApiFailure('not-found', 'That occupancy return is no longer on record.');
        proposal.occupancyReturns = proposal.occupancyReturns.filter((r) => r.id !== returnId);
        if (proposal.occupancyReturns.length === 0) delete proposal.occupancyReturns;
        stamp(proposal);
        return proposal;
      }),

    getOccupancyOverview: () => {
      const { proposals, mous } = store.data;
      return operationalOccupancy(proposals, mous, todayInPakistan(clock.now()));
    },
  };
}
