import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { periodKeyLabel } from '../../../shared/domain/fiscal-period';
import type { ParkRegister, ParkRegisterRow } from '../../../shared/domain/park-register';
import { PARTNER_TYPE_LABELS } from '../../../shared/domain/proposal';
import { STAGE_LABELS } from '../../../shared/domain/stages';
import { formatDateTime } from '../../../shared/format/dates';
import { describeFilters, registerLeftOut } from '../../../shared/documents/park-register';

/** Excel's own format for lakh grouping (12,34,567), since Excel has no en-IN grouping switch. */
const LAKH = '[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0';
const DATE = 'dd-mmm-yyyy';
const PERCENT = '0%';

/** A calendar date as Excel's date serial wants it: midnight UTC, so no time zone shifts the day. */
function excelDate(iso: string | undefined): Date | undefined {
  return iso ? new Date(`${iso}T00:00:00.000Z`) : undefined;
}

interface Column {
  header: string;
  width: number;
  format?: string;
  value(row: ParkRegisterRow): string | number | Date | undefined;
}

const COLUMNS: Column[] = [
  { header: 'Reference', width: 22, value: (r) => r.referenceNumber },
  { header: 'Park', width: 38, value: (r) => r.title },
  { header: 'City', width: 14, value: (r) => r.city },
  { header: 'Province', width: 18, value: (r) => r.province },
  { header: 'Partner', width: 28, value: (r) => r.partner },
  { header: 'Partner type', width: 18, value: (r) => (r.partnerType ? PARTNER_TYPE_LABELS[r.partnerType] : undefined) },
  { header: 'Area (sq ft)', width: 13, format: LAKH, value: (r) => r.grossAreaSqFt },
  { header: 'Stage', width: 18, value: (r) => STAGE_LABELS[r.stage] },
  { header: 'In stage since', width: 13, format: DATE, value: (r) => excelDate(r.stageSince) },
  { header: 'MoU number', width: 24, value: (r) => r.mou?.mouNumber },
  { header: 'MoU signed', width: 13, format: DATE, value: (r) => excelDate(r.mou?.signedOn) },
  { header: 'MoU expires', width: 13, format: DATE, value: (r) => excelDate(r.mou?.expiresOn) },
  { header: 'MoU state', width: 16, value: (r) => r.mou?.stateLabel },
  { header: 'MoU state in full', width: 48, value: (r) => r.mou?.stateSentence },
  { header: 'Open obligations', width: 11, format: '0', value: (r) => r.openObligations },
  { header: 'Overdue obligations', width: 11, format: '0', value: (r) => r.overdueObligations },
  { header: 'Latest return', width: 26, value: (r) => (r.occupancy ? periodKeyLabel(r.occupancy.period) : undefined) },
  { header: 'Firms housed', width: 10, format: LAKH, value: (r) => r.occupancy?.firmsHoused },
  { header: 'Seats available', width: 11, format: LAKH, value: (r) => r.occupancy?.seatsAvailable },
  { header: 'Seats occupied', width: 11, format: LAKH, value: (r) => r.occupancy?.seatsOccupied },
  // A fraction formatted as a per cent, so Excel can sum and chart it.
  { header: 'Occupancy', width: 10, format: PERCENT, value: (r) => (r.occupancy?.occupancyPercent === undefined ? undefined : r.occupancy.occupancyPercent / 100) },
  { header: 'People employed', width: 11, format: LAKH, value: (r) => r.occupancy?.peopleEmployed },
  { header: 'Target firms', width: 10, format: LAKH, value: (r) => r.occupancy?.targetFirms },
  { header: 'Target seats', width: 10, format: LAKH, value: (r) => r.occupancy?.targetSeats },
  { header: 'Target jobs', width: 10, format: LAKH, value: (r) => r.occupancy?.targetJobs },
];

/**
 * The register as an .xlsx workbook: one typed row per park, then a sheet saying what it is.
 * Written with exceljs's streaming writer, which commits each row as it goes: several times
 * faster than building the whole workbook in memory once there are thousands of parks.
 */
export async function buildRegisterWorkbook(register: ParkRegister, made: { generatedAt: string; generatedBy: string }): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = made.generatedBy || 'Park Desk';
  workbook.created = new Date(made.generatedAt);

  const sheet = workbook.addWorksheet('Park register', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = COLUMNS.map((c, i) => ({ key: String(i), width: c.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'bottom', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  for (const park of register.rows) {
    const row = sheet.addRow(COLUMNS.map((c) => c.value(park) ?? null));
    COLUMNS.forEach((c, i) => {
      if (c.format) row.getCell(i + 1).numFmt = c.format;
    });
    row.commit();
  }
  sheet.commit();

  const about = workbook.addWorksheet('About this register');
  about.columns = [{ width: 24 }, { width: 100 }];
  const lines: [string, string | Date | undefined][] = [
    ['Park register', 'Pakistan Software Export Board (PSEB) · Park Desk'],
    ['Made on', `${formatDateTime(made.generatedAt)}${made.generatedBy ? ` by ${made.generatedBy}` : ''}`],
    ['Parks', describeFilters(register.filters)],
    ['As at', excelDate(register.today)],
    ...registerLeftOut(register).map((line, i): [string, string] => [i === 0 ? 'Leaves out' : '', line]),
  ];
  for (const [label, value] of lines) {
    const row = about.addRow([label, value ?? null]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) {
      row.getCell(2).numFmt = DATE;
      row.getCell(2).alignment = { horizontal: 'left' };
    }
    row.commit();
  }
  about.commit();
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
