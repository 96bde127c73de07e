import { useEffect, useState } from 'react';
import type { Mou } from '../../../../shared/domain/mou';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** The proposal this MoU belongs to, with the way back to it; link or unlink here. */
export function ProposalLinkPanel({ mou, onChanged }: { mou: Mou; onChanged(mou: Mou): void }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const proposals = useAppStore((s) => s.proposalSummaries);
  const loadProposals = useAppStore((s) => s.loadProposals);
  const [choice, setChoice] = useState('');
  const [confirmUnlink, setConfirmUnlink] = useState(false);

  useEffect(() => {
    void loadProposals();
  }, [loadProposals]);

  const linked = mou.fields.proposalId ? proposals.find((p) => p.id === mou.fields.proposalId) : undefined;

  const link = async (proposalId: string | null) => {
    const result = await call(api().linkMouProposal({ id: mou.id, expectedUpdatedAt: mou.updatedAt, proposalId }));
    if (!result.ok) return notify('error', result.error.message);
    onChanged(result.value);
    const title = proposals.find((p) => p.id === proposalId)?.title;
    notify('success', proposalId ? `Linked to ${title ?? 'the proposal'}.` : 'Unlinked from its proposal.');
  };

  return (
    <section className="proposal-link" aria-label="Proposal">
      {mou.fields.proposalId ? (
        <p>
          <span className="muted">Proposal: </span>
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'proposal', id: mou.fields.proposalId! })}>
            {linked ? (
              <>
                <bdi>{linked.title}</bdi> (<bdi>{linked.referenceNumber}</bdi>)
              </>
            ) : (
              'Open the proposal'
            )}
          </button>
          {linked && (
            <span className="muted">
              {' · '}
              <bdi>{linked.city}</bdi>
            </span>
          )}{' '}
          <button type="button" className="button small" onClick={() => setConfirmUnlink(true)}>
            Unlink
          </button>
        </p>
      ) : (
        <div className="link-row">
          <label htmlFor="mou-link-proposal">Link to proposal</label>
          <select id="mou-link-proposal" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a proposal…</option>
            {proposals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.referenceNumber} – {p.title}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!choice} onClick={() => void link(choice)}>
            Link
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirmUnlink}
        title="Unlink this MoU from its proposal?"
        message="The MoU stays as it is; it just no longer shows on the proposal's page. You can link it again from here."
        confirmLabel="Unlink"
        destructive
        onConfirm={() => {
          setConfirmUnlink(false);
          void link(null);
        }}
        onCancel={() => setConfirmUnlink(false)}
      />
    </section>
  );
}
