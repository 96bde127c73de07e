import { useEffect, useState, type FormEvent } from 'react';
import { formatNumber } from '../../../../shared/format/numbers';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';

/** The programme's target for operational parks, shown against the count on the dashboard. */
export function OperationalTargetPanel() {
  const saved = useAppStore((s) => s.appInfo?.settings.operationalTarget);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const notify = useAppStore((s) => s.notify);
  const [text, setText] = useState(saved === undefined ? '' : String(saved));
  const [error, setError] = useState<string | undefined>();

  useEffect(() => setText(saved === undefined ? '' : String(saved)), [saved]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call(api().setOperationalTarget({ target: text }));
    if (!result.ok) {
      setError(result.error.fieldErrors?.target ?? result.error.message);
      document.getElementById('operational-target')?.focus();
      return;
    }
    setError(undefined);
    await loadAppInfo();
    const { target } = result.value;
    notify('success', target === undefined ? 'The operational parks target was cleared.' : `The operational parks target is now ${formatNumber(target)}.`);
  };

  return (
    <form className="panel" onSubmit={onSubmit} aria-labelledby="target-heading" noValidate>
      <h2 id="target-heading">Programme target</h2>
      <p>The dashboard shows operational parks against this number. Leave it blank for no target.</p>
      <FormField id="operational-target" label="Operational parks target" unit="parks" error={error}>
        {(c) => (
          <input
            id={c.id}
            className="narrow-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="button primary">
        Save target
      </button>
    </form>
  );
}
