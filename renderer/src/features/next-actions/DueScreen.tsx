import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { describeDue } from '../../../../shared/domain/next-action';
import { DUE_LIST_PRESET_LABELS, DUE_LIST_PRESETS, SNOOZE_CHOICES, filterDueItems, type DueKind, type DueListPreset } from '../../../../shared/domain/reminders';
import { formatDate } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';

type DueList = OutputOf<'getDueList'>;

const KIND_LABELS: Record<DueKind, string> = {
  'mou-expired': 'MoU expired',
  'mou-notice': 'MoU notice period',
  obligation: 'Obligation',
  'next-action': 'Next action',
  review: 'Review date',
};

/**
 * What is overdue or falls due this week: the list a reminder opens, and (narrowed to next
 * actions) the list behind the dashboard's next-action figures. Each item can be snoozed out of
 * the reminders for a day or a week; a snooze also ends when the item's date changes.
 */
export function DueScreen({ preset: initial = 'all' }: { preset?: DueListPreset | undefined }) {
  useWindowTitle({ screen: 'due' });
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [preset, setPreset] = useState<DueListPreset>(initial);
  const [list, setList] = useState<DueList | undefined>();
  const [error, setError] = useState<string | undefined>();

  const load = useCallback(() => {
    void call(api().getDueList({})).then((result) => (result.ok ? setList(result.value) : setError(result.error.message)));
  }, []);
  useEffect(load, [load]);

  const snooze = async (key: string, days: 1 | 7) => {
    const result = await call(api().snoozeDueItem({ key, days }));
    if (!result.ok) return notify('error', result.error.message);
    notify('success', `Snoozed: left out of reminders until ${formatDate(result.value.until)} (or until its date changes).`);
    load();
  };
  const unsnooze = async (key: string) => {
    const result = await call(api().unsnoozeDueItem({ key }));
    if (!result.ok) return notify('error', result.error.message);
    notify('success', 'It will be in the next reminder again.');
    load();
  };

  const rows = list ? filterDueItems(list.items, preset) : [];
  return (
    <section aria-labelledby="due-heading" className="due-screen">
      <header className="screen-header">
        <h1 id="due-heading" tabIndex={-1}>
          Due this week
        </h1>
      </header>
      <p className="muted">
        What is overdue or falls due in the next 7 days{list ? `, as of ${formatDate(list.today)}` : ''}. The reminder at start and once a day lists these; a
        snoozed item is left out of it until the day shown, or until its date changes.
      </p>
      <div className="filter-bar">
        <div className="filter">
          <label htmlFor="due-preset">Show</label>
          <select id="due-preset" value={preset} onChange={(e) => setPreset(e.target.value as DueListPreset)}>
            {DUE_LIST_PRESETS.map((p) => (
              <option key={p} value={p}>
                {DUE_LIST_PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p role="alert" className="load-error">
          The due list could not be worked out: {error}
        </p>
      )}
      {!list && !error && <p aria-busy="true">Working out what is due…</p>}
      {list && rows.length === 0 && (
        <EmptyState title="Nothing due">
          <p>Nothing here is overdue or due in the next 7 days. Give proposals and MoUs a next action on their pages to see them here when due.</p>
        </EmptyState>
      )}
      {list && rows.length > 0 && (
        <>
          <p role="status">{countOf(rows.length, 'item')}</p>
          <table className="data-table" aria-label={DUE_LIST_PRESET_LABELS[preset]}>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Record</th>
                <th scope="col">What</th>
                <th scope="col">Due</th>
                <th scope="col">Reminder</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={item.key}>
                  <td>{KIND_LABELS[item.kind]}</td>
                  <td dir="auto">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => navigate(item.record.kind === 'proposal' ? { screen: 'proposal', id: item.record.id } : { screen: 'mou', id: item.record.id })}
                    >
                      {item.recordLabel}
                    </button>
                  </td>
                  <td dir="auto">
                    {item.text}
                    {item.by && <span className="muted"> ({item.by})</span>}
                  </td>
                  <td className="nowrap">
                    {item.dueOn ? formatDate(item.dueOn) : ''}
                    {item.daysLeft !== undefined && <span className={item.overdue ? 'overdue-text' : 'muted'}> {describeDue(item.daysLeft)}</span>}
                  </td>
                  <td>
                    {item.snoozedUntil ? (
                      <span>
                        Snoozed until {formatDate(item.snoozedUntil)}{' '}
                        <button type="button" className="link-button" onClick={() => void unsnooze(item.key)} aria-label={`Remind again: ${item.text}`}>
                          Remind again
                        </button>
                      </span>
                    ) : (
                      <span className="button-row">
                        {SNOOZE_CHOICES.map((choice) => (
                          <button
                            key={choice.days}
                            type="button"
                            className="button small"
                            aria-label={`${choice.label}: ${item.text}`}
                            onClick={() => void snooze(item.key, choice.days)}
                          >
                            {choice.label}
                          </button>
                        ))}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
