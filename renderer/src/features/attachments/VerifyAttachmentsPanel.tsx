import { useRef, useState } from 'react';
import type { AttachmentReference } from '../../../../shared/api/calls/attachment-calls';
import { formatFileSize, verifyProblemMessage } from '../../../../shared/domain/attachment';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import './attachments.css';

/** Files re-hashed per call: about 50 MB at most in the usual case, so progress moves and Cancel answers. */
const BATCH_BYTES = 50 * 1000 * 1000;

type Outcome =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number; doneBytes: number; totalBytes: number }
  | { state: 'done'; files: number; references: number; problems: string[]; cancelled: boolean }
  | { state: 'failed'; message: string };

/** Groups the hashes to check into calls of about BATCH_BYTES each (one file per hash, however many records name it). */
function batchesOf(references: AttachmentReference[]): { sha256: string[]; bytes: number }[] {
  const sizes = new Map<string, number>();
  for (const r of references) sizes.set(r.sha256, r.sizeBytes);
  const batches: { sha256: string[]; bytes: number }[] = [];
  let current = { sha256: [] as string[], bytes: 0 };
  for (const [sha256, size] of sizes) {
    if (current.sha256.length > 0 && (current.bytes + size > BATCH_BYTES || current.sha256.length >= 200)) {
      batches.push(current);
      current = { sha256: [], bytes: 0 };
    }
    current.sha256.push(sha256);
    current.bytes += size;
  }
  if (current.sha256.length > 0) batches.push(current);
  return batches;
}

/**
 * "Verify attachments" on the Data screen: re-hashes every file a record refers to and names each
 * one that is missing or whose bytes no longer match the hash it was stored under.
 */
export function VerifyAttachmentsPanel() {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const cancelRef = useRef(false);

  const verify = async () => {
    cancelRef.current = false;
    const refs = await call(api().getAttachmentReferences({}));
    if (!refs.ok) return setOutcome({ state: 'failed', message: refs.error.message });
    const references = refs.value.references;
    const batches = batchesOf(references);
    const total = batches.reduce((n, b) => n + b.sha256.length, 0);
    const totalBytes = batches.reduce((n, b) => n + b.bytes, 0);
    const outcomes = new Map<string, 'ok' | 'missing' | 'changed'>();
    let done = 0;
    let doneBytes = 0;
    setOutcome({ state: 'running', done, total, doneBytes, totalBytes });
    for (const batch of batches) {
      if (cancelRef.current) break;
      const result = await call(api().verifyAttachmentFiles({ sha256: batch.sha256 }));
      if (!result.ok) return setOutcome({ state: 'failed', message: result.error.message });
      for (const [hash, state] of Object.entries(result.value.outcomes)) outcomes.set(hash, state);
      done += batch.sha256.length;
      doneBytes += batch.bytes;
      setOutcome({ state: 'running', done, total, doneBytes, totalBytes });
    }
    const problems = references.flatMap((r) => {
      const state = outcomes.get(r.sha256);
      return state === 'missing' || state === 'changed' ? [verifyProblemMessage(r.name, r.recordLabel, state)] : [];
    });
    setOutcome({ state: 'done', files: done, references: references.length, problems, cancelled: cancelRef.current });
  };

  return (
    <section className="panel" aria-labelledby="verify-attachments-heading">
      <h2 id="verify-attachments-heading">Attachments</h2>
      <p>
        Attached files are kept in the data folder under the SHA-256 of their bytes. Verify attachments reads every file again and names any that is missing or has
        changed since it was added.
      </p>
      {outcome.state === 'running' ? (
        <div className="verify-progress" role="status" aria-label="Verifying attachments">
          <progress max={Math.max(outcome.totalBytes, 1)} value={outcome.doneBytes} aria-label="Verified so far" />
          <span>
            Checked {outcome.done} of {countOf(outcome.total, 'file')} ({formatFileSize(outcome.doneBytes)} of {formatFileSize(outcome.totalBytes)})
          </span>
          <button type="button" className="button small" onClick={() => (cancelRef.current = true)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => void verify()}>
          Verify attachments
        </button>
      )}
      {outcome.state === 'failed' && <p role="alert">Verify attachments stopped: {outcome.message}</p>}
      {outcome.state === 'done' && (
        <div role="status" aria-label="Verify attachments result">
          {outcome.references === 0 ? (
            <p>No record has attachments yet; there is nothing to verify.</p>
          ) : outcome.problems.length === 0 ? (
            <p>
              {outcome.cancelled ? `Cancelled after ${countOf(outcome.files, 'file')}; those` : `All ${countOf(outcome.files, 'file')}`} are as they were added.
            </p>
          ) : (
            <>
              <p>
                <strong>{countOf(outcome.problems.length, 'attachment')} not as added</strong>
                {outcome.cancelled ? ' (cancelled before the end)' : ''}. Restore a backup that has them, or attach the files again.
              </p>
              <ul className="verify-problems">
                {outcome.problems.map((problem) => (
                  <li key={problem} dir="auto">
                    {problem}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
