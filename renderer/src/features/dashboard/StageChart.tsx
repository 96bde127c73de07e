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
export function StageChart({ perStage, onStage }: { perStage: Dashboard['perStage']; onStage(stage: Stage): void }) {
  const data = perStage.map((row) => ({ ...row, label: STAGE_LABELS[row.stage] }));
  return (
    <div className="stage-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
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
