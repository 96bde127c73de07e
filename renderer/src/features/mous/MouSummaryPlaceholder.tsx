import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';

/** Stands in for the MoU summary (PDF) screen until that feature is merged. */
export function MouSummaryPlaceholder({ id }: { id: string }) {
  useWindowTitle({ screen: 'mou-summary', id });
  const navigate = useAppStore((s) => s.navigate);
  return (
    <section aria-labelledby="mou-summary-heading">
      <h1 id="mou-summary-heading">MoU summary</h1>
      <p>Summary preview is not available yet.</p>
      <button type="button" className="button" onClick={() => navigate({ screen: 'mou', id })}>
        Back to the MoU
      </button>
    </section>
  );
}
