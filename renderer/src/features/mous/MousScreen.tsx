import { useWindowTitle } from '../../app/use-window-title';
import { EmptyState } from '../../components/EmptyState';
import { MouSummaryExportList } from '../mou-summary/MouSummaryExportList';

export function MousScreen() {
  useWindowTitle({ screen: 'mous' });
  return (
    <section aria-labelledby="mous-heading">
      <h1 id="mous-heading">MoUs</h1>
      <EmptyState title="MoU records are not in this version yet">
        <p>Keep tracking each park's proposal and stage under Proposals; MoUs with their parties and obligations come next.</p>
      </EmptyState>
      <MouSummaryExportList />
    </section>
  );
}
