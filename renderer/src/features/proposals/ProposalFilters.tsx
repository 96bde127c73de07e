import { useMemo } from 'react';
import { PARTNER_TYPES, PARTNER_TYPE_LABELS, PROVINCES, type PartnerType, type Province } from '../../../../shared/domain/proposal';
import {
  citiesOf,
  hasActiveFilters,
  STAGE_GROUP_LABELS,
  STAGE_GROUPS,
  type StageFilter,
  type StageGroup,
} from '../../../../shared/domain/proposal-list-query';
import type { ProposalSummary } from '../../../../shared/domain/proposal-summary';
import { PIPELINE_STAGES, SIDE_EXIT_STAGES, STAGE_LABELS } from '../../../../shared/domain/stages';
import { useAppStore } from '../../app/store';

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
      <div className="filter">
        <label htmlFor="filter-stage">Stage</label>
        <select id="filter-stage" value={f.stage ?? ''} onChange={(e) => setFilter('stage', (e.target.value || undefined) as StageFilter | undefined)}>
          <option value="">All stages</option>
          {(Object.keys(STAGE_GROUPS) as StageGroup[]).map((group) => (
            <option key={group} value={group}>
              {STAGE_GROUP_LABELS[group]}
            </option>
          ))}
          {[...PIPELINE_STAGES, ...SIDE_EXIT_STAGES].map((stage) => (
            <option key={stage} value={stage}>
              {STAGE_LABELS[stage]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-province">Province</label>
        <select id="filter-province" value={f.province ?? ''} onChange={(e) => setFilter('province', (e.target.value || undefined) as Province | undefined)}>
          <option value="">All provinces</option>
          {PROVINCES.map((province) => (
            <option key={province}>{province}</option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-city">City</label>
        <select id="filter-city" dir="auto" value={f.city ?? ''} onChange={(e) => setFilter('city', e.target.value || undefined)}>
          <option value="">All cities</option>
          {cities.map((city) => (
            <option key={city}>{city}</option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-partner-type">Partner type</label>
        <select
          id="filter-partner-type"
          value={f.partnerType ?? ''}
          onChange={(e) => setFilter('partnerType', (e.target.value || undefined) as PartnerType | 'unrecorded' | undefined)}
        >
          <option value="">All partner types</option>
          {PARTNER_TYPES.map((type) => (
            <option key={type} value={type}>
              {PARTNER_TYPE_LABELS[type]}
            </option>
          ))}
          <option value="unrecorded">Not recorded</option>
        </select>
      </div>
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
