import { PARTNER_TYPES, PARTNER_TYPE_LABELS, PROVINCES, type PartnerType, type Province } from '../../../../shared/domain/proposal';
import { STAGE_GROUP_LABELS, STAGE_GROUPS, type ProposalListFilters, type StageFilter, type StageGroup } from '../../../../shared/domain/proposal-list-query';
import { PIPELINE_STAGES, SIDE_EXIT_STAGES, STAGE_LABELS } from '../../../../shared/domain/stages';

type SetFilter = <K extends keyof ProposalListFilters>(key: K, value: ProposalListFilters[K] | undefined) => void;

/**
 * The proposal list's four labelled selects (stage, province, city, partner type), shared by the
 * proposals list and the park register so both offer exactly the same filters.
 */
export function ProposalFilterSelects({ idPrefix, filters, cities, setFilter }: { idPrefix: string; filters: ProposalListFilters; cities: readonly string[]; setFilter: SetFilter }) {
  return (
    <>
      <div className="filter">
        <label htmlFor={`${idPrefix}-stage`}>Stage</label>
        <select id={`${idPrefix}-stage`} value={filters.stage ?? ''} onChange={(e) => setFilter('stage', (e.target.value || undefined) as StageFilter | undefined)}>
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
        <label htmlFor={`${idPrefix}-province`}>Province</label>
        <select id={`${idPrefix}-province`} value={filters.province ?? ''} onChange={(e) => setFilter('province', (e.target.value || undefined) as Province | undefined)}>
          <option value="">All provinces</option>
          {PROVINCES.map((province) => (
            <option key={province}>{province}</option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${idPrefix}-city`}>City</label>
        <select id={`${idPrefix}-city`} dir="auto" value={filters.city ?? ''} onChange={(e) => setFilter('city', e.target.value || undefined)}>
          <option value="">All cities</option>
          {cities.map((city) => (
            <option key={city}>{city}</option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${idPrefix}-partner-type`}>Partner type</label>
        <select
          id={`${idPrefix}-partner-type`}
          value={filters.partnerType ?? ''}
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
    </>
  );
}
