import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { citiesOf, hasActiveFilters, type ProposalListFilters } from '../../../../shared/domain/proposal-list-query';
import type { Result } from '../../../../shared/api/result';
import { todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { EXPORT_PDF_EVENT } from '../../app/keyboard-shortcuts';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { fileSize, folderOf } from '../mou-summary/export-text';
import { ProposalFilterSelects } from '../proposals/ProposalFilterSelects';
import { currentQuarterKey, fiscalYearOfKey, fiscalYearOptions, quarterOptions } from './period-options';
import './reports.css';

type ReportKind = 'register' | 'progress';
type Exported = { cancelled: true } | { cancelled: false; path: string; fileName: string; bytes: number };

/**
 * Reports for meetings and the Ministry: the park register (under the proposal list's filters)
 * and the progress report for a fiscal quarter or year. The preview is the very HTML that is
 * printed, in a sandboxed frame; the exports go through the native save dialog.
 */
export function ReportsScreen() {
  useWindowTitle({ screen: 'reports' });
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const summaries = useAppStore((s) => s.proposalSummaries);
  const loaded = useAppStore((s) => s.proposalsLoaded);
  const listFilters = useAppStore((s) => s.proposalListView.filters);
  const today = todayInPakistan();

  const [kind, setKind] = useState<ReportKind>('register');
  // The register starts from the filters the proposal list has now.
  const [filters, setFilters] = useState<ProposalListFilters>(listFilters);
  const [period, setPeriod] = useState(() => currentQuarterKey(today));
  const [doc, setDoc] = useState<{ html: string; title: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | undefined>();
  const busyRef = useRef(false);

  const cities = useMemo(() => citiesOf(summaries.filter((s) => !s.archivedAt)), [summaries]);
  const hasParks = summaries.some((s) => !s.archivedAt);

  useEffect(() => {
    if (!hasParks) return;
    let current = true;
    setError(undefined);
    const load =
      kind === 'register'
        ? call(api().getParkRegisterHtml({ filters })).then((r) => (r.ok ? { ok: true as const, html: r.value.html, title: 'Preview of the park register' } : r))
        : call(api().getProgressReportHtml({ period })).then((r) => (r.ok ? { ok: true as const, html: r.value.html, title: `Preview of the progress report for ${r.value.periodName}` } : r));
    void load.then((result) => {
      if (!current) return;
      if (result.ok) setDoc({ html: result.html, title: result.title });
      else {
        setDoc(undefined);
        setError(result.error.message);
      }
    });
    return () => {
      current = false;
    };
  }, [kind, filters, period, hasParks, summaries]);

  const runExport = useCallback(
    async (what: 'pdf' | 'xlsx') => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(what);
      try {
        const request: Promise<Result<Exported>> =
          kind === 'progress' ? api().exportProgressReportPdf({ period }) : what === 'xlsx' ? api().exportParkRegisterSpreadsheet({ filters }) : api().exportParkRegisterPdf({ filters });
        const result = await call(request);
        if (!result.ok) notify('error', `The file was not saved: ${result.error.message}`);
        else if (result.value.cancelled) notify('info', 'Export cancelled; no file was saved.');
        else notify('success', `Saved “${result.value.fileName}” (${fileSize(result.value.bytes)}) in ${folderOf(result.value.path)}.`);
      } finally {
        busyRef.current = false;
        setBusy(undefined);
      }
    },
    [kind, period, filters, notify],
  );

  // Ctrl+E and File > Export PDF export the report on screen.
  useEffect(() => {
    const onExport = (event: Event) => {
      if (!hasParks) return;
      event.preventDefault();
      void runExport('pdf');
    };
    window.addEventListener(EXPORT_PDF_EVENT, onExport);
    return () => window.removeEventListener(EXPORT_PDF_EVENT, onExport);
  }, [runExport, hasParks]);

  const setFilter = <K extends keyof ProposalListFilters>(key: K, value: ProposalListFilters[K] | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  const fiscalYear = fiscalYearOfKey(period) ?? fiscalYearOptions(today)[0]!.value;
  const quarterChoice = period.includes('-Q') ? period : 'year';
  const chooseYear = (year: number) => {
    if (quarterChoice === 'year') return setPeriod(fiscalYearOptions(today).find((y) => y.value === year)!.label);
    const quarters = quarterOptions(year, today);
    const slot = quarters[Number(period.slice(-1)) - 1];
    setPeriod(slot && !slot.notBegun ? slot.key : (quarters.filter((q) => !q.notBegun).at(-1) ?? quarters[0]!).key);
  };

  if (loaded && !hasParks) {
    return (
      <section aria-labelledby="reports-heading">
        <h1 id="reports-heading">Reports</h1>
        <EmptyState title="No parks to report on yet">
          <p>The park register and the progress report are made from the proposals and MoUs on record. Enter a proposal, or load the sample parks under Data, then come back here.</p>
          <div className="empty-actions">
            <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form' })}>
              New proposal
            </button>
            <button type="button" className="button" onClick={() => navigate({ screen: 'data' })}>
              Load sample data…
            </button>
          </div>
        </EmptyState>
      </section>
    );
  }

  return (
    <section className="reports-screen" aria-labelledby="reports-heading">
      <header className="screen-header">
        <div>
          <h1 id="reports-heading">Reports</h1>
          <p className="muted summary-hint">The preview is the document as it prints on A4; page numbers are added in the PDF.</p>
        </div>
        <div className="form-actions">
          {kind === 'register' && (
            <button type="button" className="button" onClick={() => void runExport('xlsx')} disabled={busy !== undefined} aria-busy={busy === 'xlsx'}>
              {busy === 'xlsx' ? 'Exporting…' : 'Export spreadsheet'}
            </button>
          )}
          <button
            type="button"
            className="button primary"
            onClick={() => void runExport('pdf')}
            disabled={busy !== undefined}
            aria-busy={busy === 'pdf'}
            aria-keyshortcuts="Control+E"
            title="Export PDF (Ctrl+E)"
          >
            {busy === 'pdf' ? 'Exporting…' : 'Export PDF'}
          </button>
        </div>
      </header>

      <div className="report-controls">
        <fieldset className="report-kind">
          <legend>Report</legend>
          <label>
            <input type="radio" name="report-kind" checked={kind === 'register'} onChange={() => setKind('register')} /> Park register
          </label>
          <label>
            <input type="radio" name="report-kind" checked={kind === 'progress'} onChange={() => setKind('progress')} /> Progress report for a period
          </label>
        </fieldset>

        {kind === 'register' ? (
          <div className="filter-bar" role="group" aria-label="Parks in the register">
            <ProposalFilterSelects idPrefix="register" filters={filters} cities={cities} setFilter={setFilter} />
            {hasActiveFilters(filters) && (
              <button type="button" className="button" onClick={() => setFilters({})}>
                Clear filters
              </button>
            )}
          </div>
        ) : (
          <div className="filter-bar" role="group" aria-label="Period of the report">
            <div className="filter">
              <label htmlFor="report-fiscal-year">Fiscal year</label>
              <select id="report-fiscal-year" value={fiscalYear} onChange={(e) => chooseYear(Number(e.target.value))}>
                {fiscalYearOptions(today).map((y) => (
                  <option key={y.value} value={y.value}>
                    {y.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="filter">
              <label htmlFor="report-period">Period</label>
              <select id="report-period" value={quarterChoice} onChange={(e) => setPeriod(e.target.value === 'year' ? fiscalYearOptions(today).find((y) => y.value === fiscalYear)!.label : e.target.value)}>
                <option value="year">Whole year (Jul-Jun)</option>
                {quarterOptions(fiscalYear, today).map((q) => (
                  <option key={q.key} value={q.key} disabled={q.notBegun}>
                    {q.label}
                    {q.notBegun ? ' (not begun)' : ''}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
      </div>

      {error && (
        <p role="alert" className="load-error">
          {error}
        </p>
      )}
      {doc ? (
        <iframe className="summary-preview report-preview" title={doc.title} srcDoc={doc.html} sandbox="" />
      ) : (
        !error && <p aria-busy="true">Preparing the report…</p>
      )}
    </section>
  );
}
