import { describe, expect, it } from 'vitest';
import { mousCsv, proposalsCsv } from '../../../electron/services/exchange/csv-export';
import type { Proposal } from '../../../shared/domain/proposal';
import { pakistanDateTimeForSheet } from '../../../shared/format/dates';
import { database, faisalabadMou, faisalabadProposal } from '../../support/mou-data';

/** 01:30 on 25-Nov-2026 in Pakistan is 20:30 on 24-Nov in UTC. */
const AT_0130_PKT = '2026-11-24T20:30:00.000Z';

function cellsOf(csv: { text: string }, column: string): string {
  const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  const index = header!.split(',').indexOf(column);
  expect(index).toBeGreaterThanOrEqual(0);
  // The tested columns come after every free-text field, so counting from the end is safe.
  const fromEnd = header!.split(',').length - index;
  const cells = row!.split(',');
  return cells[cells.length - fromEnd]!;
}

describe('CSV dates are Pakistan dates', () => {
  it('a stage move at 01:30 in Pakistan is exported as that Pakistan day, not the UTC day before', () => {
    const base = faisalabadProposal();
    const moved: Proposal = {
      ...base,
      createdAt: AT_0130_PKT,
      updatedAt: AT_0130_PKT,
      stageHistory: [...base.stageHistory, { at: AT_0130_PKT, from: base.stageHistory.at(-1)!.to, to: 'on-hold', by: 'Ayesha Khan', note: 'Waiting for the building plan.' }],
    };
    const csv = proposalsCsv(database({ proposals: [moved] }));
    expect(cellsOf(csv, 'In this stage since')).toBe('2026-11-25');
    expect(cellsOf(csv, 'Entered')).toBe('2026-11-25 01:30');
    expect(cellsOf(csv, 'Last changed')).toBe('2026-11-25 01:30');
  });

  it('an MoU entered at 01:30 in Pakistan is exported with that Pakistan date and time', () => {
    const mou = { ...faisalabadMou(), createdAt: AT_0130_PKT, updatedAt: AT_0130_PKT };
    const csv = mousCsv(database({ proposals: [faisalabadProposal()], mous: [mou] }), '2026-11-27');
    expect(cellsOf(csv, 'Entered')).toBe('2026-11-25 01:30');
  });

  it('pakistanDateTimeForSheet reads any instant in Pakistan time', () => {
    expect(pakistanDateTimeForSheet('2026-11-24T18:59:00.000Z')).toBe('2026-11-24 23:59');
    expect(pakistanDateTimeForSheet('2026-11-24T19:00:00.000Z')).toBe('2026-11-25 00:00');
  });
});
