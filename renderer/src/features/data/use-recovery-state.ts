import { useEffect, useState } from 'react';
import type { RecoveryState } from '../../../../shared/api/calls/data-safety-calls';
import { api, call } from '../../app/api-client';

/** Asked once at start: undefined while asking, then whether the data file needs recovering. */
export function useRecoveryState(connected: boolean): RecoveryState | undefined {
  const [state, setState] = useState<RecoveryState>();
  useEffect(() => {
    if (!connected) return;
    void call(api().getRecoveryState({})).then((result) => setState(result.ok ? result.value : { needed: false }));
  }, [connected]);
  return state;
}
