import { useEffect, useState } from 'react';
import { currentStage, enteredCurrentStageAt, type Proposal } from '../../../../shared/domain/proposal';
import { daysInStage } from '../../../../shared/domain/proposal-list-query';
import { isClosedStage, offeredMoves, type AllowedMove } from '../../../../shared/domain/stage-machine';
import { checkCorrection } from '../../../../shared/domain/move-history';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { formatDate, formatDateTime, todayInPakistan } from '../../../../shared/format/dates';
import { CorrectMoveDialog, describeMove } from '../../components/CorrectMoveDialog';
import { formatNumber } from '../../../../shared/format/numbers';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FoldedFacts } from '../../components/FoldedFacts';
import { StageBadge } from '../../components/StageBadge';
import { MoveStageDialog } from './MoveStageDialog';
import { StageTimeline } from './StageTimeline';
import { useArchiveActions } from './use-archive-actions';
import { ProposalMous } from '../mous/ProposalMous';
import { OccupancyPanel } from '../reports/OccupancyPanel';
import { NextActionPanel } from '../next-actions/NextActionPanel';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { ChangeHistory } from '../history/ChangeHistory';
import { PROPOSAL_FORM_SECTIONS } from './proposal-form-layout';
import { displayValue } from './proposal-form-values';

async function reload(id: string): Promise<Proposal | undefined> {
  const result = await call(api().getProposal({ id }));
  return result.ok ? result.value : undefined;
}

const stageLabelOf = (p: Proposal) => STAGE_LABELS[currentStage(p)];

/** The facts of one proposal in readable sections, its stage and its timeline. */
export function ProposalPage({ id }: { id: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const loadProposals = useAppStore((s) => s.loadProposals);
  const { archive, restore } = useArchiveActions();
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [chosenMove, setChosenMove] = useState<AllowedMove | undefined>();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  useWindowTitle({ screen: 'proposal', id }, proposal?.fields.title);

  useEffect(() => {
    void call(api().getProposal({ id })).then((result) => (result.ok ? setProposal(result.value) : setError(result.error.message)));
  }, [id]);

  if (error) {
    return (
      <div role="alert" className="load-error">
        <h1>Could not open this proposal</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={() => navigate({ screen: 'proposals' })}>
          Back to proposals
        </button>
      </div>
    );
  }
  if (!proposal) return <p aria-busy="true">Loading proposal…</p>;

  const stage = currentStage(proposal);
  const days = daysInStage({ enteredStageAt: enteredCurrentStageAt(proposal) }, todayInPakistan());
  const moves = proposal.archivedAt ? [] : offeredMoves(proposal.stageHistory);
  const correction = proposal.archivedAt ? undefined : checkCorrection(proposal.stageHistory, 'any');
  const lastMove = correction?.ok ? correction : undefined;
  const named = { id: proposal.id, referenceNumber: proposal.fields.referenceNumber };
  const choiceLabel = (sectionField: (typeof PROPOSAL_FORM_SECTIONS)[number]['fields'][number], value: unknown) =>
    sectionField.options?.find((o) => o.value === value)?.label ?? displayValue(sectionField, value);

  return (
    <article className="record-page" aria-labelledby="proposal-heading">
      <header className="screen-header">
        <div>
          <p className="eyebrow">
            <button type="button" className="link-button" onClick={() => navigate({ screen: 'proposals' })}>
              Proposals
            </button>{' '}
            / {proposal.fields.referenceNumber}
          </p>
          <h1 id="proposal-heading" dir="auto">
            {proposal.fields.title}
          </h1>
          <p className="stage-line">
            <StageBadge stage={stage} /> <span>{days === 1 ? '1 day in this stage' : `${formatNumber(days)} days in this stage`}</span>
          </p>
        </div>
        <div className="form-actions">
          {proposal.archivedAt ? (
            <button type="button" className="button primary" onClick={async () => (await restore(named)) && setProposal(await reload(proposal.id))}>
              Restore
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={() => setConfirmArchive(true)}>
                Archive…
              </button>
              <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form', id: proposal.id })}>
                Edit
              </button>
            </>
          )}
        </div>
      </header>

      {proposal.archivedAt && (
        <p className="archived-banner" role="note">
          Archived on {formatDateTime(proposal.archivedAt)}. It is hidden from the list and the dashboard; restore it to edit it or move its stage.
        </p>
      )}

      <section className="stage-panel" aria-labelledby="stage-heading">
        <h2 id="stage-heading">Stage</h2>
        <p className="stage-line">
          <span>Now at</span> <StageBadge stage={stage} />
          <span className="muted">
            {stage === 'operational'
              ? 'The end of the pipeline.'
              : isClosedStage(stage)
                ? 'Closed. It can be reopened at the stage it left, with a reason.'
                : stage === 'on-hold'
                  ? 'On hold: it resumes at the stage it left.'
                  : ''}
          </span>
        </p>
        {moves.length > 0 && (
          <div className="stage-moves" role="group" aria-label="Allowed moves">
            {moves.map((move) => (
              <button
                key={move.to}
                type="button"
                className={move.kind === 'exit' ? 'button' : 'button primary'}
                data-next-action={move.kind !== 'exit' || undefined}
                onClick={() => setChosenMove(move)}
              >
                {move.label}…
              </button>
            ))}
          </div>
        )}
        {lastMove && (
          <p className="correct-line">
            <button type="button" className="button small" onClick={() => setCorrecting(true)}>
              Correct the last move…
            </button>{' '}
            <span className="muted">
              Recorded {STAGE_LABELS[lastMove.withdrawn.from ?? lastMove.withdrawn.to]} → {STAGE_LABELS[lastMove.withdrawn.to]} by mistake? Withdraw it; the history keeps both.
            </span>
          </p>
        )}
      </section>

      <NextActionPanel
        record={{ kind: 'proposal', id: proposal.id, updatedAt: proposal.updatedAt }}
        nextAction={proposal.nextAction}
        done={proposal.nextActionsDone}
        archived={Boolean(proposal.archivedAt)}
        onChanged={async () => {
          const fresh = await reload(proposal.id);
          if (fresh) setProposal(fresh);
          void loadProposals();
        }}
      />

      {/* The MoUs come before the history: once a proposal nears signing they are the next thing to record. */}
      <ProposalMous proposal={proposal} />

      <OccupancyPanel proposal={proposal} onChanged={setProposal} />

      <AttachmentsPanel
        recordType="proposal"
        record={proposal}
        recordLabel={`proposal ${proposal.fields.referenceNumber}`}
        onChanged={async () => {
          const updated = await reload(proposal.id);
          if (updated) setProposal(updated);
        }}
      />

      <StageTimeline history={proposal.stageHistory} />

      <div className="record-sections">
        {PROPOSAL_FORM_SECTIONS.map((section) => (
          <section key={section.title} className="record-section" aria-label={section.title}>
            <h2>{section.title}</h2>
            <FoldedFacts>
              {section.fields.map((spec) => {
                const value = proposal.fields[spec.name];
                const shown = spec.kind === 'choice' ? choiceLabel(spec, value) : displayValue(spec, value);
                return (
                  <div key={spec.name} className="fact">
                    <dt>{spec.label}</dt>
                    <dd dir="auto" className={shown ? undefined : 'muted'}>
                      {shown ? `${shown}${spec.unit && spec.kind === 'number' ? ` ${spec.unit}` : ''}` : 'Not recorded'}
                    </dd>
                  </div>
                );
              })}
            </FoldedFacts>
          </section>
        ))}
      </div>

      <ChangeHistory kind="proposal" recordId={proposal.id} record={proposal} version={proposal.updatedAt} />

      <MoveStageDialog
        proposal={proposal}
        move={chosenMove}
        onClose={() => setChosenMove(undefined)}
        onMoved={(moved) => {
          setChosenMove(undefined);
          setProposal(moved);
          notify('success', `${moved.fields.referenceNumber} moved to ${stageLabelOf(moved)}.`);
          void loadProposals();
        }}
      />
      {lastMove && (
        <CorrectMoveDialog
          open={correcting}
          move={describeMove(lastMove.withdrawn, STAGE_LABELS)}
          backTo={STAGE_LABELS[lastMove.restored.to]}
          onClose={() => setCorrecting(false)}
          onCorrect={async (reason) => {
            const result = await call(api().correctProposalMove({ id: proposal.id, expectedUpdatedAt: proposal.updatedAt, reason }));
            if (!result.ok) return { field: Object.keys(result.error.fieldErrors ?? {})[0], message: result.error.message };
            setCorrecting(false);
            setProposal(result.value);
            notify('success', `Move withdrawn: ${result.value.fields.referenceNumber} is back at ${stageLabelOf(result.value)}.`);
            void loadProposals();
            return undefined;
          }}
        />
      )}
      <ConfirmDialog
        open={confirmArchive}
        title={`Archive ${proposal.fields.referenceNumber}?`}
        message="It will be hidden from the proposals list and the dashboard. Nothing is deleted: you can restore it from the archived proposals at any time."
        confirmLabel="Archive"
        destructive
        onCancel={() => setConfirmArchive(false)}
        onConfirm={async () => {
          setConfirmArchive(false);
          if (await archive(named)) navigate({ screen: 'proposals' });
        }}
      />
    </article>
  );
}
