import { generateParkData } from './generate-park-data';
import { withOccupancyReturns } from './reports-bench';
import { buildProgressReport } from '../../shared/domain/progress-report';
import { buildParkRegister } from '../../shared/domain/park-register';
import { fiscalQuarterOf } from '../../shared/domain/fiscal-period';
const data = withOccupancyReturns(generateParkData(10000, 10000));
const { Session } = await import('node:inspector/promises');
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
for (let i = 0; i < 3; i++) { buildParkRegister(data.proposals, data.mous, {}, '2026-11-27'); }
const { profile } = await session.post('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas!; const samples = profile.samples!;
for (let i = 0; i < samples.length; i++) { const n = byId.get(samples[i]!)!; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${Math.round(v / 1000)}ms ${k}`).join('\n'));
