import { useEffect, useId, useState } from 'react';
import './history.css';
import type { ChangeRecordKind } from '../../../../shared/domain/change-labels';
import { changeEntryRows, withReplacements, type HistoryEntryView } from '../../../../shared/domain/change-rows';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { loadRecordHistory, loadReplacements } from './history-client';

/** The newest entries shown at first; "Show older" adds this many more each time. */
const FIRST_SHOWN = 3;
const MORE_SHOWN = 10;
/** Text longer than this is cut, with a button that shows all of it. */
const LONG_TEXT = 160;

/** One value before or after: as the page shows it, long text cut with "Show all", nothing as "Not recorded". */
function ChangeValue({ text, empty = 'Not recorded' }: { text: string; empty?: string }) {
  const [whole, setWhole] = useState(false);
  if (text === '') return <span className="muted">{empty}</span>;
  if (text.length <= LONG_TEXT)
    return (
      <span dir="auto" className="change-value">
        {text}
      </span>
    );
  return (
    <>
      <span dir="auto" className="change-value change-long">
        {whole ? text : `${text.slice(0, LONG_TEXT - 20).trimEnd()}…`}
      </span>{' '}
      <button type="button" className="link-button" aria-expanded={whole} onClick={() => setWhole(!whole)}>
        {whole ? 'Show less' : `Show all ${countOf(text.length, 'character')}`}
      </button>
    </>
  );
}

function EntryTable({ entry }: { entry: ReturnType<typeof changeEntryRows> }) {
  const created = entry.op === 'create';
  if (entry.rows.length === 0) return null;
  return (
    <table className="data-table compact change-table">
      <caption className="visually-hidden">
        {created ? 'Fields entered' : 'Fields changed'}, {formatDateTime(entry.at)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          {created ? (
            <th scope="col">Entered</th>
          ) : (
            <>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {entry.rows.map((row, index) => (
          <tr key={`${row.label}-${index}`}>
            <th scope="row">{row.label}</th>
            {!created && (
              <td>
                <ChangeValue text={row.before} empty={row.item === 'added' ? 'Added' : undefined} />
              </td>
            )}
            <td>
              <ChangeValue text={row.after} empty={row.item === 'removed' ? 'Removed' : undefined} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A proposal's or an MoU's change history from the change log: each save newest first, who and
 * when (Pakistan time), and per field its label, before and after, as the page shows them.
 * `version` (the record's updatedAt) reloads it after a save on the page.
 */
export function ChangeHistory({ kind, recordId, record, version }: { kind: ChangeRecordKind; recordId: string; record: unknown; version: string }) {
  const headingId = useId();
  const [entries, setEntries] = useState<HistoryEntryView[]>();
  const [error, setError] = useState<string>();
  const [shown, setShown] = useState(FIRST_SHOWN);
  /** After "Show older", focus goes to the first change it revealed (the button may be gone). */
  const [focusSeq, setFocusSeq] = useState<number>();

  useEffect(() => {
    if (focusSeq !== undefined) document.getElementById(`${headingId}-change-${focusSeq}`)?.focus();
  }, [focusSeq, headingId]);

  useEffect(() => {
    let current = true;
    let own: HistoryEntryView[] | undefined;
    let replacements: HistoryEntryView[] = [];
    const show = () => {
      if (current && own) setEntries(withReplacements(own, replacements));
    };
    void loadRecordHistory(kind, recordId).then((result) => {
      if (!current) return;
      if (!result.ok) return setError(result.error.message);
      own = result.value;
      setError(undefined);
      show();
    });
    void loadReplacements().then((found) => {
      replacements = found;
      show();
    });
    return () => {
      current = false;
    };
  }, [kind, recordId, version]);

  const older = entries ? entries.length - shown : 0;
  return (
    <section className="record-section change-history" aria-labelledby={headingId}>
      <h2 id={headingId}>Change history</h2>
      {error ? (
        <p role="alert">The change history could not be read: {error}</p>
      ) : !entries ? (
        <p aria-busy="true">Reading the change history…</p>
      ) : entries.length === 0 ? (
        <p className="muted">No changes recorded yet. Each save is recorded here from now on: who, when, and every field before and after.</p>
      ) : (
        <>
          <p className="muted">
            {countOf(entries.length, 'change')}, newest first; times are Pakistan time. Each save is kept in a chain that <em>Verify history</em> (under
            Data) checks.
          </p>
          <ol className="change-list" aria-label="Changes, newest first">
            {entries.slice(0, shown).map((entry) => {
              const view = changeEntryRows(kind, entry, record);
              return (
                <li key={entry.seq} className="change-entry">
                  <h3 className="change-entry-heading" id={`${headingId}-change-${entry.seq}`} tabIndex={-1}>
                    <span className="timeline-date">{formatDateTime(entry.at)}</span> {view.title} by {entry.by || 'an official whose name was not set'}{' '}
                    <span className="muted">(change {entry.seq})</span>
                  </h3>
                  {entry.op === 'replace-all' && (
                    <p className="muted">Every record was replaced at this point, this one included.</p>
                  )}
                  <EntryTable entry={view} />
                </li>
              );
            })}
          </ol>
          {older > 0 && (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setFocusSeq(entries[shown]?.seq);
                setShown(shown + MORE_SHOWN);
              }}
            >
              Show older ({countOf(older, 'more change')})
            </button>
          )}
        </>
      )}
    </section>
  );
}
