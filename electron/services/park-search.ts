import type { Handlers } from '../../shared/api/contract';
import { ParkSearchIndexer, ParkSearcher } from '../../shared/domain/park-search';
import type { ParkStore } from './storage/park-store';

/** Records folded per turn of the event loop while warming, so calls keep being answered meanwhile. */
const WARM_SLICE = 200;

/**
 * The global search's index lives here, beside the records: the renderer holds only list rows,
 * and sending it every record's text would cost more than a keystroke's answer. Entries are
 * kept per stored record object, so an edit re-folds only the record it changed. After opening,
 * the records are folded a slice at a time in the background, so the first Ctrl+F finds them ready.
 */
export function searchHandlers(store: ParkStore, { warmAfterMs = 1500 }: { warmAfterMs?: number } = {}): Pick<Handlers, 'searchParks'> {
  const indexer = new ParkSearchIndexer();
  const searcher = new ParkSearcher();
  const warmFrom = (start: number) => {
    if (store.problem) return;
    const { proposals, mous } = store.data;
    const next = indexer.warm(proposals, mous, start, WARM_SLICE);
    if (next !== undefined) setImmediate(() => warmFrom(next));
  };
  if (warmAfterMs >= 0) setTimeout(() => warmFrom(0), warmAfterMs).unref();
  return {
    searchParks: ({ query, limit }) => {
      const { proposals, mous } = store.data;
      return searcher.search(indexer.index(proposals, mous), query, limit);
    },
  };
}
