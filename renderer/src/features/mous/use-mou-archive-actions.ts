import type { Mou } from '../../../../shared/domain/mou';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';

type Named = { id: string; fields: { mouNumber: string } } | { id: string; mouNumber: string };

const numberOf = (mou: Named) => ('fields' in mou ? mou.fields.mouNumber : mou.mouNumber);

/** Archive (with Undo in the notice) and restore an MoU, then refresh the list: as for proposals. */
export function useMouArchiveActions() {
  const notify = useAppStore((s) => s.notify);
  const loadMous = useAppStore((s) => s.loadMous);

  const restore = async (mou: Named): Promise<Mou | undefined> => {
    const result = await call(api().restoreMou({ id: mou.id }));
    await loadMous();
    if (!result.ok) {
      notify('error', result.error.message);
      return undefined;
    }
    notify('success', `MoU ${numberOf(mou)} restored.`);
    return result.value;
  };

  const archive = async (mou: Named): Promise<Mou | undefined> => {
    const result = await call(api().archiveMou({ id: mou.id }));
    await loadMous();
    if (!result.ok) {
      notify('error', result.error.message);
      return undefined;
    }
    notify('success', `MoU ${numberOf(mou)} archived.`, { label: 'Undo', run: () => void restore(mou) });
    return result.value;
  };

  return { archive, restore };
}
