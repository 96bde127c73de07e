import type { Handlers } from '../../shared/api/contract';
import { DEFAULT_STUCK_AFTER_DAYS, computeDashboard } from '../../shared/domain/dashboard';
import { summariseProposal } from '../../shared/domain/proposal-summary';
import { todayInPakistan } from '../../shared/format/dates';
import type { ParkStore } from './storage/park-store';
import type { Clock } from './platform';

/** The contract's dashboard calls: figures are computed on request from what is stored. */
export function dashboardHandlers(store: ParkStore, clock: Clock): Pick<Handlers, 'getDashboard' | 'setOperationalTarget' | 'setStuckAfterDays'> {
  return {
    getDashboard: () => {
      const { proposals, mous, settings } = store.data;
      return computeDashboard({
        proposals: proposals.map(summariseProposal),
        // An archived MoU (entered by mistake) counts in no figure.
        mous: mous.filter((m) => !m.archivedAt),
        today: todayInPakistan(clock.now()),
        operationalTarget: settings.operationalTarget,
        stuckAfterDays: settings.stuckAfterDays,
      });
    },
    setOperationalTarget: ({ target }) =>
      store.update((db) => {
        if (target === undefined) delete db.settings.operationalTarget;
        else db.settings.operationalTarget = target;
        return { target: db.settings.operationalTarget };
      }),
    setStuckAfterDays: ({ days }) =>
      store.update((db) => {
        if (days === undefined) delete db.settings.stuckAfterDays;
        else db.settings.stuckAfterDays = days;
        return { days: db.settings.stuckAfterDays ?? DEFAULT_STUCK_AFTER_DAYS };
      }),
  };
}
