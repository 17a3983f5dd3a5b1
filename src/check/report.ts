// writeCheckReport: the check's result on a new sheet the team can share with us, every value
// written as text or number (a formula in a mismatch is shown, never run), in one block.
import { InputError } from '../apps/errors';
import type { CheckMismatch, CheckResult } from '../shared/api';
import { checkSummary } from '../shared/check-words';
import { asText } from '../sheet/literal';

export const REPORT_NAME = 'ROI self-check report';
export const HEADER_ROW = 5;
const HEADERS = ['Sheet', 'Cell', 'What', 'Formula', 'Expected', 'Got'];

export function checkResult(input: unknown): CheckResult {
  const result = input as CheckResult | null;
  const ok =
    result !== null &&
    typeof result === 'object' &&
    typeof result.checked === 'number' &&
    Array.isArray(result.mismatches);
  if (!ok) throw new InputError('The check result to write is not readable: run the check again.');
  return result;
}

const cell = (value: unknown): string | number =>
  typeof value === 'number' && Number.isFinite(value) ? value : asText(String(value ?? ''));

function mismatchRow(m: CheckMismatch): (string | number)[] {
  return [m.sheet, m.cell, m.what, m.formula, m.expected, m.got].map(cell);
}

/** The report's rows: what was checked where, then one row per mismatch. */
export function reportRows(
  result: CheckResult,
  about: { when: string; timeZone: string; locale: string },
): (string | number)[][] {
  const summary = checkSummary(result);
  const rows: (string | number)[][] = [
    ['Influencer ROI self-check', '', '', '', '', ''],
    [
      'Checked',
      asText(about.when),
      'Time zone',
      asText(about.timeZone),
      'Locale',
      asText(about.locale),
    ],
    [asText(summary), '', '', '', '', ''],
    ['', '', '', '', '', ''],
    HEADERS,
    ...result.mismatches.map(mismatchRow),
  ];
  return rows;
}
