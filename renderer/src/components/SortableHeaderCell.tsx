interface SortableHeaderCellProps {
  label: string;
  numeric?: boolean;
  /** This column's sort direction, or undefined when the list is sorted by another column. */
  direction: 'asc' | 'desc' | undefined;
  onSort(): void;
}

/** A column header that sorts on click, with the order told to screen readers by aria-sort. */
export function SortableHeaderCell({ label, numeric, direction, onSort }: SortableHeaderCellProps) {
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true">{direction ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}
