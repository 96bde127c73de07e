/**
 * How every summary is printed, shared by Electron's printToPDF and the tests' page.pdf,
 * so the tested PDF is laid out like the one an official gets.
 */
export interface PrintLayout {
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

export const MM_PER_INCH = 25.4;
