/**
 * How every summary is printed, shared by Electron's printToPDF and the tests' page.pdf,
 * so the tested PDF is laid out like the one an official gets.
 */
export interface PrintLayout {
  /** A4 across (wide tables such as the park register); portrait when unset. */
  landscape?: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export const MOU_SUMMARY_PRINT_LAYOUT: PrintLayout = {
  displayHeaderFooter: true,
  // Chromium prints a date and the title in the header unless it is given an empty one.
  headerTemplate: '<span></span>',
  // Chromium fills .pageNumber and .totalPages; the template gets none of the page's styles or fonts.
  footerTemplate:
    '<div style="width:100%;font-size:8pt;font-family:Arial,Helvetica,sans-serif;color:#333;margin:0 15mm;display:flex;justify-content:space-between;">' +
    '<span>PSEB · Park Desk · MoU summary</span>' +
    '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' +
    '</div>',
  marginsMm: { top: 14, right: 15, bottom: 18, left: 15 },
};

/** A report's layout: its name and "Page X of Y" in every footer. */
export function reportPrintLayout(documentName: string, landscape = false): PrintLayout {
  return {
    ...MOU_SUMMARY_PRINT_LAYOUT,
    landscape,
    footerTemplate: MOU_SUMMARY_PRINT_LAYOUT.footerTemplate.replace('MoU summary', documentName.replace(/[<>&"]/g, '')),
    marginsMm: landscape ? { top: 12, right: 12, bottom: 16, left: 12 } : MOU_SUMMARY_PRINT_LAYOUT.marginsMm,
  };
}

export const PARK_REGISTER_PRINT_LAYOUT = reportPrintLayout('Park register', true);
export const PROGRESS_REPORT_PRINT_LAYOUT = reportPrintLayout('Progress report');

export const MM_PER_INCH = 25.4;
