import { formatDateTime } from '../format/dates';
import { formatNumber } from '../format/numbers';
import { bdi, escapeHtml } from './html';

/** What every report is made with: who, when, and the embedded Urdu font. */
export interface ReportMaker {
  /** The official's name as recorded in settings. */
  generatedBy: string;
  /** An ISO instant. */
  generatedAt: string;
  /** @font-face rules with the fonts embedded, so the document needs no file or network. */
  fontCss: string;
}

export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

export const NOT_RECORDED = '<span class="muted">Not recorded</span>';

/** A table whose header row repeats on every printed page and whose rows are never split. */
export function gridTable(
  caption: string,
  headers: { label: string; numeric?: boolean; widthPercent?: number }[],
  rows: string[][],
  options: { className?: string; foot?: string[] } = {},
): string {
  const cls = (h: { numeric?: boolean }) => (h.numeric ? ' class="num"' : '');
  const head = headers.map((h) => `<th scope="col"${cls(h)}>${escapeHtml(h.label)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c, i) => `<td${cls(headers[i] ?? {})}>${c}</td>`).join('')}</tr>`).join('');
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((c, i) => `<td${cls(headers[i] ?? {})}>${c}</td>`).join('')}</tr></tfoot>` : '';
  // Fixed widths keep a long table's columns the same on every page.
  const cols = headers.every((h) => h.widthPercent) ? `<colgroup>${headers.map((h) => `<col style="width:${h.widthPercent}%">`).join('')}</colgroup>` : '';
  return `<table class="grid ${cols ? 'fixed ' : ''}${options.className ?? ''}"><caption class="visually-hidden">${escapeHtml(caption)}</caption>${cols}<thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
}

/** Rows of a two-column fact table; the label is a row header for screen readers and tagged PDF. */
export function factTable(rows: [label: string, html: string][]): string {
  // A date or period split at its hyphen ("28-" / "Nov-2026") reads as two; such words stay whole.
  const keepWhole = (text: string) => escapeHtml(text).replace(/\S+-\S+/g, (word) => `<span class="nowrap">${word}</span>`);
  const body = rows.map(([label, html]) => `<tr><th scope="row">${keepWhole(label)}</th><td>${html}</td></tr>`).join('');
  return `<table class="facts"><tbody>${body}</tbody></table>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${body}</section>`;
}

export function madeBy({ generatedBy, generatedAt }: Pick<ReportMaker, 'generatedBy' | 'generatedAt'>): string {
  const by = generatedBy.trim() ? bdi(generatedBy.trim()) : 'an official (no name is set under Data)';
  return `Made on ${escapeHtml(formatDateTime(generatedAt))} by ${by} with Park Desk.`;
}

const STYLES = (landscape: boolean) => `
@page { size: A4${landscape ? ' landscape' : ''}; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font: ${landscape ? '8.5pt' : '10pt'}/1.35 "Park Desk Naskh", "Noto Sans", "Segoe UI", Arial, sans-serif; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12pt; margin: 12pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #000; }
p { margin: 0 0 4pt; }
.doc-header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3pt double #000; padding-bottom: 6pt; margin-bottom: 6pt; gap: 12pt; }
.org { margin: 0; font-weight: 700; font-size: 11pt; }
.kicker { margin: 0 0 4pt; color: #333; }
.doc-scope { margin: 0; text-align: end; max-width: 55%; }
.generated { margin: 0 0 4pt; color: #333; font-size: 9pt; }
.left-out { border: 0.75pt solid #777; padding: 4pt 6pt; margin: 4pt 0 8pt; font-size: 9pt; break-inside: avoid; }
.left-out ul { margin: 2pt 0 0; padding-inline-start: 14pt; }
.muted { color: #555; }
.nowrap { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.facts th { width: 45%; text-align: start; font-weight: 600; padding: 2pt 8pt 2pt 0; vertical-align: top; }
.facts td { padding: 2pt 0; vertical-align: top; }
.facts tr { border-bottom: 0.5pt dotted #999; }
.grid { margin: 4pt 0 6pt; font-size: ${landscape ? '7.5pt' : '9pt'}; }
.grid th { text-align: start; background: #e6e6e6; border: 0.75pt solid #555; padding: 2.5pt 3pt; vertical-align: bottom; }
.grid td { border: 0.75pt solid #999; padding: 2.5pt 3pt; vertical-align: top; }
.grid .num { text-align: end; font-variant-numeric: tabular-nums; }
.grid td.num { white-space: nowrap; }
.grid.fixed { table-layout: fixed; }
.grid.fixed td { overflow-wrap: anywhere; }
.grid .keep { white-space: nowrap; }
.grid tfoot td { font-weight: 700; background: #f2f2f2; border-top: 1.5pt solid #000; }
.grid td .sub { display: block; color: #444; font-size: 0.92em; }
.state { font-weight: 600; }
.state-warn::before { content: "! "; }
.figures { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18pt; }
.chart { display: grid; grid-template-columns: 1.25fr 1fr; gap: 12pt; align-items: start; break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
bdi { unicode-bidi: isolate; }
@media screen {
  html { background: #e7eae8; }
  /* A preview narrower than the page scrolls sideways rather than squeezing the register's columns into each other. */
  body { background: #fff; max-width: ${landscape ? '297mm' : '210mm'}; min-width: ${landscape ? '270mm' : '200mm'}; margin: 12px auto; padding: 12mm; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
}
`;

/** The document around a report's body: the same for preview and print, loading nothing. */
export function reportDocument({ title, kicker, heading, scopeHtml, maker, leftOut, body, landscape = false }: {
  title: string;
  kicker: string;
  heading: string;
  scopeHtml: string;
  maker: ReportMaker;
  leftOut: string[];
  body: string;
  landscape?: boolean;
}): string {
  const leftOutHtml = leftOut.length
    ? `<div class="left-out" role="note"><strong>What this report leaves out</strong><ul>${leftOut.map((item) => `<li>${item}</li>`).join('')}</ul></div>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${maker.fontCss}${STYLES(landscape)}</style>
</head>
<body>
<header class="doc-header">
<div>
<p class="org">Pakistan Software Export Board (PSEB)</p>
<p class="kicker">Park Desk · ${escapeHtml(kicker)}</p>
<h1>${escapeHtml(heading)}</h1>
</div>
<p class="doc-scope">${scopeHtml}</p>
</header>
<p class="generated">${madeBy(maker)}</p>
${leftOutHtml}
<main>
${body}
</main>
</body>
</html>
`;
}
