import { useEffect, useMemo } from 'react';
import { arrangeProposalSummaries, hasActiveFilters, prepareProposalSearch, searchProposalSummaries, type ProposalSortKey } from '../../../../shared/domain/proposal-list-query';
import { todayInPakistan } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { SEARCH_INPUT_ID } from '../../app/keyboard-shortcuts';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { SortableHeaderCell } from '../../components/SortableHeaderCell';
import { SearchBox } from '../../components/SearchBox';
import { ProposalFilters } from './ProposalFilters';
import { ProposalRows } from './ProposalRows';
import { useArchiveActions } from './use-archive-actions';

const COLUMNS: { key: ProposalSortKey; label: string; numeric?: boolean }[] = [
  { key: 'referenceNumber', label: 'Reference' },
  { key: 'title', label: 'Title' },
  { key: 'city', label: 'City' },
  { key: 'offeringParty', label: 'Partner' },
  { key: 'grossAreaSqFt', label: 'Area', numeric: true },
  { key: 'stage', label: 'Stage' },
  { key: 'daysInStage', label: 'Days in stage', numeric: true },
];

export function ProposalsScreen() {
  useWindowTitle({ screen: 'proposals' });
  const rows = useAppStore((s) => s.proposalSummaries);
  const loaded = useAppStore((s) => s.proposalsLoaded);
  const error = useAppStore((s) => s.proposalsError);
  const view = useAppStore((s) => s.proposalListView);
  const setView = useAppStore((s) => s.setProposalListView);
  const navigate = useAppStore((s) => s.navigate);
  const { restore } = useArchiveActions();
  const today = todayInPakistan();

  // Sorting waits for a change of sort or filters; a keystroke only searches the sorted rows.
  const { filters, archived, sortKey, sortDirection, query } = view;
  const arranged = useMemo(
    () => arrangeProposalSummaries(rows, { filters, archived, sortKey, sortDirection }, today),
    [rows, filters, archived, sortKey, sortDirection, today],
  );
  const visible = useMemo(() => searchProposalSummaries(arranged, query), [arranged, query]);
  // Fold the rows' text while the official is still reading the list, not on the first keystroke.
  useEffect(() => {
    const handle = requestIdleCallback(() => prepareProposalSearch(rows));
    return () => cancelIdleCallback(handle);
  }, [rows]);
  // "of N": every proposal in this view (current or archived), before search and filters.
  const inView = useMemo(() => rows.filter((row) => Boolean(row.archivedAt) === view.archived).length, [rows, view.archived]);
  const noun = `${view.archived ? 'archived ' : ''}${inView === 1 ? 'proposal' : 'proposals'}`;
  const narrowed = hasActiveFilters(view.filters) || view.query.trim() !== '';

  const sortBy = (key: ProposalSortKey) =>
    setView({ sortKey: key, sortDirection: view.sortKey === key && view.sortDirection === 'asc' ? 'desc' : 'asc' });

  return (
    <section aria-labelledby="proposals-heading" className="list-screen">
      <header className="screen-header">
        <h1 id="proposals-heading">Proposals</h1>
        <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form' })} title="New proposal (Ctrl+N)">
          New proposal
        </button>
      </header>
      <div className="list-toolbar">
        <SearchBox id={SEARCH_INPUT_ID} label="Search proposals" placeholder="Reference, title, city, partner or notes" value={view.query} onChange={(query) => setView({ query })} />
        <p className="count" aria-live="polite">
          {narrowed ? `${formatNumber(visible.length)} of ${formatNumber(inView)} ${noun}` : `${formatNumber(inView)} ${noun}`}
        </p>
      </div>
      <ProposalFilters rows={rows} />
      {error && (
        <p role="alert" className="load-error">
          {error}
        </p>
      )}
      {loaded && rows.length === 0 && !error ? (
        <EmptyState title="No proposals yet">
          <p>Enter the first building offered to PSEB, or load the programme's real parks to see how Park Desk works.</p>
          <div className="empty-actions">
            <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form' })}>
              New proposal
            </button>
            <button type="button" className="button" onClick={() => navigate({ screen: 'data' })}>
              Load sample data…
            </button>
          </div>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Proposals" aria-rowcount={visible.length + 1}>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortableHeaderCell
                    key={column.key}
                    label={column.label}
                    numeric={column.numeric}
                    direction={view.sortKey === column.key ? view.sortDirection : undefined}
                    onSort={() => sortBy(column.key)}
                  />
                ))}
                {view.archived && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <ProposalRows rows={visible} today={today} columnCount={COLUMNS.length + (view.archived ? 1 : 0)} archived={view.archived} onRestore={(row) => void restore(row)} />
          </table>
          {loaded && rows.length > 0 && visible.length === 0 && (
            <p className="no-match">
              {view.archived && inView === 0
                ? 'No proposal is archived. Archived proposals appear here, ready to restore.'
                : view.query
                  ? `No proposal matches “${view.query}” with these filters. Press Esc in the search box to clear the search, or clear the filters.`
                  : 'No proposal matches these filters. Use Clear filters to see them all.'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
