import { useAppStore } from '../../app/store';

/** On every screen while the practice data is open, so nothing done there is mistaken for the register. */
export function PracticeBanner() {
  const practice = useAppStore((s) => s.appInfo?.practice);
  const returnToRegister = useAppStore((s) => s.returnToRegister);
  if (!practice) return null;
  return (
    <aside className="practice-banner" aria-label="Practice data">
      <p>
        <strong>Practice data — not the register.</strong> The sample parks are here to try Park Desk; nothing you do here counts in the register.
      </p>
      <button type="button" className="button" onClick={() => void returnToRegister()}>
        Return to the register
      </button>
    </aside>
  );
}
