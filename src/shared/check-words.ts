// The self-check's result in words, the same in the sidebar and on the report sheet.
import type { CheckResult } from './api';

export function checkSummary(result: Pick<CheckResult, 'checked' | 'mismatches'>): string {
  const wrong = result.mismatches.length;
  if (wrong === 0) return `All ${result.checked} figures agree with the add-on's own arithmetic.`;
  const figures = wrong === 1 ? '1 figure disagrees' : `${wrong} figures disagree`;
  return `${figures} with the add-on's own arithmetic (of ${result.checked} compared).`;
}

/** A value as a mismatch shows it: text in quotes, so a blank is visible. */
export function shownValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value}"`;
}
