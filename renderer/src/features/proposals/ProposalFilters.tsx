import { useMemo } from 'react';
import { citiesOf, hasActiveFilters } from '../../../../shared/domain/proposal-list-query';
import type { ProposalSummary } from '../../../../shared/domain/proposal-summary';
import { useAppStore } from '../../app/store';
import { ProposalFilterSelects } from './ProposalFilterSelects';

/** Labelled selects above the proposals table; their state lives in the store. */
export function ProposalFilters({ rows }: { rows: readonly ProposalSummary[] }) {
  const view = useAppStore((s) => s.proposalListView);
  const setFilter = useAppStore((s) => s.setProposalFilter);
  const clearFilters = useAppStore((s) => s.clearProposalFilters);
  const setView = useAppStore((s) => s.setProposalListView);
  const cities = useMemo(() => {
    const known = citiesOf(rows);
    // A city preset by a link stays choosable even if no row has it any more.
    const wanted = view.filters.city;
    return wanted && !known.some((c) => c.toLowerCase() === wanted.toLowerCase()) ? [...known, wanted] : known;
  }, [rows, view.filters.city]);
  const f = view.filters;

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <ProposalFilterSelects idPrefix="filter" filters={f} cities={cities} setFilter={setFilter} />
      {f.stuckOverDays !== undefined && (
        <p className="filter preset-line">
          <span className="badge preset-badge">
            Stuck: in one stage longer than {f.stuckOverDays} {f.stuckOverDays === 1 ? 'day' : 'days'}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => setFilter('stuckOverDays', undefined)}>
            Remove this filter
          </button>
        </p>
      )}
      <div className="filter">
        <label htmlFor="filter-show">Show</label>
        <select id="filter-show" value={view.archived ? 'archived' : 'current'} onChange={(e) => setView({ archived: e.target.value === 'archived' })}>
          <option value="current">Current proposals</option>
          <option value="archived">Archived proposals</option>
        </select>
      </div>
      <button type="button" className="button" onClick={clearFilters} disabled={!hasActiveFilters(f)}>
        Clear filters
      </button>
    </div>
  );
}
