import { describe, expect, it } from 'vitest';
import { buildParkRegisterHtml, describeFilters } from '../../../shared/documents/park-register';
import { buildProgressReportHtml, stageChartSvg } from '../../../shared/documents/progress-report';
import type { ParkRegister } from '../../../shared/domain/park-register';
import { buildProgressReport } from '../../../shared/domain/progress-report';
import { parsePeriodKey } from '../../../shared/domain/fiscal-period';

const URDU_PARTNER = 'علی فاطمہ کالج';
const maker = { generatedBy: 'Ayesha Khan', generatedAt: '2026-11-27T05:00:00.000Z', fontCss: '@font-face{font-family:"Park Desk Naskh"}' };

function register(overrides: Partial<ParkRegister> = {}): ParkRegister {
  return {
    today: '2026-11-27',
    filters: {},
    archivedLeftOut: 2,
    unlinkedMous: 0,
    rows: [
      {
        id: 'a',
        referenceNumber: 'STP/<1>',
        title: 'Park <script>alert(1)</script>',
        city: 'Lahore',
        province: 'Punjab',
        partner: URDU_PARTNER,
        grossAreaSqFt: 1_234_567,
        stage: 'operational',
        stageSince: '2021-12-29',
        mou: { id: 'm', mouNumber: 'MOU-1', signedOn: '2021-05-20', expiresOn: '2026-05-19', state: 'expired', stateLabel: 'Expired', stateSentence: 'Expired on 19-May-2026' },
        mouCount: 1,
        openObligations: 2,
        overdueObligations: 1,
        occupancy: { returnId: 'r', period: 'FY2026-27-Q2', firmsHoused: 30, seatsAvailable: 800, seatsOccupied: 600, occupancyPercent: 75, targetSeats: 1_000 },
      },
      {
        id: 'b',
        referenceNumber: 'STP/2',
        title: 'Fit-out park',
        city: 'Quetta',
        province: 'Balochistan',
        grossAreaSqFt: 10_000,
        stage: 'fit-out',
        stageSince: '2026-10-01',
        mouCount: 0,
        openObligations: 0,
        overdueObligations: 0,
      },
    ],
    ...overrides,
  };
}

describe('the park register document', () => {
  it('prints across an A4 page, escapes every value and isolates Urdu in <bdi>', () => {
    const html = buildParkRegisterHtml({ register: register(), ...maker });
    expect(html).toContain('@page { size: A4 landscape; }');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain(`<bdi dir="auto">${URDU_PARTNER}</bdi>`);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Park &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('12,34,567');
    expect(html).toContain('Made on 27-Nov-2026 10:00 by <bdi dir="auto">Ayesha Khan</bdi> with Park Desk.');
  });

  it('says what it leaves out: archived proposals, parks outside the filters, parks without returns', () => {
    const html = buildParkRegisterHtml({ register: register({ filters: { province: 'Punjab', stage: 'signed' } }), ...maker });
    expect(html).toContain('2 archived proposals are not listed.');
    expect(html).toContain('Parks outside the filters (Stage: MoU signed or Fit-out (not yet operational) · Province: Punjab) are not listed.');
    expect(html).toContain('1 park at Fit-out or Operational has no occupancy return, so no occupancy is shown for it or counted in the total.');
    expect(describeFilters({})).toBe('All parks');
  });
});

describe('the progress report document', () => {
  it('draws parks by stage as SVG with no script, beside its table, and names its period', () => {
    const svg = stageChartSvg([
      { stage: 'received', count: 2 },
      { stage: 'operational', count: 1 },
    ]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('>Operational</text>');
    expect(svg).not.toMatch(/<script|on\w+=/);

    const report = buildProgressReport([], [], parsePeriodKey('FY2026-27-Q2')!, '2026-11-27');
    const html = buildProgressReportHtml({ report, ...maker });
    expect(html).toContain('Progress report, Q2 FY2026-27 (Oct-Dec 2026)');
    expect(html).toContain('01-Oct-2026 to 31-Dec-2026; figures as at 27-Nov-2026, while the period runs');
    expect(html).toContain('Archived proposals are not counted (there are none).');
    expect(html).toContain('No park has an occupancy return for Q2 FY2026-27.');
    expect(html).toContain('@page { size: A4; }');
  });
});
