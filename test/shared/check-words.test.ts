// The self-check's result in words, as the sidebar and the report sheet say it.
import { describe, expect, it } from 'vitest';
import type { CheckMismatch } from '../../src/shared/api';
import { checkSummary, shownValue } from '../../src/shared/check-words';

const mismatch: CheckMismatch = {
  sheet: 'Tracker',
  cell: 'Z8',
  what: 'ROI of @jane',
  formula: '=ARRAYFORMULA(...)',
  expected: 3,
  got: '',
};

describe('the check in words', () => {
  it('says every figure agrees, with how many', () => {
    expect(checkSummary({ checked: 143, mismatches: [] })).toBe(
      "All 143 figures agree with the add-on's own arithmetic.",
    );
  });

  it('counts one and several mismatches', () => {
    expect(checkSummary({ checked: 12, mismatches: [mismatch] })).toBe(
      "1 figure disagrees with the add-on's own arithmetic (of 12 compared).",
    );
    expect(checkSummary({ checked: 12, mismatches: [mismatch, mismatch] })).toBe(
      "2 figures disagree with the add-on's own arithmetic (of 12 compared).",
    );
  });

  it('shows text in quotes, so a blank is visible', () => {
    expect(shownValue('')).toBe('""');
    expect(shownValue(0.25)).toBe('0.25');
  });
});
