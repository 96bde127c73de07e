import { MOU_STATUS_LABELS, MOU_TYPE_LABELS, type Mou, type MouFields, type Party } from '../domain/mou';
import { OBLIGATION_STATE_LABELS, obligationState } from '../domain/mou-dates';
import { deriveMouState, describeTerm, type MouState } from '../domain/mou-state';
import { PARTNER_TYPE_LABELS, type Proposal } from '../domain/proposal';
import { STAGE_LABELS } from '../domain/stages';
import { formatDate, formatDateTime, todayInPakistan } from '../format/dates';
import { formatArea, formatNumber, formatRupees } from '../format/numbers';
import { bdi, escapeHtml } from './html';

export interface MouSummaryInput {
  mou: Mou;
  /** The proposal the MoU came from, when it is linked and still on record. */
  proposal?: Proposal;
  /** The official's name as recorded in settings. */
  generatedBy: string;
  /** An ISO instant; it also fixes "today" for the obligations' open / overdue state. */
  generatedAt: string;
  /** @font-face rules with the fonts embedded, so the document needs no file or network. */
  fontCss: string;
  /**
   * Print a blank line for every field not recorded, for completing by hand; by default
   * such rows are left out so the summary leads with what is known.
   */
  blankUnrecorded?: boolean;
}

export const PARTY_TYPE_LABELS: Record<Party['type'], string> = { pseb: 'PSEB', ...PARTNER_TYPE_LABELS };
export const UTILITY_PAYER_LABELS: Record<NonNullable<MouFields['utilitiesPaidBy']>, string> = {
  pseb: 'PSEB',
  partner: 'Partner',
  tenants: 'Tenants',
  shared: 'Shared',
};

const NOT_RECORDED = '<span class="muted">Not recorded</span>';
/** Where a missing value is written by hand on the printed copy; screen readers hear why it is empty. */
const BLANK = '<span class="blank" role="img" aria-label="Not recorded"></span>';
const BLANK_LINES = '<p class="blank-lines" role="img" aria-label="Not recorded"></p>';
const NOT_RECORDED_PARAGRAPH = `<p>${NOT_RECORDED}</p>`;

/** A recorded value as escaped, bidi-isolated text; "Not recorded" when there is none. */
function text(value: string | undefined): string {
  return value === undefined || value === '' ? NOT_RECORDED : bdi(value);
}

/** Multi-line text (clauses, notes): line breaks kept, every line escaped. */
function paragraph(value: string | undefined): string {
  if (!value) return NOT_RECORDED_PARAGRAPH;
  return `<p dir="auto">${escapeHtml(value).replace(/\r?\n/g, '<br>')}</p>`;
}

function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** How a field with nothing recorded prints: left out, or a blank to complete by hand. */
type Unrecorded = 'omit' | 'blank';

/**
 * Rows of a two-column fact table; the label is a row header for screen readers and tagged PDF.
 * Rows with nothing recorded are left out unless blanks were asked for; no rows, no table.
 */
function facts(rows: [label: string, html: string][], unrecorded: Unrecorded): string {
  const shown = unrecorded === 'omit' ? rows.filter(([, html]) => html !== NOT_RECORDED) : rows;
  if (!shown.length) return '';
  const body = shown.map(([label, html]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${html}</td></tr>`).join('');
  return `<table class="facts"><tbody>${body}</tbody></table>`;
}

/** A section with nothing in it is left out, so no heading stands alone. */
function section(id: string, title: string, body: string): string {
  if (!body) return '';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${body}</section>`;
}

/** A table whose header row repeats on every printed page and whose rows are never split. */
function table(caption: string, headers: string[], rows: string[][], className = ''): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const lastIsStatus = headers[headers.length - 1] === 'Status';
  const cell = (c: string, i: number, all: string[]) => (lastIsStatus && i === all.length - 1 ? `<td class="state">${c}</td>` : `<td>${c}</td>`);
  const body = rows.map((cells) => `<tr>${cells.map(cell).join('')}</tr>`).join('');
  return `<table class="grid ${className}"><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function none(message: string): string {
  return `<p class="muted">${escapeHtml(message)}</p>`;
}

function partiesSection(mou: Mou, u: Unrecorded): string {
  const f = mou.fields;
  const rows: string[][] = [];
  for (const party of f.parties) {
    const signatories = party.signatories.length ? party.signatories : [undefined];
    signatories.forEach((s, index) => {
      rows.push([
        index === 0 ? `<strong>${bdi(party.name)}</strong>` : '<span class="visually-hidden">Same party</span>',
        index === 0 ? `${bdi(party.role)}<br><span class="muted">${escapeHtml(PARTY_TYPE_LABELS[party.type])}</span>` : '',
        s ? bdi(s.name) : NOT_RECORDED,
        s ? bdi(s.designation) : '',
        s?.signedOn ? `<span class="nowrap">${formatDate(s.signedOn)}</span>` : s ? NOT_RECORDED : '',
      ]);
    });
  }
  const witnesses = f.witnesses.length
    ? f.witnesses.map((w) => (w.designation ? `${bdi(w.name)} (${bdi(w.designation)})` : bdi(w.name))).join('; ')
    : NOT_RECORDED;
  return section(
    'parties',
    'Parties and signatories',
    table('Parties and their signatories', ['Party', 'Role', 'Signatory', 'Designation', 'Date signed'], rows, 'parties') +
      facts([
        ['Witnesses', witnesses],
        ['Venue', text(f.venue)],
      ], u),
  );
}

function expiryNote(state: MouState): string {
  return state.expiryBasis === 'effective' ? 'from the effective date and term' : 'from the date signed and term; no effective date is recorded';
}

function keyDatesSection(f: MouFields, state: MouState, u: Unrecorded): string {
  const expiry = state.expiresOn;
  return section(
    'key-dates',
    'Key dates',
    facts([
      ['Signed', text(formatDate(f.signedOn))],
      ['Effective', text(formatDate(f.effectiveOn))],
      ['Term', text(describeTerm(f))],
      [
        'Expiry',
        expiry
          ? `${formatDate(expiry)} <span class="muted">(${escapeHtml(expiryNote(state))})</span>`
          : `<span class="muted">Not known: ${escapeHtml(state.missing ?? 'no date signed and no term')} recorded</span>`,
      ],
      ['Notice period', f.noticePeriodDays === undefined ? NOT_RECORDED : escapeHtml(plural(f.noticePeriodDays, 'day', 'days'))],
      ...(state.noticeBy ? [['Give notice by', `${formatDate(state.noticeBy)} <span class="muted">(expiry less the notice period)</span>`] as [string, string]] : []),
      ['Renewal terms', text(f.renewalTerms)],
      ['Next review', text(formatDate(f.nextReviewOn))],
    ], u),
  );
}

function parkSection(f: MouFields, proposal: Proposal | undefined, u: Unrecorded): string {
  const p = proposal?.fields;
  const city = p ? [p.city, p.district, p.province].filter((part, i, all) => part && all.indexOf(part) === i).join(', ') : undefined;
  return section(
    'park',
    'The park',
    facts([
      ['Proposal', p ? `${bdi(p.title)} <span class="muted">(${bdi(p.referenceNumber)})</span>` : NOT_RECORDED],
      ['City', text(city)],
      ['Site', text(p?.siteAddress)],
      ['Building', text(p?.buildingName)],
      ['Area committed', text(formatArea(f.areaCommittedSqFt))],
      ['Floors committed', text(f.floorsCommitted)],
    ], u),
  );
}

function financialSection(f: MouFields, u: Unrecorded): string {
  return section(
    'financial',
    'Financial terms',
    facts([
      ['Rent', f.rentPerSqFt === undefined ? NOT_RECORDED : escapeHtml(`${formatRupees(f.rentPerSqFt)} per sq ft`)],
      ['PSEB rental subsidy', f.subsidyPercent === undefined ? NOT_RECORDED : escapeHtml(`${formatNumber(f.subsidyPercent)}%`)],
      ['Subsidy ends', text(formatDate(f.subsidyEndsOn))],
      ['Free internet ends', text(formatDate(f.freeInternetEndsOn))],
      ['Utilities paid by', text(f.utilitiesPaidBy && UTILITY_PAYER_LABELS[f.utilitiesPaidBy])],
    ], u),
  );
}

function targetsSection(f: MouFields, u: Unrecorded): string {
  const count = (n: number | undefined) => (n === undefined ? NOT_RECORDED : escapeHtml(formatNumber(n)));
  return section(
    'targets',
    'Targets',
    facts([
      ['Firms', count(f.targetFirms)],
      ['Seats', count(f.targetSeats)],
      ['Jobs', count(f.targetJobs)],
    ], u),
  );
}

function clausesSection(f: MouFields, u: Unrecorded): string {
  const clauses: [string, string | undefined][] = [
    ['Termination', f.terminationClause],
    ['Disputes', f.disputesClause],
    ['Branding', f.brandingClause],
    ['Confidentiality', f.confidentialityClause],
  ];
  const body = clauses
    .filter(([, value]) => u === 'blank' || value)
    .map(([title, value]) => `<div class="clause"><h3>${escapeHtml(title)}</h3>${paragraph(value)}</div>`)
    .join('');
  return section('clauses', 'Clause summaries', body);
}

function obligationsSection(f: MouFields, today: string): string {
  if (!f.obligations.length) return section('obligations', 'Obligations', none('No obligations are recorded.'));
  const partyNames = new Map(f.parties.map((p) => [p.id, p.name]));
  const rows = f.obligations.map((o, index) => {
    const state = obligationState(o, today);
    const label = OBLIGATION_STATE_LABELS[state];
    // Status in words; bold and a marker besides, so it survives a black-and-white printer.
    const status =
      state === 'overdue'
        ? `<strong class="overdue">${label}</strong>`
        : state === 'done' && o.completedOn
          ? `${label} <span class="nowrap">${formatDate(o.completedOn)}</span>`
          : label;
    return [
      escapeHtml(String(index + 1)),
      paragraph(o.description),
      text(partyNames.get(o.partyId)),
      text(o.owner),
      o.dueOn ? `<span class="nowrap">${formatDate(o.dueOn)}</span>` : NOT_RECORDED,
      status,
    ];
  });
  const overdue = f.obligations.filter((o) => obligationState(o, today) === 'overdue').length;
  const summary = `<p>${escapeHtml(plural(f.obligations.length, 'obligation', 'obligations'))}; ${escapeHtml(overdue === 0 ? 'none overdue' : `${formatNumber(overdue)} overdue`)} on ${formatDate(today)}.</p>`;
  return section('obligations', 'Obligations', summary + table('Obligations of the parties', ['No.', 'Obligation', 'Party', 'Owner', 'Due', 'Status'], rows, 'obligations'));
}

function amendmentsSection(f: MouFields, u: Unrecorded): string {
  if (!f.amendments.length && u === 'omit') return '';
  if (!f.amendments.length) return section('amendments', 'Amendments', none('No amendments are recorded.'));
  const rows = f.amendments.map((a) => [bdi(a.number), a.date ? `<span class="nowrap">${formatDate(a.date)}</span>` : NOT_RECORDED, paragraph(a.reason)]);
  return section('amendments', 'Amendments', table('Amendments to the MoU', ['Number', 'Date', 'Reason'], rows, 'amendments'));
}

function stageHistorySection(proposal: Proposal | undefined): string {
  if (!proposal) return section('stage-history', 'Proposal stage history', none('No proposal is linked to this MoU.'));
  const rows = proposal.stageHistory.map((move) => [
    `<span class="nowrap">${escapeHtml(formatDateTime(move.at))}</span>`,
    escapeHtml(move.from ? `${STAGE_LABELS[move.from]} → ${STAGE_LABELS[move.to]}` : STAGE_LABELS[move.to]),
    text(move.by),
    move.note ? paragraph(move.note) : '',
  ]);
  return section('stage-history', 'Proposal stage history', table('Stage moves of the linked proposal', ['When', 'Move', 'By', 'Note'], rows, 'history'));
}

const STYLES = `
@page { size: A4; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font: 10pt/1.4 "Park Desk Naskh", "Noto Sans", "Segoe UI", Arial, sans-serif; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 2pt; }
h2 { font-size: 12pt; margin: 14pt 0 5pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #000; }
h3 { font-size: 10pt; margin: 6pt 0 2pt; }
p { margin: 0 0 4pt; }
.doc-header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3pt double #000; padding-bottom: 6pt; margin-bottom: 6pt; }
.org { margin: 0; font-weight: 700; font-size: 11pt; }
.kicker { margin: 0 0 4pt; color: #333; }
.doc-status { margin: 0; text-align: end; }
.doc-status strong { display: inline-block; border: 1pt solid #000; padding: 1pt 6pt; border-radius: 3pt; }
.doc-state { margin: 0 0 4pt; padding: 3pt 6pt; border: 1pt solid #000; border-inline-start-width: 4pt; }
.generated { margin: 0 0 4pt; color: #333; font-size: 9pt; }
.muted { color: #555; }
.nowrap { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.facts th { width: 34%; text-align: start; font-weight: 600; padding: 2pt 8pt 2pt 0; vertical-align: top; }
.facts td { padding: 2pt 0; vertical-align: top; }
.facts tr { border-bottom: 0.5pt dotted #999; }
.grid { margin: 4pt 0 6pt; font-size: 9pt; }
.grid th { text-align: start; background: #e6e6e6; border: 0.75pt solid #555; padding: 3pt 4pt; }
.grid td { border: 0.75pt solid #999; padding: 3pt 4pt; vertical-align: top; }
.grid td p { margin: 0; }
.obligations td:first-child { width: 2.2em; text-align: end; }
.grid td.state { white-space: nowrap; }
.overdue::before { content: "! "; }
.clause { break-inside: avoid; }
.blank { display: inline-block; width: 100%; min-height: 1.3em; border-bottom: 0.75pt solid #000; }
.blank-lines { height: 4.2em; margin: 0 0 4pt; background: repeating-linear-gradient(transparent 0 1.3em, #000 1.3em calc(1.3em + 0.75pt)); }
.summary-part { break-before: page; page-break-before: always; }
.contents-list td:first-child { width: 2.2em; text-align: end; }
.contents-list td:nth-child(2) { white-space: nowrap; }
.contents-list a { color: inherit; }
bdi { unicode-bidi: isolate; }
@media screen {
  html { background: #e7eae8; }
  body { background: #fff; max-width: 210mm; margin: 12px auto; padding: 14mm 15mm; box-shadow: 0 1px 6px rgb(0 0 0 / 0.25); }
}
`;

/** Header, state and sections of one MoU's summary: the body of its own document, or one part of a combined pack. */
function summaryContent({ mou, proposal, generatedBy, generatedAt, blankUnrecorded }: Omit<MouSummaryInput, 'fontCss'>): string {
  const f = mou.fields;
  const u: Unrecorded = blankUnrecorded ? 'blank' : 'omit';
  const today = todayInPakistan(new Date(generatedAt));
  const state = deriveMouState(mou, today);
  const status = MOU_STATUS_LABELS[state.status];
  // The date the status took effect (in Pakistan), not the day it was typed in or printed.
  const statusSince = formatDate(state.statusSince);
  const parkName = proposal?.fields.title;
  const by = generatedBy.trim() ? bdi(generatedBy.trim()) : 'an official (no name is set under Data)';

  // What an official acts on comes first (state, dates, parties, obligations), so it lands on page 1;
  // the terms, clause texts and history follow.
  const content = `<header class="doc-header">
<div>
<p class="org">Pakistan Software Export Board (PSEB)</p>
<p class="kicker">Park Desk · MoU summary</p>
<h1>MoU ${bdi(f.mouNumber)}</h1>
${parkName ? `<p>${bdi(parkName)}</p>` : ''}
</div>
<p class="doc-status">Status: <strong>${escapeHtml(status)}</strong><br><span class="muted">since ${statusSince} · ${escapeHtml(MOU_TYPE_LABELS[f.type])} MoU</span></p>
</header>
<p class="doc-state state-${state.kind}"><strong>State:</strong> ${escapeHtml(state.sentence)} <span class="muted">(on ${formatDate(today)})</span></p>
<p class="generated">Generated on ${escapeHtml(formatDateTime(generatedAt))} by ${by} with Park Desk.</p>
<main>
${keyDatesSection(f, state, u)}
${partiesSection(mou, u)}
${obligationsSection(f, today)}
${parkSection(f, proposal, u)}
${financialSection(f, u)}
${targetsSection(f, u)}
${clausesSection(f, u)}
${amendmentsSection(f, u)}
${u === 'blank' || f.notes ? section('notes', 'Notes', paragraph(f.notes)) : ''}
${stageHistorySection(proposal)}
</main>`;
  // Table cells and paragraphs with nothing recorded: a line to write on, when blanks were asked for.
  return u === 'blank' ? content.replaceAll(NOT_RECORDED_PARAGRAPH, BLANK_LINES).replaceAll(NOT_RECORDED, BLANK) : content;
}

function htmlDocument(title: string, fontCss: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${fontCss}${STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The MoU summary as one complete HTML document: the same markup is previewed on screen
 * and printed to PDF, so what the official checks is what is filed. Every value is
 * escaped; the page runs no script and loads nothing (its own CSP says so too).
 */
export function buildMouSummaryHtml(input: MouSummaryInput): string {
  return htmlDocument(`MoU summary ${input.mou.fields.mouNumber}`, input.fontCss, summaryContent(input));
}

export interface CombinedMouSummariesInput {
  /** In the order they are to be read; each starts on a new page. */
  summaries: Pick<MouSummaryInput, 'mou' | 'proposal'>[];
  generatedBy: string;
  generatedAt: string;
  fontCss: string;
  blankUnrecorded?: boolean;
}

/**
 * Several summaries as one document for a meeting: a contents page listing each MoU
 * (number, parties, state), then each summary from the same builder, on a page of its own.
 */
export function buildCombinedMouSummariesHtml({ summaries, generatedBy, generatedAt, fontCss, blankUnrecorded }: CombinedMouSummariesInput): string {
  const today = todayInPakistan(new Date(generatedAt));
  const rows = summaries.map(({ mou }, index) => {
    const f = mou.fields;
    const state = deriveMouState(mou, today);
    return [
      escapeHtml(String(index + 1)),
      `<a href="#mou-${index + 1}">${bdi(f.mouNumber)}</a>`,
      f.parties.map((p) => bdi(p.name)).join('<br>') || NOT_RECORDED,
      `<strong>${escapeHtml(MOU_STATUS_LABELS[state.status])}</strong><br><span class="muted">${escapeHtml(state.sentence)}</span>`,
    ];
  });
  const by = generatedBy.trim() ? bdi(generatedBy.trim()) : 'an official (no name is set under Data)';
  const contents = `<section class="contents" aria-labelledby="contents">
<header class="doc-header"><div>
<p class="org">Pakistan Software Export Board (PSEB)</p>
<p class="kicker">Park Desk · MoU summaries</p>
<h1 id="contents">Contents: ${escapeHtml(plural(summaries.length, 'MoU summary', 'MoU summaries'))}</h1>
</div></header>
<p class="generated">Generated on ${escapeHtml(formatDateTime(generatedAt))} by ${by} with Park Desk; states on ${formatDate(today)}.</p>
${table('MoU summaries in this document', ['No.', 'MoU', 'Parties', 'State'], rows, 'contents-list')}
</section>`;
  const parts = summaries.map(
    (summary, index) =>
      // Each part's ids are its own, so headings and links stay unique in the one document.
      `<article class="summary-part" id="mou-${index + 1}">${summaryContent({ ...summary, generatedBy, generatedAt, blankUnrecorded }).replace(/(id|aria-labelledby)="/g, `$1="mou-${index + 1}-`)}</article>`,
  );
  return htmlDocument(`MoU summaries (${formatNumber(summaries.length)})`, fontCss, [contents, ...parts].join('\n'));
}
