import { generateParkData } from './generate-park-data';
import { withOccupancyReturns } from './reports-bench';
import { buildParkRegister } from '../../shared/domain/park-register';
import { buildParkRegisterHtml } from '../../shared/documents/park-register';
import { buildProgressReport } from '../../shared/domain/progress-report';
import { buildProgressReportHtml } from '../../shared/documents/progress-report';
import { fiscalQuarterOf } from '../../shared/domain/fiscal-period';
import { buildRegisterWorkbook } from '../../electron/services/reports/register-spreadsheet';
const data = withOccupancyReturns(generateParkData(10000, 10000));
const t = (label: string, f: () => unknown) => { const s = performance.now(); const r = f(); console.log(label, Math.round(performance.now() - s), 'ms'); return r; };
for (let i = 0; i < 2; i++) {
  const reg = t('register rows', () => buildParkRegister(data.proposals, data.mous, {}, '2026-11-27')) as ReturnType<typeof buildParkRegister>;
  t('register html', () => buildParkRegisterHtml({ register: reg, generatedBy: 'x', generatedAt: new Date().toISOString(), fontCss: '' }));
  const rep = t('progress figures', () => buildProgressReport(data.proposals, data.mous, fiscalQuarterOf('2026-11-27'), '2026-11-27')) as ReturnType<typeof buildProgressReport>;
  t('progress html', () => buildProgressReportHtml({ report: rep, generatedBy: 'x', generatedAt: new Date().toISOString(), fontCss: '' }));
  const s = performance.now(); await buildRegisterWorkbook(reg, { generatedAt: new Date().toISOString(), generatedBy: 'x' }); console.log('xlsx', Math.round(performance.now() - s));
}
