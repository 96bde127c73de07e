import { useCallback, useEffect, useRef, useState } from 'react';
import { api, call } from '../../app/api-client';
import { EXPORT_PDF_EVENT } from '../../app/keyboard-shortcuts';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { exportedFileActions, fileSize, folderOf } from './export-text';

/** Sizes the frame to its whole document, so the region around it is what scrolls. */
function fitFrameToDocument(frame: HTMLIFrameElement) {
  const root = frame.contentDocument?.documentElement;
  if (root) frame.style.height = `${root.scrollHeight}px`;
}

interface SummaryDocument {
  html: string;
  mouNumber: string;
  fileName: string;
}

/**
 * The MoU summary exactly as it prints: main builds the document once, the preview shows
 * that very HTML in a sandboxed frame (no scripts), and Export PDF prints the same.
 */
export function MouSummaryScreen({ id }: { id: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [doc, setDoc] = useState<SummaryDocument | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const [savedTo, setSavedTo] = useState<string | undefined>();
  const [blankUnrecorded, setBlankUnrecorded] = useState(false);
  const busy = useRef(false);
  useWindowTitle({ screen: 'mou-summary', id }, doc?.mouNumber);

  useEffect(() => {
    void call(api().getMouSummaryHtml({ id, blankUnrecorded })).then((result) => (result.ok ? setDoc(result.value) : setError(result.error.message)));
  }, [id, blankUnrecorded]);

  const exportPdf = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setExporting(true);
    try {
      const result = await call(api().exportMouSummaryPdf({ id, blankUnrecorded }));
      if (!result.ok) notify('error', `The PDF was not saved: ${result.error.message}`);
      else if (result.value.cancelled) notify('info', 'Export cancelled; no file was saved.');
      else {
        setSavedTo(result.value.path);
        // Opening the file is the next step, so the notice takes focus on its Open PDF.
        notify('success', `Saved “${result.value.fileName}” (${fileSize(result.value.bytes)}) in ${folderOf(result.value.path)}.`, {
          actions: exportedFileActions(result.value.fileToken, notify),
          takeFocus: true,
        });
      }
    } finally {
      busy.current = false;
      setExporting(false);
    }
  }, [id, blankUnrecorded, notify]);

  // Ctrl+E and File > Export PDF arrive as an event; handling it tells the sender it was done.
  useEffect(() => {
    const onExport = (event: Event) => {
      event.preventDefault();
      void exportPdf();
    };
    window.addEventListener(EXPORT_PDF_EVENT, onExport);
    return () => window.removeEventListener(EXPORT_PDF_EVENT, onExport);
  }, [exportPdf]);

  const toList = () => navigate({ screen: 'mous' });
  const back = () => navigate({ screen: 'mou', id });

  if (error) {
    return (
      <div role="alert" className="load-error">
        <h1>Could not open this MoU summary</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={toList}>
          Back to MoUs
        </button>
      </div>
    );
  }
  if (!doc) return <p aria-busy="true">Preparing the MoU summary…</p>;

  return (
    <section className="mou-summary-screen" aria-labelledby="mou-summary-heading">
      <header className="screen-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link-button" onClick={toList}>
              MoUs
            </button>{' '}
            /{' '}
            <button type="button" className="link-button" onClick={back}>
              <bdi>{doc.mouNumber}</bdi>
            </button>{' '}
            / Summary
          </p>
          <h1 id="mou-summary-heading">
            MoU summary <bdi dir="auto">{doc.mouNumber}</bdi>
          </h1>
          <p className="muted summary-hint">This preview is the document exactly as it prints on A4; page numbers are added in the PDF.</p>
          <div className="check-field">
            <label>
              <input type="checkbox" checked={blankUnrecorded} onChange={(event) => setBlankUnrecorded(event.currentTarget.checked)} /> Print blank rows for
              fields not recorded
            </label>
          </div>
          {savedTo && (
            <p className="summary-saved">
              Last saved to <bdi dir="auto">{savedTo}</bdi>
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={back}>
            Back to MoU
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => void exportPdf()}
            disabled={exporting}
            aria-busy={exporting}
            aria-keyshortcuts="Control+E"
            title="Export PDF (Ctrl+E)"
          >
            {exporting ? 'Exporting…' : 'Export PDF'}
          </button>
        </div>
      </header>
      {/*
        The frame is as tall as the document and scrolls inside a focusable region, so Tab reaches
        it and PageDown, Space and the arrows scroll it. allow-same-origin (without allow-scripts:
        nothing in the document ever runs) is what lets the page read the document's height.
      */}
      <div className="summary-preview" tabIndex={0} role="region" aria-label={`Preview of the MoU summary ${doc.mouNumber}`}>
        <iframe
          title={`Preview of the MoU summary ${doc.mouNumber}`}
          srcDoc={doc.html}
          sandbox="allow-same-origin"
          tabIndex={-1}
          onLoad={(event) => fitFrameToDocument(event.currentTarget)}
        />
      </div>
    </section>
  );
}
