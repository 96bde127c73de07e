import type { Proposal } from '../../../../shared/domain/proposal';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';

type Named = { id: string; referenceNumber: string };

/** Archive (with Undo in the notice) and restore, then refresh the list. */
export function useArchiveActions() {
  const notify = useAppStore((s) => s.notify);
  const loadProposals = useAppStore((s) => s.loadProposals);

  const restore = async (proposal: Named): Promise<Proposal | undefined> => {
    const result = await call(api().restoreProposal({ id: proposal.id }));
    await loadProposals();
    if (!result.ok) {
      notify('error', result.error.message);
      return undefined;
    }
    notify('success', `Proposal ${proposal.referenceNumber} restored.`);
    return result.value;
  };

  const archive = async (proposal: Named): Promise<Proposal | undefined> => {
    const result = await call(api().archiveProposal({ id: proposal.id }));
    await loadProposals();
    if (!result.ok) {
      notify('error', result.error.message);
      return undefined;
    }
    notify('success', `Proposal ${proposal.referenceNumber} archived.`, { label: 'Undo', run: () => void restore(proposal) });
    return result.value;
  };

  return { archive, restore };
}
