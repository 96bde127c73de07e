import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** A fact whose value is not recorded: its <dd> reads "Not recorded" in the muted style. */
const UNRECORDED = '.fact > dd.muted';

/**
 * A record page's list of facts with the unrecorded ones folded into one line,
 * "N fields not recorded", that opens them: what is known leads, blanks do not bury it.
 */
export function FoldedFacts({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDListElement>(null);
  const [unrecorded, setUnrecorded] = useState(0);
  const [open, setOpen] = useState(false);

  useLayoutEffect(() => {
    setUnrecorded(ref.current?.querySelectorAll(UNRECORDED).length ?? 0);
  });

  const what = unrecorded === 1 ? '1 field not recorded' : `${unrecorded} fields not recorded`;
  return (
    <div className={open ? 'folded-facts' : 'folded-facts folded'}>
      <dl ref={ref}>{children}</dl>
      {unrecorded > 0 && (
        <button type="button" className="link-button fold-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? `Hide the ${what}` : what}
        </button>
      )}
    </div>
  );
}
