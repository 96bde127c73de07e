import { describe, expect, it } from 'vitest';
import { bdi, escapeHtml } from '../../../shared/documents/html';
import { buildCombinedMouSummariesHtml, buildMouSummaryHtml, type MouSummaryInput } from '../../../shared/documents/mou-summary';
import { faisalabadMou, faisalabadProposal, quettaMou, URDU_SIGNATORY, URDU_VENUE } from '../../support/mou-data';

const XSS = '<img src=x onerror=alert(1)>';

function build(overrides: Partial<MouSummaryInput> = {}): string {
  return buildMouSummaryHtml({
    mou: faisalabadMou(),
    proposal: faisalabadProposal(),
    generatedBy: 'Ayesha Siddiqui',
    generatedAt: '2026-11-25T06:30:00.000Z',
    fontCss: '@font-face{font-family:"Park Desk Naskh"}',
    ...overrides,
  });
}

/** The text of the document with tags removed and whitespace collapsed, as a reader sees it. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('escapeHtml', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves Urdu and plain text alone', () => {
    expect(escapeHtml(URDU_SIGNATORY)).toBe(URDU_SIGNATORY);
    expect(escapeHtml('Sitara Chemical Industries')).toBe('Sitara Chemical Industries');
  });

  it('wraps a value for bidi isolation after escaping it', () => {
    expect(bdi(XSS)).toBe('<bdi dir="auto">&lt;img src=x onerror=alert(1)&gt;</bdi>');
  });
});

describe('buildMouSummaryHtml', () => {
  it('is a complete A4 document that allows no script and loads nothing from outside', () => {
    const html = build();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"`);
    expect(html).toContain('@page { size: A4; }');
    expect(html).toContain('@font-face{font-family:"Park Desk Naskh"}');
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });

  it('has a header with PSEB, Park Desk, the MoU number and status in words', () => {
    const text = visibleText(build());
    expect(text).toContain('Pakistan Software Export Board (PSEB)');
    expect(text).toContain('Park Desk · MoU summary');
    expect(text).toContain('MoU PSEB-STP-FSD-2021-01');
    expect(text).toContain('Status: Active since 01-Jun-2021 · Two-party MoU');
  });

  it('has every section, leading with dates, parties and obligations, as headings for the PDF outline', () => {
    const headings = [...build().matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Key dates',
      'Parties and signatories',
      'Obligations',
      'The park',
      'Financial terms',
      'Targets',
      'Clause summaries',
      'Amendments',
      'Notes',
      'Proposal stage history',
    ]);
  });

  it('shows parties with roles and signatories with designation and date', () => {
    const text = visibleText(build());
    expect(text).toContain('Pakistan Software Export Board First party PSEB Ayesha Siddiqui Managing Director 20-May-2021');
    expect(text).toContain('Sitara Chemical Industries Second party (host) Private company Imran Aslam Chief Executive Officer 20-May-2021');
  });

  it('formats dates day-month-year, areas and counts with lakh grouping, and derives the expiry', () => {
    const text = visibleText(build({ mou: faisalabadMou((f) => (f.targetJobs = 1_234_567)) }));
    expect(text).toContain('Signed 20-May-2021');
    expect(text).toContain('Expiry 31-May-2026 (from the effective date and term)');
    expect(text).toContain('Notice period 90 days');
    expect(text).toContain('Area committed 19,500 sq ft');
    expect(text).toContain('Jobs 12,34,567');
    expect(text).toContain('Rent Rs 45 per sq ft');
    expect(text).toContain('PSEB rental subsidy 25%');
    expect(text).toContain('City Faisalabad, Punjab');
    expect(text).toContain('Generated on 25-Nov-2026 11:30 by Ayesha Siddiqui with Park Desk.');
  });

  it('states the derived state with its dates, and the expiry basis actually used', () => {
    // The case: no effective date recorded, so the term runs from the date signed.
    const text = visibleText(build({ mou: faisalabadMou((f) => delete f.effectiveOn) }));
    expect(text).toContain('State: Expired on 19-May-2026: signed 20-May-2021, term 5 years');
    expect(text).toContain('Expiry 19-May-2026 (from the date signed and term; no effective date is recorded)');
    expect(text).not.toContain('from the effective date');
    expect(text).toContain('Give notice by 18-Feb-2026');
    expect(visibleText(build())).toContain('State: Expired on 31-May-2026: effective 01-Jun-2021, term 5 years');
  });

  it('dates "since" from the status move itself, in Pakistan, not from the day it is printed', () => {
    const mou = faisalabadMou();
    // 01:30 in Pakistan on 25-Nov is 20:30 UTC on 24-Nov.
    mou.statusHistory[mou.statusHistory.length - 1]!.at = '2026-11-24T20:30:00.000Z';
    const text = visibleText(build({ mou, generatedAt: '2026-11-27T06:30:00.000Z' }));
    expect(text).toContain('Status: Active since 25-Nov-2026');
    expect(visibleText(build({ generatedAt: '2026-11-27T06:30:00.000Z' }))).toContain('Status: Active since 01-Jun-2021');
  });

  it('never shows a Draft as in force, and flags its past expiry', () => {
    const mou = faisalabadMou();
    mou.statusHistory = [mou.statusHistory[0]!];
    const text = visibleText(build({ mou }));
    expect(text).toContain('Status: Draft since 01-May-2021');
    expect(text).toContain('State: In preparation (Draft) since 01-May-2021: not in force; its expiry date 31-May-2026 has already passed');
  });

  it('marks overdue obligations in words, judged on the day it is generated', () => {
    const html = build();
    const rowOf = (description: string) => visibleText(html.split('<tr>').find((row) => row.includes(description))!.split('</tr>')[0]!);
    expect(rowOf('Complete the fit-out')).toContain('Sitara Chemical Industries Sitara Projects Office 31-Dec-2021 Overdue');
    expect(html).toContain('<strong class="overdue">Overdue</strong>');
    expect(rowOf('quarterly occupancy report')).toMatch(/31-Mar-2099 Open $/);
    expect(rowOf('free internet')).toContain('Done 15-Jun-2022');
    expect(visibleText(html)).toContain('4 obligations; 1 overdue on 25-Nov-2026.');
    // The same MoU generated back in 2021 has nothing overdue yet.
    expect(build({ generatedAt: '2021-06-01T06:00:00.000Z' })).not.toContain('class="overdue"');
  });

  it('repeats table headers on every page and never splits a row', () => {
    const html = build();
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
    expect(html).toMatch(/<thead><tr><th scope="col">No\.<\/th><th scope="col">Obligation<\/th>/);
  });

  it('isolates Urdu names for right-to-left display inside English text', () => {
    const html = build();
    expect(html).toContain(`<bdi dir="auto">${URDU_SIGNATORY}</bdi>`);
    expect(html).toContain(`<bdi dir="auto">${URDU_VENUE}</bdi>`);
  });

  it('prints a hostile name as text, in every place a name appears', () => {
    const html = build({
      generatedBy: XSS,
      mou: faisalabadMou((f) => {
        f.parties[1]!.name = XSS;
        f.parties[1]!.signatories[0]!.name = XSS;
        f.obligations[0]!.description = `${XSS}\nsecond line`;
        f.notes = '</style><script>alert(1)</script>';
      }),
    });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;<br>second line');
  });

  it('leaves out what is not recorded, and a section with nothing recorded, and names the missing proposal link', () => {
    const sparse = faisalabadMou((f) => {
      delete f.rentPerSqFt;
      delete f.disputesClause;
      delete f.targetFirms;
      delete f.targetSeats;
      delete f.targetJobs;
      delete f.notes;
      f.amendments = [];
    });
    const html = build({ proposal: undefined, mou: sparse });
    const text = visibleText(html);
    expect(text).not.toContain('Not recorded');
    expect(text).not.toMatch(/\bRent\b/);
    expect(text).toContain('PSEB rental subsidy 25%');
    expect(text).not.toContain('Disputes');
    expect(text).toContain('Termination Either party may end');
    expect(html).not.toContain('<h2 id="targets">');
    expect(html).not.toContain('<h2 id="notes">');
    expect(html).not.toContain('<h2 id="amendments">');
    expect(html).not.toContain('<th scope="row">Proposal</th>');
    expect(text).toContain('No proposal is linked to this MoU.');
  });

  it('prints every field not recorded as a blank to complete by hand, when asked', () => {
    const sparse = faisalabadMou((f) => {
      delete f.rentPerSqFt;
      delete f.disputesClause;
      delete f.targetFirms;
      delete f.notes;
    });
    const html = build({ proposal: undefined, mou: sparse, blankUnrecorded: true });
    const blank = '<span class="blank" role="img" aria-label="Not recorded"></span>';
    expect(html).toContain(`<th scope="row">Rent</th><td>${blank}</td>`);
    expect(html).toContain(`<th scope="row">Firms</th><td>${blank}</td>`);
    expect(html).toContain(`<th scope="row">Proposal</th><td>${blank}</td>`);
    expect(html).toContain('<h3>Disputes</h3><p class="blank-lines" role="img" aria-label="Not recorded"></p>');
    expect(html).toContain('<h2 id="notes">Notes</h2><p class="blank-lines"');
    expect(visibleText(build({ mou: faisalabadMou((f) => (f.amendments = [])), blankUnrecorded: true }))).toContain('No amendments are recorded.');
    expect(visibleText(html)).not.toContain('Not recorded');
    expect(visibleText(html)).toContain('Rent PSEB rental subsidy 25%');
  });

  it("lists the linked proposal's stage history", () => {
    const text = visibleText(build());
    expect(text).toContain('Board approval → MoU signed Ayesha Siddiqui MoU signed in Islamabad.');
  });

  it('says who generated it even when no official name is set', () => {
    expect(visibleText(build({ generatedBy: '  ' }))).toContain('by an official (no name is set under Data) with Park Desk.');
  });
});

describe('buildCombinedMouSummariesHtml', () => {
  const combined = () =>
    buildCombinedMouSummariesHtml({
      summaries: [{ mou: faisalabadMou(), proposal: faisalabadProposal() }, { mou: quettaMou() }],
      generatedBy: 'Ayesha Siddiqui',
      generatedAt: '2026-11-25T06:30:00.000Z',
      fontCss: '@font-face{font-family:"Park Desk Naskh"}',
    });

  it('starts with a contents page listing each MoU with its parties and state, in the order given', () => {
    const html = combined();
    const contents = visibleText(html.split('<article')[0]!);
    expect(contents).toContain('Contents: 2 MoU summaries');
    expect(contents).toMatch(/1 PSEB-STP-FSD-2021-01 Pakistan Software Export Board Sitara Chemical Industries Active Expired on 31-May-2026/);
    expect(contents.indexOf('PSEB-STP-FSD-2021-01')).toBeLessThan(contents.indexOf('PSEB-STP-QTA-2022-01'));
    expect(contents).toMatch(/2 PSEB-STP-QTA-2022-01 .*UltraSoft/);
    expect(html).toContain('<a href="#mou-2">');
  });

  it('follows with each full summary from the same builder, each on a new page, with ids unique in the document', () => {
    const html = combined();
    const parts = html.split('<article class="summary-part"').slice(1);
    expect(parts).toHaveLength(2);
    expect(html).toContain('.summary-part { break-before: page; page-break-before: always; }');
    expect(visibleText(parts[0]!)).toContain('4 obligations; 1 overdue on 25-Nov-2026.');
    expect(visibleText(parts[1]!)).toContain('MoU PSEB-STP-QTA-2022-01');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('<section aria-labelledby="mou-2-obligations"><h2 id="mou-2-obligations">');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\//i);
  });
});
