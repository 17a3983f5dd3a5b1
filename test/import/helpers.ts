// Reads a fixture the way the server will: strip the BOM and sniff on the text, then parse
// (csv-parse standing in for Apps Script's Utilities.parseCsv), then the pure import modules.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { type DetectOptions, readReport } from '../../src/import/detect';
import type { AggregateOptions, SalesReport } from '../../src/import/recognize';
import { prepareText } from '../../src/import/text';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Text to rows as Utilities.parseCsv would give them (strings, ragged rows allowed). */
export function parseText(text: string): { rows: string[][]; decimalComma: boolean } {
  const prepared = prepareText(text);
  const rows: string[][] = parse(prepared.text, {
    delimiter: prepared.separator,
    relax_column_count: true,
  });
  return { rows, decimalComma: prepared.decimalComma };
}

export function read(
  text: string,
  options: DetectOptions & Partial<AggregateOptions> = {},
): ReturnType<typeof readReport> {
  const { rows, decimalComma } = parseText(text);
  return readReport(rows, { decimalComma, ...options });
}

/** A report that feeds the tracker, or a failed test. */
export function sales(text: string, options: DetectOptions & Partial<AggregateOptions> = {}) {
  const { report, detection } = read(text, options);
  if (report.target !== 'tracker') throw new Error(`expected a sales report, got ${report.kind}`);
  return { report: report as SalesReport, detection };
}

/** Per key totals of a report, keyed by the key's upper-case text, for compact assertions. */
export function byKey(report: SalesReport) {
  const totals: Record<string, Record<string, number>> = {};
  for (const entry of report.entries) {
    const key = entry.key.toUpperCase();
    const sum = totals[key] ?? {};
    totals[key] = sum;
    for (const [measure, value] of Object.entries(entry.values))
      sum[measure] = Math.round(((sum[measure] ?? 0) + (value ?? 0)) * 100) / 100;
  }
  return totals;
}

/** Hand arithmetic on amounts, in whole cents so the expected value has no float noise. */
export function cents(...amounts: number[]): number {
  return amounts.reduce((total, amount) => total + Math.round(amount * 100), 0) / 100;
}
