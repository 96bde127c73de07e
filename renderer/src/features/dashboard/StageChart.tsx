import { useEffect, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/domain/dashboard';
import { STAGE_LABELS, type Stage } from '../../../../shared/domain/stages';

const BAR_COLOURS: Partial<Record<Stage, string>> = {
  operational: '#01411c',
  'mou-signed': '#0b4f6c',
  'fit-out': '#0b4f6c',
  rejected: '#a3140d',
  withdrawn: '#a3140d',
  'on-hold': '#7a4d00',
};

/**
 * Proposals per stage as bars: the shape of the pipeline reads faster than a column of numbers.
 * Hidden from screen readers; the table beside it carries the same figures, with links.
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], svg';

/**
 * Keeps everything recharts draws out of the Tab order: content hidden from assistive
 * technology must not take focus. (inert would also stop the mouse clicking a bar.)
 */
function useNoFocusInside(ref: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const unfocus = () => {
      for (const el of root.querySelectorAll<HTMLElement | SVGElement>(FOCUSABLE)) {
        if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
        if (el instanceof SVGSVGElement) el.setAttribute('focusable', 'false');
      }
    };
    unfocus();
    const observer = new MutationObserver(unfocus);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] });
    return () => observer.disconnect();
  }, [ref]);
}

export function StageChart({ perStage, onStage }: { perStage: Dashboard['perStage']; onStage(stage: Stage): void }) {
  const data = perStage.map((row) => ({ ...row, label: STAGE_LABELS[row.stage] }));
  const ref = useRef<HTMLDivElement>(null);
  useNoFocusInside(ref);
  return (
    <div className="stage-chart" aria-hidden="true" ref={ref}>
      <ResponsiveContainer width="100%" height={340}>
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#d5d9d6" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: '#555c58', fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={170} interval={0} tick={{ fill: '#1c1f1d', fontSize: 12 }} />
          <Bar dataKey="count" isAnimationActive={false} cursor="pointer" onClick={(entry) => onStage((entry as unknown as { stage: Stage }).stage)}>
            {data.map((row) => (
              <Cell key={row.stage} fill={BAR_COLOURS[row.stage] ?? '#5b7f69'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
