import { useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { PARTNER_TYPE_LABELS } from '../../../../shared/domain/proposal';
import { daysInStage } from '../../../../shared/domain/proposal-list-query';
import type { ProposalSummary } from '../../../../shared/domain/proposal-summary';
import { formatArea, formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';
import { usePrinting } from '../../app/use-printing';
import { StageBadge } from '../../components/StageBadge';

/** The page's scroll container (App's <main>); the table scrolls with the page, as before. */
const scrollContainer = () => document.getElementById('main-content');
const ESTIMATED_ROW_HEIGHT = 38;

interface ProposalRowsProps {
  rows: ProposalSummary[];
  today: string;
  columnCount: number;
  archived: boolean;
  onRestore(row: ProposalSummary): void;
}

/**
 * Only the rows in view (plus a margin) are in the DOM, so 10,000 proposals list, scroll and
 * search as fast as 40. Spacer rows keep the scrollbar true to the whole list.
 */
export function ProposalRows({ rows, today, columnCount, archived, onRestore }: ProposalRowsProps) {
  const navigate = useAppStore((s) => s.navigate);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    const container = scrollContainer();
    if (!body || !container) return;
    setScrollMargin(body.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop);
  }, [rows.length]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: scrollContainer,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => rows[index]!.id,
  });
  const printing = usePrinting();
  // A printed list has every row, not only those in view.
  const items = printing ? rows.map((row, index) => ({ index, key: row.id })) : virtualizer.getVirtualItems();
  const top = items.length && !printing ? virtualizer.getVirtualItems()[0]!.start - scrollMargin : 0;
  const bottom = items.length && !printing ? virtualizer.getTotalSize() - (virtualizer.getVirtualItems().at(-1)!.end - scrollMargin) : 0;

  return (
    <tbody ref={bodyRef}>
      {top > 0 && (
        <tr aria-hidden="true" className="spacer-row">
          <td colSpan={columnCount} style={{ height: top }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index]!;
        return (
          <tr
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            aria-rowindex={item.index + 2}
            onDoubleClick={() => navigate({ screen: 'proposal', id: row.id })}
          >
            <td className="nowrap">{row.referenceNumber}</td>
            {/* <bdi> isolates Urdu values, so each column keeps one alignment and suffixes stay on their side. */}
            <td>
              <button type="button" className="link-button" onClick={() => navigate({ screen: 'proposal', id: row.id })}>
                <bdi>{row.title}</bdi>
              </button>
            </td>
            <td>
              <bdi>{row.city}</bdi>
            </td>
            <td>
              <bdi>{row.offeringParty}</bdi>
              {row.offeringPartyType && <span className="muted"> · {PARTNER_TYPE_LABELS[row.offeringPartyType]}</span>}
            </td>
            <td className="numeric nowrap">{formatArea(row.grossAreaSqFt)}</td>
            <td>
              <StageBadge stage={row.stage} />
            </td>
            <td className="numeric">{formatNumber(daysInStage(row, today))}</td>
            {archived && (
              <td>
                <button type="button" className="button small" onClick={() => onRestore(row)} aria-label={`Restore ${row.referenceNumber}`}>
                  Restore
                </button>
              </td>
            )}
          </tr>
        );
      })}
      {bottom > 0 && (
        <tr aria-hidden="true" className="spacer-row">
          <td colSpan={columnCount} style={{ height: bottom }} />
        </tr>
      )}
    </tbody>
  );
}
