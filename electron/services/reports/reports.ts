import path from 'node:path';
import type { Handlers } from '../../../shared/api/contract';
import { ApiFailure } from '../../../shared/api/result';
import { sanitizeFileNamePart } from '../../../shared/documents/export-file-name';
import { buildParkRegisterHtml } from '../../../shared/documents/park-register';
import { PARK_REGISTER_PRINT_LAYOUT, PROGRESS_REPORT_PRINT_LAYOUT, type PrintLayout } from '../../../shared/documents/print-layout';
import { buildProgressReportHtml } from '../../../shared/documents/progress-report';
import { parsePeriodKey, periodName, type FiscalPeriod } from '../../../shared/domain/fiscal-period';
import { buildParkRegister, type ParkRegister } from '../../../shared/domain/park-register';
import { buildProgressReport, progressPeriodProblem } from '../../../shared/domain/progress-report';
import type { ProposalListFilters } from '../../../shared/domain/proposal-list-query';
import { formatDate, todayInPakistan } from '../../../shared/format/dates';
import { writeFileAtomically } from '../export-files';
import type { Clock, PdfPrinter, SaveDialog } from '../platform';
import type { ParkStore } from '../storage/park-store';
import { buildRegisterWorkbook } from './register-spreadsheet';

type ReportCalls = 'getParkRegisterHtml' | 'exportParkRegisterPdf' | 'exportParkRegisterSpreadsheet' | 'getProgressReportHtml' | 'exportProgressReportPdf';

export interface ReportDeps {
  store: ParkStore;
  clock: Clock;
  fontCss: () => Promise<string>;
  saveDialog?: SaveDialog;
  pdfPrinter?: PdfPrinter;
}

const PDF = { name: 'PDF document', extensions: ['pdf'] };
const XLSX = { name: 'Excel workbook', extensions: ['xlsx'] };

function need<T>(value: T | undefined, what: string): T {
  if (!value) throw new ApiFailure('internal', `${what} is not available in this window.`);
  return value;
}

/** "Park register 27-Nov-2026.pdf" */
export function registerFileName(today: string, extension: 'pdf' | 'xlsx'): string {
  return `Park register ${formatDate(today)}.${extension}`;
}

/** "Progress report Q2 FY2026-27.pdf" */
export function progressReportFileName(period: FiscalPeriod): string {
  return `${sanitizeFileNamePart(`Progress report ${periodName(period)}`)}.pdf`;
}

export function reportHandlers(deps: ReportDeps): Pick<Handlers, ReportCalls> {
  const { store, clock } = deps;
  const made = () => ({ generatedAt: clock.now().toISOString(), generatedBy: store.data.settings.officialName });

  const register = (filters: ProposalListFilters): ParkRegister =>
    buildParkRegister(store.data.proposals, store.data.mous, filters, todayInPakistan(clock.now()));

  const registerHtml = async (filters: ProposalListFilters) => {
    const reg = register(filters);
    return { reg, html: buildParkRegisterHtml({ register: reg, ...made(), fontCss: await deps.fontCss() }) };
  };

  const progressHtml = async (key: string) => {
    const period = parsePeriodKey(key)!;
    const today = todayInPakistan(clock.now());
    const problem = progressPeriodProblem(period, today);
    if (problem) throw new ApiFailure('invalid-input', problem, { period: problem });
    const report = buildProgressReport(store.data.proposals, store.data.mous, period, today);
    return { period, html: buildProgressReportHtml({ report, ...made(), fontCss: await deps.fontCss() }) };
  };

  /** Asks where (native dialog), makes the bytes, writes them whole or not at all. */
  const saveAs = async (title: string, defaultName: string, filter: typeof PDF, bytes: () => Promise<Uint8Array>) => {
    const dialog = need(deps.saveDialog, 'The save dialog');
    const chosen = await dialog.chooseSavePath({ title, defaultName, filters: [filter] });
    if (!chosen) return { cancelled: true as const };
    const extension = `.${filter.extensions[0]}`;
    const file = path.extname(chosen).toLowerCase() === extension ? chosen : `${chosen}${extension}`;
    const content = await bytes();
    await writeFileAtomically(file, content).catch((error: unknown) => {
      throw new ApiFailure('storage', `Could not save ${path.basename(file)}: ${(error as Error).message}`);
    });
    return { cancelled: false as const, path: file, fileName: path.basename(file), bytes: content.byteLength };
  };

  const print = (html: string, layout: PrintLayout) => need(deps.pdfPrinter, 'Printing to PDF').printHtmlToPdf(html, layout);

  return {
    getParkRegisterHtml: async ({ filters }) => {
      const { reg, html } = await registerHtml(filters);
      return { html, parkCount: reg.rows.length, fileName: registerFileName(reg.today, 'pdf') };
    },

    exportParkRegisterPdf: async ({ filters }) => {
      const today = todayInPakistan(clock.now());
      return saveAs('Export the park register as PDF', registerFileName(today, 'pdf'), PDF, async () => {
        const { html } = await registerHtml(filters);
        return print(html, PARK_REGISTER_PRINT_LAYOUT);
      });
    },

    exportParkRegisterSpreadsheet: async ({ filters }) => {
      const today = todayInPakistan(clock.now());
      return saveAs('Export the park register as a spreadsheet', registerFileName(today, 'xlsx'), XLSX, () => buildRegisterWorkbook(register(filters), made()));
    },

    getProgressReportHtml: async ({ period }) => {
      const { period: p, html } = await progressHtml(period);
      return { html, periodName: periodName(p), fileName: progressReportFileName(p) };
    },

    exportProgressReportPdf: async ({ period }) => {
      // Built before the dialog opens, so a period that has not begun is refused at once.
      const { period: p, html } = await progressHtml(period);
      return saveAs(`Export the progress report for ${periodName(p)}`, progressReportFileName(p), PDF, () => print(html, PROGRESS_REPORT_PRINT_LAYOUT));
    },
  };
}
