import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { Database } from '../../shared/domain/database';
import type { Mou } from '../../shared/domain/mou';
import type { DoneAction, NextAction } from '../../shared/domain/next-action';
import type { Proposal } from '../../shared/domain/proposal';
import { summariseProposal } from '../../shared/domain/proposal-summary';
import { activeSnoozes, buildReminder, dueItems, withSnooze, type Reminder } from '../../shared/domain/reminders';
import { todayInPakistan } from '../../shared/format/dates';
import type { Clock } from './platform';
import { nextUpdatedAt } from './record-stamp';
import { draftOfRecord } from './storage/drafts';
import type { ParkStore } from './storage/park-store';

type NextActionCalls = 'setNextAction' | 'completeNextAction' | 'getDueList' | 'snoozeDueItem' | 'unsnoozeDueItem';
type RecordRef = { kind: 'proposal' | 'mou'; id: string };

function findRecord(db: Database, ref: RecordRef): Proposal | Mou {
  const record = ref.kind === 'proposal' ? draftOfRecord(db.proposals, ref.id) : draftOfRecord(db.mous, ref.id);
  if (!record) throw new ApiFailure('not-found', ref.kind === 'proposal' ? 'That proposal no longer exists.' : 'That MoU no longer exists.');
  return record;
}

function assertEditable(record: Proposal | Mou, expectedUpdatedAt: string): void {
  if (record.updatedAt !== expectedUpdatedAt) {
    throw new ApiFailure('conflict', 'This record was changed since you opened it. Reload it and make your change again.');
  }
  if (record.archivedAt) throw new ApiFailure('conflict', 'This record is archived; restore it before changing its next action.');
}

/** What the reminder and the due list are built from: the records as the dashboard reads them. */
export function dueInput(db: Readonly<Database>, today: string) {
  return { proposals: db.proposals.map(summariseProposal), mous: db.mous.filter((m) => !m.archivedAt), today };
}

/** Today's reminder from what is stored: undefined when nothing not snoozed is due. */
export function reminderFrom(db: Readonly<Database>, today: string): Reminder | undefined {
  return buildReminder({ ...dueInput(db, today), snoozes: db.settings.reminderSnoozes });
}

export function nextActionHandlers(store: ParkStore, clock: Clock): Pick<Handlers, NextActionCalls> {
  return {
    setNextAction: ({ record: ref, expectedUpdatedAt, action }) =>
      store.update((db) => {
        const record = findRecord(db, ref);
        assertEditable(record, expectedUpdatedAt);
        const now = clock.now();
        const next: NextAction = {
          what: action.what,
          ...(action.by ? { by: action.by } : {}),
          dueOn: action.dueOn,
          setAt: now.toISOString(),
          setBy: db.settings.officialName.trim(),
        };
        record.nextAction = next;
        record.updatedAt = nextUpdatedAt(record.updatedAt, now);
        return { updatedAt: record.updatedAt, nextAction: next };
      }),

    completeNextAction: ({ record: ref, expectedUpdatedAt, note }) =>
      store.update((db) => {
        const record = findRecord(db, ref);
        assertEditable(record, expectedUpdatedAt);
        if (!record.nextAction) throw new ApiFailure('conflict', 'This record has no next action to mark done.');
        const now = clock.now();
        const done: DoneAction = { ...record.nextAction, doneAt: now.toISOString(), doneBy: db.settings.officialName.trim(), ...(note?.trim() ? { note: note.trim() } : {}) };
        record.nextActionsDone = [...(record.nextActionsDone ?? []), done];
        delete record.nextAction;
        record.updatedAt = nextUpdatedAt(record.updatedAt, now);
        return { updatedAt: record.updatedAt };
      }),

    getDueList: () => {
      const db = store.data;
      const today = todayInPakistan(clock.now());
      const snoozes = new Map(activeSnoozes(db.settings.reminderSnoozes, today).map((s) => [s.key, s.until]));
      const items = dueItems(dueInput(db, today)).map((item) => {
        const until = snoozes.get(item.key);
        return until ? { ...item, snoozedUntil: until } : item;
      });
      return { today, items };
    },

    snoozeDueItem: ({ key, days }) =>
      store.update((db) => {
        const today = todayInPakistan(clock.now());
        db.settings.reminderSnoozes = withSnooze(db.settings.reminderSnoozes, key, days, today);
        return { until: db.settings.reminderSnoozes.at(-1)!.until };
      }),

    unsnoozeDueItem: ({ key }) =>
      store.update((db) => {
        const today = todayInPakistan(clock.now());
        const left = activeSnoozes(db.settings.reminderSnoozes, today).filter((s) => s.key !== key);
        if (left.length === 0) delete db.settings.reminderSnoozes;
        else db.settings.reminderSnoozes = left;
        return {};
      }),
  };
}
