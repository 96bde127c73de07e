import { todayInPakistan } from '../../shared/format/dates';
import type { Reminder } from '../../shared/domain/reminders';
import type { Clock, Notifier, Timer } from './platform';
import { reminderFrom } from './next-actions';
import type { ParkStore } from './storage/park-store';

/** How often the day is checked; the reminder itself is shown once per Pakistan day. */
export const REMINDER_CHECK_MS = 15 * 60 * 1000;

export interface ReminderOptions {
  store: ParkStore;
  clock: Clock;
  notifier: Notifier;
  timer: Timer;
  /** The official clicked the notification: show the due list. */
  onOpen(): void;
}

export interface Reminders {
  /** The reminder shown last (undefined when nothing was due), for the record. */
  readonly last: Reminder | undefined;
  /** Shows today's reminder if it was not shown today yet; true when one was shown. */
  check(): boolean;
  stop(): void;
}

/**
 * At start, and once a day while Park Desk runs, a desktop notification summarises what is
 * overdue and what falls due this week (reminders.ts builds it; snoozed items are left out).
 * Nothing due, nothing shown. The day is Pakistan's, read from the Clock; the Timer only wakes
 * the check, so a test clock and a hand-turned timer drive it with no real waiting.
 */
export function startReminders({ store, clock, notifier, timer, onOpen }: ReminderOptions): Reminders {
  let shownOn: string | undefined;
  let last: Reminder | undefined;
  const check = (): boolean => {
    const today = todayInPakistan(clock.now());
    if (shownOn === today || store.problem) return false;
    shownOn = today;
    last = reminderFrom(store.data, today);
    if (!last) return false;
    return notifier.notify({ title: last.title, body: last.body, onClick: onOpen });
  };
  check();
  const stopTimer = timer.every(REMINDER_CHECK_MS, check);
  return {
    get last() {
      return last;
    },
    check,
    stop: stopTimer,
  };
}
