import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../../shared/api/contract';
import { MOU_STATUS_LABELS } from '../../../../shared/domain/mou';
import { formatDate } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ExportMouSummariesDialog } from './ExportMouSummariesDialog';

type Row = OutputOf<'listMouSummariesForExport'>[number];

/**
 * MoUs with a preview link and checkboxes for a batch export. Self-contained so the MoU
 * list can take over the selection and the "Export summaries…" button.
 */
export function MouSummaryExportList() {
  const navigate = useAppStore((s) => s.navigate);
  const [rows, setRows] = useState<Row[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void call(api().listMouSummariesForExport({})).then((result) => (result.ok ? setRows(result.value) : setError(result.error.message)));
  }, []);

  if (error) return <p role="alert" className="load-error">Could not list the MoUs: {error}</p>;
  if (!rows) return <p aria-busy="true">Loading MoUs…</p>;
  if (rows.length === 0) return null;

  const allSelected = selected.size === rows.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="mou-summaries-heading" className="mou-summary-list">
      <h2 id="mou-summaries-heading">MoU summaries</h2>
      <div className="list-toolbar">
        <label className="control-row">
          <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
          Select all
        </label>
        <p className="count">{selected.size === 1 ? '1 selected' : `${selected.size} selected`}</p>
        <button type="button" className="button primary" disabled={selected.size === 0} onClick={() => setExporting(true)}>
          Export summaries…
        </button>
      </div>
      <div className="table-wrap">
        <table className="data-table" aria-labelledby="mou-summaries-heading">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
              <th scope="col">MoU number</th>
              <th scope="col">Partner</th>
              <th scope="col">Status</th>
              <th scope="col">Signed</th>
              <th scope="col">
                <span className="visually-hidden">Summary</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <input type="checkbox" aria-label={`Select MoU ${row.mouNumber}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                </td>
                <td dir="auto">{row.mouNumber}</td>
                <td dir="auto">{row.partner}</td>
                <td>{MOU_STATUS_LABELS[row.status]}</td>
                <td className="nowrap">{formatDate(row.signedOn) || <span className="muted">Not recorded</span>}</td>
                <td>
                  <button type="button" className="link-button" aria-label={`Preview summary of MoU ${row.mouNumber}`} onClick={() => navigate({ screen: 'mou-summary', id: row.id })}>
                    Preview summary
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportMouSummariesDialog ids={rows.filter((r) => selected.has(r.id)).map((r) => r.id)} open={exporting} onClose={() => setExporting(false)} />
    </section>
  );
}
