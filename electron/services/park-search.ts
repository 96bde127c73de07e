import type { Handlers } from '../../shared/api/contract';
import { ParkSearchIndexer, ParkSearcher } from '../../shared/domain/park-search';
import type { ParkStore } from './storage/park-store';

/**
 * The global search's index lives here, beside the records: the renderer holds only list rows,
 * and sending it every record's text would cost more than a keystroke's answer. Entries are
 * kept per stored record object, so an edit re-folds only the record it changed.
 */
export function searchHandlers(store: ParkStore): Pick<Handlers, 'searchParks'> {
  const indexer = new ParkSearchIndexer();
  const searcher = new ParkSearcher();
  return {
    searchParks: ({ query, limit }) => {
      const { proposals, mous } = store.data;
      return searcher.search(indexer.index(proposals, mous), query, limit);
    },
  };
}
