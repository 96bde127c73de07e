import type { Handlers } from '../../shared/api/contract';
import { ApiFailure } from '../../shared/api/result';
import type { ChangeEntry } from '../../shared/domain/change-entry';
import type { ParkStore } from './storage/park-store';

/** Record histories and Verify history, answered from the store's change log. */
export function historyHandlers(store: ParkStore): Pick<Handlers, 'recordHistory' | 'verifyHistory'> {
  return {
    recordHistory: async ({ kind, id }) => {
      if (store.problem) throw new ApiFailure('storage', 'The data file could not be read, so there is no history to show yet.');
      // The full record each entry carries is for replay; the screens need the field changes only.
      return (await store.changesOf(kind, id)).map(({ record: _record, ...entry }: ChangeEntry) => entry);
    },
    verifyHistory: () => store.verifyHistory(),
  };
}
