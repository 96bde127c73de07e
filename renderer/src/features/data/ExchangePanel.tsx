import { useState } from 'react';
import type { ImportPreview, ImportSide } from '../../../../shared/api/calls/exchange-calls';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
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
        {side.added.length} to add, {side.changed.length} to update, {side.keptNewer.length} newer here (kept), {side.unchanged} the same,{' '}
        {side.conflicts.length} {side.conflicts.length === 1 ? 'conflict' : 'conflicts'}.
      </p>
      <ImportList title="Will be added" rows={side.added} />
      <ImportList title="Will be updated (newer in the file)" rows={side.changed} />
      <ImportList title="Kept as they are here (newer on this computer)" rows={side.keptNewer} />
      <ImportList title="Conflicts, left unchanged" rows={side.conflicts} />
    </section>
  );
}

/** Export everything, import with a preview, and spreadsheets for Excel. Main asks where through its own dialogs. */
export function ExchangePanel() {
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<OpenPreview>();

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
      const result = await call(api().previewImport({}));
      if (!result.ok) return notify('error', result.error.message);
      if (result.value.cancelled) return;
      setPreview(result.value);
    });

  const applyImport = (open: OpenPreview) =>
    run(async () => {
      const result = await call(api().applyImport({ importId: open.importId }));
      setPreview(undefined);
      if (!result.ok) return notify('error', result.error.message);
      notify('success', `Imported: ${result.value.added} added, ${result.value.changed} updated. Your data as it was before is in a backup (before an import), if you need to undo it.`);
      const { loadProposals, loadAppInfo } = useAppStore.getState();
      await Promise.all([loadProposals(), loadAppInfo()]);
    });

  const nothingToDo = preview && [preview.proposals, preview.mous].every((s) => s.added.length === 0 && s.changed.length === 0);

  return (
    <section className="panel" aria-labelledby="exchange-heading">
      <h2 id="exchange-heading">Export and import</h2>
      <p>Move every record to another computer: export here, then import the file there. An import shows what it would change before anything is saved.</p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void saveFile('Export', () => api().exportAll({}))}>
          Export everything…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void chooseImport()}>
          Import from a file…
        </button>
      </div>

      {preview && (
        <section className="import-preview" aria-labelledby="import-preview-heading">
          <h3 id="import-preview-heading">Import preview</h3>
          <p dir="auto">
            From <code>{preview.file}</code>. Records are matched by their id; where both copies exist, the one changed last wins. Nothing is saved until
            you apply it.
          </p>
          <SidePreview heading="Proposals" side={preview.proposals} />
          <SidePreview heading="MoUs" side={preview.mous} />
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => setPreview(undefined)}>
              Cancel import
            </button>
            <button type="button" className="button primary" disabled={busy || nothingToDo} onClick={() => void applyImport(preview)}>
              Apply import
            </button>
          </div>
          {nothingToDo && <p className="muted">Nothing in this file is newer than what is here.</p>}
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
