import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ParkSearchResult, SearchHit } from '../../../../shared/domain/park-search';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { OPEN_SEARCH_EVENT } from './open-search';
import './search.css';

export const GLOBAL_SEARCH_INPUT_ID = 'global-search';

const RESULTS_PER_KIND = 20;

/**
 * One search over every proposal and MoU, from any screen. Type, then ArrowDown or Tab to a
 * result and Enter to open it; Esc clears what was typed, and closes when there is nothing to clear.
 */
export function GlobalSearch() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<ParkSearchResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const latest = useRef(0);
  const navigate = useAppStore((s) => s.navigate);
  const route = useAppStore((s) => s.route);

  // A shortcut that changes the screen (Ctrl+1..4, Ctrl+N) closes the search, as opening a result does.
  useEffect(() => setOpen(false), [route]);

  useEffect(() => {
    const onOpen = () => {
      // Opening runs the search again (see below), as records may have changed since.
      setOpen(true);
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first button; the official came here to type.
      input.current?.focus();
      input.current?.select();
    }
    if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const request = ++latest.current;
    if (!query.trim()) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    void call(api().searchParks({ query, limit: RESULTS_PER_KIND })).then((answer) => {
      // Answers can arrive out of order; only the one for the latest keystroke counts.
      if (request !== latest.current) return;
      if (answer.ok) {
        setResult(answer.value);
        setError(undefined);
      } else setError(answer.error.message);
    });
  }, [query, open]);

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    navigate(hit.kind === 'proposal' ? { screen: 'proposal', id: hit.id } : { screen: 'mou', id: hit.id });
  };

  const hitButtons = () => [...(results.current?.querySelectorAll<HTMLButtonElement>('button.search-hit') ?? [])];

  const onResultsKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = hitButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)]?.focus();
  };

  const total = result ? result.proposals.total + result.mous.total : 0;

  return (
    <dialog
      ref={dialog}
      className="dialog search-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (query) {
          setQuery('');
          input.current?.focus();
        } else setOpen(false);
      }}
      onClose={() => setOpen(false)}
    >
      <div className="search-header">
        <h2 id={titleId}>Search</h2>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      <label htmlFor={GLOBAL_SEARCH_INPUT_ID}>Search proposals and MoUs</label>
      <input
        ref={input}
        id={GLOBAL_SEARCH_INPUT_ID}
        type="search"
        dir="auto"
        autoComplete="off"
        aria-describedby={hintId}
        placeholder="Reference, file number, title, building, partner, city, MoU number, party, signatory, notes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            hitButtons()[0]?.focus();
          } else if (event.key === 'Enter') {
            const first = [...(result?.proposals.hits ?? []), ...(result?.mous.hits ?? [])][0];
            if (first) openHit(first);
          }
        }}
      />
      <p id={hintId} className="search-hint">
        Enter opens the first result; Arrow down or Tab moves to the others. Esc clears, then closes.
      </p>
      <p role="status" className="search-status">
        {error ??
          (!query.trim()
            ? 'Type any word that identifies a park: its reference, building, partner, city, MoU number, a party or a signatory.'
            : !result
              ? ''
              : total === 0
                ? `Nothing matches “${result.query.trim()}”. Check the spelling, or try fewer words.`
                : `Found ${foundText(result)}.`)}
      </p>
      <div ref={results} className="search-results" onKeyDown={onResultsKeyDown}>
        {result && result.proposals.total > 0 && <HitGroup title="Proposals" group={result.proposals} noun={['proposal', 'proposals']} onOpen={openHit} />}
        {result && result.mous.total > 0 && <HitGroup title="MoUs" group={result.mous} noun={['MoU', 'MoUs']} onOpen={openHit} />}
      </div>
    </dialog>
  );
}

/** "1 proposal and 2 MoUs", naming only the kinds found. */
function foundText(result: ParkSearchResult): string {
  const parts = [];
  if (result.proposals.total > 0) parts.push(countOf(result.proposals.total, 'proposal'));
  if (result.mous.total > 0) parts.push(countOf(result.mous.total, 'MoU'));
  return parts.join(' and ');
}

function HitGroup({ title, group, noun, onOpen }: { title: string; group: ParkSearchResult['proposals']; noun: [string, string]; onOpen(hit: SearchHit): void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="search-group">
      <h3 id={headingId}>
        {title} <span className="search-count">({group.total})</span>
      </h3>
      <ul>
        {group.hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="search-hit" onClick={() => onOpen(hit)}>
              <span className="search-hit-title">
                <bdi>{hit.title}</bdi>
              </span>
              <span className="search-hit-subtitle">
                <bdi>{hit.subtitle}</bdi>
              </span>
              {hit.matches.map((m) => (
                <span key={m.field} className="search-hit-match">
                  <span className="search-hit-field">{m.field}:</span>{' '}
                  <bdi>
                    {m.before}
                    <mark>{m.match}</mark>
                    {m.after}
                  </bdi>
                </span>
              ))}
            </button>
          </li>
        ))}
      </ul>
      {group.total > group.hits.length && (
        <p className="search-more">
          Showing the first {group.hits.length} of {countOf(group.total, ...noun)}. Type more to narrow the search.
        </p>
      )}
    </section>
  );
}
