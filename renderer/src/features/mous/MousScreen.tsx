import { useEffect, useMemo, useRef, useState } from 'react';
import { MOU_STATUSES, MOU_STATUS_LABELS, type MouStatus } from '../../../../shared/domain/mou';
import { MOU_STATE_KINDS, MOU_STATE_LABELS, type MouStateKind } from '../../../../shared/domain/mou-state';
import {
  MOU_LIST_PRESET_LABELS,
  filterMouSummaries,
  sortMouSummaries,
  type MouListPreset,
  type MouSortKey,
} from '../../../../shared/domain/mou-list-query';
import { formatDate } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { SearchBox } from '../../components/SearchBox';
import { ExportMouSummariesDialog } from '../mou-summary/ExportMouSummariesDialog';
import { MouStateBadge, MouStatusBadge } from './MouBadges';
import { countOf } from '../../../../shared/format/plural';
import { useMouArchiveActions } from './use-mou-archive-actions';

const COLUMNS: { key: MouSortKey; label: string; numeric?: boolean }[] = [
  { key: 'mouNumber', label: 'MoU number' },
  { key: 'parties', label: 'With' },
  { key: 'proposal', label: 'Proposal' },
  { key: 'status', label: 'Status' },
  { key: 'state', label: 'State' },
  { key: 'signedOn', label: 'Signed' },
  { key: 'expiresOn', label: 'Expiry' },
  { key: 'obligations', label: 'Obligations', numeric: true },
];

export const MOU_SEARCH_INPUT_ID = 'mou-search';

/** "PSEB/MoU/STP/FSD/2021" may wrap after a slash (never mid-word), so narrow windows keep every column. */
function breakableReference(reference: string) {
  return reference.split('/').map((part, index) => (
    <span key={index}>
      {index > 0 && '/'}
      {index > 0 && <wbr />}
      {part}
    </span>
  ));
}

/** All MoUs in a dense, sortable table; the dashboard opens it with a preset view. */
export function MousScreen({ preset }: { preset?: MouListPreset }) {
  useWindowTitle({ screen: 'mous' });
  const allRows = useAppStore((s) => s.mouSummaries);
  // Archived MoUs (entered by mistake) have their own view, like archived proposals.
  const [archivedView, setArchivedView] = useState(false);
  const rows = useMemo(() => allRows.filter((row) => Boolean(row.archivedAt) === archivedView), [allRows, archivedView]);
  const { restore } = useMouArchiveActions();
  const loaded = useAppStore((s) => s.mousLoaded);
  const error = useAppStore((s) => s.mousError);
  const view = useAppStore((s) => s.mouListView);
  const setView = useAppStore((s) => s.setMouListView);
  const loadMous = useAppStore((s) => s.loadMous);
  const navigate = useAppStore((s) => s.navigate);

  // Expiry and overdue depend on today, so the list is fetched fresh each time it is shown.
  useEffect(() => {
    void loadMous();
  }, [loadMous]);

  const visible = useMemo(
    () => sortMouSummaries(filterMouSummaries(rows, { query: view.query, status: view.status, state: view.state, preset }), view.sortKey, view.sortDirection),
    [rows, view, preset],
  );
  const filtered = Boolean(view.query || view.status || view.state || preset);

  // Only rows in view count as selected, so a search never exports a MoU the official cannot see.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const selectedRows = useMemo(() => visible.filter((row) => selected.has(row.id)), [visible, selected]);
  const allSelected = visible.length > 0 && selectedRows.length === visible.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selectedRows.length > 0 && !allSelected;
  }, [selectedRows.length, allSelected]);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(visible.map((row) => row.id)));

  const sortBy = (key: MouSortKey) =>
    setView({ sortKey: key, sortDirection: view.sortKey === key && view.sortDirection === 'asc' ? 'desc' : 'asc' });

  return (
    <section aria-labelledby="mous-heading" className="list-screen">
      <header className="screen-header">
        <h1 id="mous-heading">MoUs</h1>
        <button type="button" className="button primary" onClick={() => navigate({ screen: 'mou-form' })}>
          New MoU
        </button>
      </header>
      {preset && (
        <p className="preset-line">
          <span className="badge preset-badge">{MOU_LIST_PRESET_LABELS[preset]}</span>{' '}
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'mous' })}>
            Show all MoUs
          </button>
        </p>
      )}
      <div className="list-toolbar">
        <SearchBox id={MOU_SEARCH_INPUT_ID} label="Search MoUs" placeholder="MoU number, party, proposal or city" value={view.query} onChange={(query) => setView({ query })} />
        {/* Each label stays beside its list when the toolbar wraps. */}
        <span className="toolbar-filter">
          <label htmlFor="mou-status-filter">Status</label>
          <select id="mou-status-filter" className="narrow-select" value={view.status} onChange={(e) => setView({ status: e.target.value as MouStatus | '' })}>
            <option value="">All statuses</option>
            {MOU_STATUSES.map((status) => (
              <option key={status} value={status}>
                {MOU_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </span>
        <span className="toolbar-filter">
          <label htmlFor="mou-state-filter">State</label>
          <select id="mou-state-filter" className="narrow-select" value={view.state} onChange={(e) => setView({ state: e.target.value as MouStateKind | '' })}>
            <option value="">All states</option>
            {MOU_STATE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {MOU_STATE_LABELS[kind]}
              </option>
            ))}
          </select>
        </span>
        <span className="toolbar-filter">
          <label htmlFor="mou-show">Show</label>
          <select id="mou-show" className="narrow-select" value={archivedView ? 'archived' : 'current'} onChange={(e) => setArchivedView(e.target.value === 'archived')}>
            <option value="current">Current MoUs</option>
            <option value="archived">Archived MoUs</option>
          </select>
        </span>
        <p className="count" aria-live="polite">
          {filtered ? `${formatNumber(visible.length)} of ${countOf(rows.length, archivedView ? 'archived MoU' : 'MoU')}` : countOf(rows.length, archivedView ? 'archived MoU' : 'MoU')}
        </p>
        <div className="selection-actions">
          <p className="count" aria-live="polite">
            {formatNumber(selectedRows.length)} selected
          </p>
          <button type="button" className="button" disabled={selectedRows.length === 0} onClick={() => setExporting(true)}>
            Export summaries…
          </button>
        </div>
      </div>
      {error && (
        <p role="alert" className="load-error">
          {error}
        </p>
      )}
      {loaded && archivedView && rows.length === 0 && !error ? (
        <EmptyState title="No archived MoUs">
          <p>An MoU entered by mistake can be archived from its page; it then appears here, ready to restore.</p>
          <div className="empty-actions">
            <button type="button" className="button" onClick={() => setArchivedView(false)}>
              Show current MoUs
            </button>
          </div>
        </EmptyState>
      ) : loaded && rows.length === 0 && !error ? (
        <EmptyState title="No MoUs yet">
          <p>An MoU is usually created from its proposal once it reaches MoU negotiation: open the proposal and choose Create MoU. You can also enter one on its own and link it later.</p>
          <div className="empty-actions">
            <button type="button" className="button primary" onClick={() => navigate({ screen: 'mou-form' })}>
              New MoU
            </button>
            <button type="button" className="button" onClick={() => navigate({ screen: 'proposals' })}>
              Go to proposals
            </button>
          </div>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="MoUs">
            <thead>
              <tr>
                <th scope="col" className="select-cell">
                  <input ref={selectAll} type="checkbox" aria-label="Select all MoUs shown" checked={allSelected} disabled={visible.length === 0} onChange={toggleAll} />
                </th>
                {COLUMNS.map((column) => (
                  <SortableHeaderCell
                    key={column.key}
                    label={column.label}
                    numeric={column.numeric}
                    direction={view.sortKey === column.key ? view.sortDirection : undefined}
                    onSort={() => sortBy(column.key)}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <tr key={row.id} className={selected.has(row.id) ? 'selected' : undefined} onDoubleClick={(e) => {
                    if (!(e.target instanceof HTMLInputElement)) navigate({ screen: 'mou', id: row.id });
                  }}
                >
                  <td className="select-cell">
                    <input type="checkbox" aria-label={`Select MoU ${row.mouNumber}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                  </td>
                  <td className="mou-number-cell">
                    <button type="button" className="link-button" onClick={() => navigate({ screen: 'mou', id: row.id })}>
                      <bdi>{breakableReference(row.mouNumber)}</bdi>
                    </button>
                    {row.archivedAt && (
                      <>
                        {' '}
                        <button type="button" className="button small" aria-label={`Restore MoU ${row.mouNumber}`} onClick={() => void restore(row)}>
                          Restore
                        </button>
                      </>
                    )}
                  </td>
                  {/* PSEB signs every MoU, so the row names the other parties; <bdi> keeps Urdu names from reordering the cell. */}
                  <td className="parties-cell">
                    {(row.otherParties?.length ? row.otherParties : row.parties).map((name, index) => (
                      <span key={index} className="party-name">
                        {index > 0 && '; '}
                        <bdi>{name}</bdi>
                      </span>
                    ))}
                  </td>
                  <td className="proposal-cell">
                    {row.proposalTitle ? (
                      <>
                        <bdi>{row.proposalTitle}</bdi>
                        {row.proposalCity && (
                          <span className="muted">
                            {' · '}
                            <bdi>{row.proposalCity}</bdi>
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">Not linked</span>
                    )}
                  </td>
                  <td>
                    <MouStatusBadge status={row.status} />
                  </td>
                  <td className="state-cell" title={row.stateSentence}>
                    <MouStateBadge kind={row.state} label={row.stateLabel} warning={row.stateWarning} />
                  </td>
                  <td className="nowrap">{formatDate(row.signedOn) || <span className="muted">—</span>}</td>
                  <td className="nowrap">
                    {row.expiresOn ? formatDate(row.expiresOn) : <span className="muted">Not known</span>}
                  </td>
                  <td className="numeric nowrap">
                    {/* Overdue ones are not counted as open; "0 open" beside an overdue badge would read as all clear. */}
                    {row.overdueObligations > 0 && <span className="badge obligation-overdue">{row.overdueObligations} overdue</span>}
                    {row.overdueObligations > 0 && row.openObligations > 0 && ', '}
                    {(row.openObligations > 0 || row.overdueObligations === 0) && `${row.openObligations} open`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {loaded && rows.length > 0 && visible.length === 0 && <p className="no-match">No MoU matches this search and filter.</p>}
        </div>
      )}
      <ExportMouSummariesDialog ids={selectedRows.map((row) => row.id)} open={exporting} onClose={() => setExporting(false)} />
    </section>
  );
}
