import { useEffect, useState } from 'react';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';

/** On the dashboard: the last copy off this PC is more than 7 days old, or its folder could not be reached. */
export function OffPcCopyWarning() {
  const navigate = useAppStore((s) => s.navigate);
  const [warning, setWarning] = useState<string>();

  useEffect(() => {
    void call(api().getOffPcCopyStatus({})).then((result) => setWarning(result.ok ? result.value.warning : undefined));
  }, []);

  if (!warning) return null;
  return (
    <section className="off-pc-warning" aria-labelledby="off-pc-warning-heading">
      <h2 id="off-pc-warning-heading">Copy off this PC</h2>
      <p>{warning}</p>
      <button type="button" className="button" onClick={() => navigate({ screen: 'data' })}>
        Go to Copy off this PC
      </button>
    </section>
  );
}
