import { useState } from 'react';
import type { ImportChoice, ImportPreview, ImportSide } from '../../../../shared/api/calls/exchange-calls';
import { ImportDifferences } from './ImportDifferences';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ImportReadingProgress } from './ImportReadingProgress';
import { countOf } from '../../../../shared/format/plural';

type OpenPreview = Extract<ImportPreview, { cancelled: false }>;

function ImportList({ title, rows }: { title: string; rows: { id: string; label: string; reason?: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="import-list">
      <h4>
        {title} ({rows.length})
      </h4>
      <ul>
        {rows.map((row) => (
          <li key={row.id} dir="auto">
            {row.label}
            {row.reason && <span className="muted"> — {row.reason}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SidePreview({ heading, side }: { heading: string; side: ImportSide }) {
  return (
    <section aria-label={`${heading} in the file`}>
      <h3>{heading}</h3>
      <p>
        {side.added.length} to add, {side.merged.length} to update, {side.unchanged} the same, {side.leftAlone.length} left alone.
      </p>
      <ImportList title="Will be added" rows={side.added} />
      <ImportList title="Will be updated: what the file adds is merged in" rows={side.merged.map((r) => ({ ...r, reason: r.detail }))} />
      <ImportList title="Left alone (cannot be imported)" rows={side.leftAlone} />
    </section>
  );
}

/** Export everything, import with a preview, and spreadsheets for Excel. Main asks where through its own dialogs. */
export function ExchangePanel() {
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<OpenPreview>();
  const [choices, setChoices] = useState<Record<string, ImportChoice>>({});
  const [importing, setImporting] = useState(false);

  const run = async <T,>(work: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };

  const saveFile = (what: string, send: () => ReturnType<ReturnType<typeof api>['exportAll']>) =>
    run(async () => {
      const result = await call(send());
      if (!result.ok) return notify('error', result.error.message);
      if (result.value.cancelled) return notify('info', `${what}: nothing was saved.`);
      notify('success', `${what}: ${countOf(result.value.rows, 'record')} saved to ${result.value.savedTo}.`);
    });

  const chooseImport = () =>
    run(async () => {
      setImporting(true);
      const result = await call(api().previewImport({})).finally(() => setImporting(false));
      if (!result.ok) return notify('error', result.error.message);
      if (result.value.cancelled) return;
      setChoices({});
      setPreview(result.value);
    });

  const applyImport = (open: OpenPreview) =>
    run(async () => {
      const result = await call(api().applyImport({ importId: open.importId, choices: Object.entries(choices).map(([id, take]) => ({ id, take })) }));
      if (!result.ok) return notify('error', result.error.message);
      setPreview(undefined);
      notify('success', `Imported: ${result.value.added} added, ${result.value.changed} updated. Your data as it was before is in a backup (before an import), if you need to undo it.`);
      const { loadProposals, loadMous, loadAppInfo } = useAppStore.getState();
      await Promise.all([loadProposals(), loadMous(), loadAppInfo()]);
    });

  const nothingToDo = preview && [preview.proposals, preview.mous].every((s) => s.added.length === 0 && s.merged.length === 0);
  const unchosen = preview ? preview.differences.filter((d) => !choices[d.id]).length : 0;

  return (
    <section className="panel" aria-labelledby="exchange-heading">
      <h2 id="exchange-heading">Export and import</h2>
      <p>
        Move every record and its attachments to another computer: export here (one <code>.parkdesk.zip</code> file), then import it there. An
        import checks every attachment against its hash and shows what it would change before anything is saved. Older <code>.json</code> exports
        and backups can be imported too.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void saveFile('Export', () => api().exportAll({}))}>
          Export everything…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void chooseImport()}>
          Import from a file…
        </button>
      </div>
      {importing && <ImportReadingProgress />}

      {preview && (
        <section className="import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">Import preview</h3>
          <p dir="auto">
            From <code>{preview.file}</code>. Records are matched by their id. Where both computers have a record, the stage and status histories of
            both are kept, in date order; any other field that differs is listed below for you to choose. Nothing is saved until you apply it.
          </p>
          <p className="import-change-log">
            {preview.changeLog?.verified
              ? `Its change log verifies: ${countOf(preview.changeLog.entries ?? 0, 'change')}, unchanged since the export.`
              : 'This export carries no change log to verify.'}
          </p>
          <SidePreview heading="Proposals" side={preview.proposals} />
          <SidePreview heading="MoUs" side={preview.mous} />
          <ImportDifferences differences={preview.differences} choices={choices} onChange={setChoices} />
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => setPreview(undefined)}>
              Cancel import
            </button>
            <button type="button" className="button primary" disabled={busy || nothingToDo || unchosen > 0} onClick={() => void applyImport(preview)}>
              Apply import
            </button>
          </div>
          {nothingToDo && <p className="muted">Everything in this file is already here.</p>}
          {!nothingToDo && unchosen > 0 && (
            <p className="muted">
              Choose which copy to keep for each difference ({unchosen} left) to apply the import.
            </p>
          )}
        </section>
      )}

      <h3>Spreadsheets</h3>
      <p>For Excel: one row per record, Urdu included.</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void saveFile('Proposals for Excel', () => api().exportProposalsCsv({}))}>
          Export proposals (CSV)…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void saveFile('MoUs for Excel', () => api().exportMousCsv({}))}>
          Export MoUs (CSV)…
        </button>
      </div>
    </section>
  );
}
