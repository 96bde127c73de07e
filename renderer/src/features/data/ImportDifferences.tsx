import type { ImportChoice, ImportDifference } from '../../../../shared/api/calls/exchange-calls';
import { formatDateTime } from '../../../../shared/format/dates';

/**
 * The fields that differ between this computer's copy of a record and the file's: one choice
 * each, with shortcuts for all. Which copy was changed later is shown, not decided.
 */
export function ImportDifferences({
  differences,
  choices,
  onChange,
}: {
  differences: ImportDifference[];
  choices: Record<string, ImportChoice>;
  onChange(choices: Record<string, ImportChoice>): void;
}) {
  if (differences.length === 0) return null;
  const all = (take: ImportChoice) => onChange(Object.fromEntries(differences.map((d) => [d.id, take])));
  return (
    <section aria-labelledby="import-differences-heading" className="import-differences">
      <h3 id="import-differences-heading">Differences to choose ({differences.length})</h3>
      <p>
        These fields differ between the record here and the one in the file. For each, keep this computer&apos;s value or take the file&apos;s. The date
        each copy was last changed is shown to help.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => all('mine')}>
          Keep all mine
        </button>
        <button type="button" className="button" onClick={() => all('theirs')}>
          Take all theirs
        </button>
      </div>
      {differences.map((d) => {
        const name = `import-choice-${d.id}`;
        const mineLater = d.mineUpdatedAt > d.theirsUpdatedAt;
        return (
          <fieldset key={d.id} className="import-difference">
            <legend dir="auto">
              <bdi>{d.record}</bdi>: {d.field}
            </legend>
            <label>
              <input type="radio" name={name} checked={choices[d.id] === 'mine'} onChange={() => onChange({ ...choices, [d.id]: 'mine' })} />
              <span>
                This computer: <bdi>{d.mine}</bdi>{' '}
                <span className="muted">
                  (record changed {formatDateTime(d.mineUpdatedAt)}
                  {mineLater ? ', later' : ''})
                </span>
              </span>
            </label>
            <label>
              <input type="radio" name={name} checked={choices[d.id] === 'theirs'} onChange={() => onChange({ ...choices, [d.id]: 'theirs' })} />
              <span>
                The file: <bdi>{d.theirs}</bdi>{' '}
                <span className="muted">
                  (record changed {formatDateTime(d.theirsUpdatedAt)}
                  {!mineLater && d.theirsUpdatedAt !== d.mineUpdatedAt ? ', later' : ''})
                </span>
              </span>
            </label>
          </fieldset>
        );
      })}
    </section>
  );
}
