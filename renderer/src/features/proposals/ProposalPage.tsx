import { useEffect, useState } from 'react';
import { currentStage, enteredCurrentStageAt, type Proposal } from '../../../../shared/domain/proposal';
import { daysInStage } from '../../../../shared/domain/proposal-list-query';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { formatDateTime, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { useWindowTitle } from '../../app/use-window-title';
import { StageBadge } from '../../components/StageBadge';
import { ProposalMous } from '../mous/ProposalMous';
import { PROPOSAL_FORM_SECTIONS } from './proposal-form-layout';
import { displayValue } from './proposal-form-values';

/** The facts of one proposal in readable sections, its stage and its timeline. */
export function ProposalPage({ id }: { id: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const [proposal, setProposal] = useState<Proposal | undefined>();
  const [error, setError] = useState<string | undefined>();
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
            <StageBadge stage={stage} /> <span>{days === 1 ? '1 day in this stage' : `${days} days in this stage`}</span>
          </p>
        </div>
        <button type="button" className="button primary" onClick={() => navigate({ screen: 'proposal-form', id: proposal.id })}>
          Edit
        </button>
      </header>

      <div className="record-sections">
        {PROPOSAL_FORM_SECTIONS.map((section) => (
          <section key={section.title} className="record-section" aria-label={section.title}>
            <h2>{section.title}</h2>
            <dl>
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
            </dl>
          </section>
        ))}
      </div>

      <ProposalMous proposal={proposal} />

      <section className="record-section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Stage history</h2>
        <ol className="timeline">
          {[...proposal.stageHistory].reverse().map((move, index) => (
            <li key={`${move.at}-${index}`}>
              <strong>{move.from ? `${STAGE_LABELS[move.from]} → ${STAGE_LABELS[move.to]}` : STAGE_LABELS[move.to]}</strong>
              <span className="muted">
                {' '}
                {formatDateTime(move.at)}
                {move.by ? ` · ${move.by}` : ''}
              </span>
              {move.note && <p dir="auto">{move.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
