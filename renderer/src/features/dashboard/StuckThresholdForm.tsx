import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';

/** The official's own threshold for "stuck": days in one stage. Blank returns to the default. */
export function StuckThresholdForm({ days, onSaved }: { days: number; onSaved(): void }) {
  const notify = useAppStore((s) => s.notify);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const [text, setText] = useState(String(days));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setText(String(days)), [days]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await call(api().setStuckAfterDays({ days: text }));
    if (!result.ok) {
      setError(result.error.fieldErrors?.days ?? result.error.message);
      document.getElementById('stuck-after-days')?.focus();
      return;
    }
    setError(undefined);
    notify('success', `A proposal now counts as stuck after ${result.value.days} ${result.value.days === 1 ? 'day' : 'days'} in one stage.`);
    await loadAppInfo();
    onSaved();
  };

  return (
    <form className="inline-setting" onSubmit={onSubmit} noValidate aria-label="Stuck threshold">
      <FormField id="stuck-after-days" label="Stuck after" unit="days in one stage" error={error}>
        {(c) => (
          <input
            id={c.id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="narrow-input"
            value={text}
            aria-describedby={c.describedBy}
            aria-invalid={c.invalid || undefined}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="button">
        Save threshold
      </button>
    </form>
  );
}
