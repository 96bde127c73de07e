import { useRef, useState } from 'react';
import './history.css';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { describeRecord, runVerifyHistory, type Verification } from './history-client';

type Outcome = { kind: 'verified'; entries: number; lastHash: string } | { kind: 'broken'; seq: number; where: string; message: string } | { kind: 'failed'; message: string };

/**
 * What went wrong, in the words of the result line; the verifier's own sentence (with ids and
 * instants, for IT) is shown under it as the details.
 */
export function plainReason(message: string): string {
  if (/do not match its hash/.test(message)) return 'it was changed after it was written.';
  if (/does not follow the change before it/.test(message)) return 'it does not follow the change before it: a change before it was removed, added or altered.';
  if (/missing or cannot be read/.test(message)) return 'that change is missing or cannot be read.';
  if (/data file (says|records)/.test(message)) return 'the data file and the change log disagree about where the history stands.';
  return message;
}

/** "3f9a1c0e…": enough of a hash to compare with one written down, not a wall of hex. */
export const shortHash = (hash: string): string => (hash.length > 8 ? `${hash.slice(0, 8)}…` : hash);

async function outcomeOf(result: Verification): Promise<Outcome> {
  if (result.ok) return { kind: 'verified', entries: result.entries, lastHash: result.lastHash };
  const parts: string[] = [];
  if (result.recordKind && result.recordId) parts.push(await describeRecord(result.recordKind, result.recordId));
  if (result.at) parts.push(formatDateTime(result.at));
  return { kind: 'broken', seq: result.seq, where: parts.length > 0 ? ` (${parts.join(', ')})` : '', message: result.message };
}

/** Data screen: recompute the change log's hash chain and say, in words, whether it holds. */
export function VerifyHistoryPanel() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const resultRef = useRef<HTMLDivElement>(null);

  const verify = async () => {
    setBusy(true);
    setOutcome(undefined);
    const result = await runVerifyHistory();
    setOutcome(result.ok ? await outcomeOf(result.value) : { kind: 'failed', message: result.error.message });
    setBusy(false);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  return (
    <section className="panel" aria-labelledby="verify-history-heading">
      <h2 id="verify-history-heading">Verify history</h2>
      <p>
        Every save is recorded in a change log, each change sealed with the seal of the one before. Verifying recomputes every seal from the
        first change on: a change altered after it was written, outside Park Desk, breaks the chain at that change.
      </p>
      <button type="button" className="button" onClick={() => void verify()} disabled={busy} aria-describedby={busy ? 'verify-progress' : undefined}>
        {busy ? 'Verifying…' : 'Verify history'}
      </button>
      {/* A polite live region, not role="status": the notices bar is the screen's one status. */}
      <div aria-live="polite" id="verify-progress">
        {busy && (
          <p>
            <progress aria-label="Verifying the history" /> Reading every change and recomputing its seal…
          </p>
        )}
        {outcome?.kind === 'verified' && (
          <div ref={resultRef} tabIndex={-1} className="verify-result">
            <p>
              History verified: {countOf(outcome.entries, 'change')}, the chain is intact (last hash <code title={outcome.lastHash}>{shortHash(outcome.lastHash)}</code>).
            </p>
          </div>
        )}
      </div>
      {outcome && outcome.kind !== 'verified' && (
        <div ref={resultRef} tabIndex={-1} className="verify-result broken" role="alert">
          {outcome.kind === 'broken' ? (
            <>
              <p>
                <strong>
                  The history does not verify from change {outcome.seq}
                  {outcome.where}:
                </strong>{' '}
                {plainReason(outcome.message)}
              </p>
              {plainReason(outcome.message) !== outcome.message && <p className="muted">Details for IT: {outcome.message}</p>}
              <p>
                What to do: make no more changes for now and keep the data folder as it is. Call IT: the change log was altered outside Park Desk.
                To go on working, restore a backup taken before that change (Backups, above) once IT has kept a copy of the folder.
              </p>
            </>
          ) : (
            <p>
              <strong>The history could not be verified:</strong> {outcome.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
