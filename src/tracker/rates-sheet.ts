// The "Rates" sheet the tracker's Rate columns look up: currency, rate to the reporting
// currency, date of the rate. Created once, when a tracker first needs it; the team keeps it.
import { type CellValue, RATES_HEADERS, RATES_SHEET, type RateRow } from '../money/money';
import type { DayOf } from '../sheet/dates';
import { buildRule } from '../sheet/drawing';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the new sheet offers; the tracker's lookup reads the column to its end, so more may be added. */
const RATE_ROWS = 20;

const NOTES = [
  'Currency code, e.g. EUR. The first row naming a currency is the one used.',
  'Reporting-currency units for 1 unit of this currency: with USD reporting, EUR 1.08 means EUR 1 = USD 1.08. Must be above 0; a currency with no rate is left out of totals. =GOOGLEFINANCE("CURRENCY:EURUSD") can fill it, but typing it works as well.',
  'When the rate was taken.',
];

/** The Rates sheet, created when missing; `created` says whether this call made it. */
export function ensureRatesSheet(spreadsheet: Spreadsheet): { sheet: Sheet; created: boolean } {
  const existing = spreadsheet.getSheetByName(RATES_SHEET);
  if (existing) return { sheet: existing, created: false };
  const sheet = spreadsheet.insertSheet(RATES_SHEET, spreadsheet.getNumSheets());
  // Set up once per spreadsheet, in as few calls as it takes to be usable: header, notes, formats, rule.
  const header = sheet.getRange(1, 1, 1, 3);
  header.setValues([[...RATES_HEADERS]]);
  header.setNotes([NOTES]);
  header.setFontWeights([['bold', 'bold', 'bold']]);
  sheet
    .getRange(2, 1, RATE_ROWS, 3)
    .setNumberFormats(
      Array.from({ length: RATE_ROWS }, () => [PLAIN_TEXT_FORMAT, '0.0000', 'yyyy-mm-dd']),
    );
  const positive = SpreadsheetApp.newDataValidation()
    .requireNumberGreaterThan(0)
    .setAllowInvalid(false)
    .setHelpText('A rate is a number above 0: reporting-currency units for 1 unit of the currency.')
    .build();
  sheet.getRange(2, 2, RATE_ROWS, 1).setDataValidation(positive);
  const currency = buildRule({
    kind: 'currency',
    cell: 'A2',
    help: 'A currency must be an ISO 4217 code such as EUR, GBP or BRL.',
  });
  sheet.getRange(2, 1, RATE_ROWS, 1).setDataValidation(currency);
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}

/** Rate rows from the "Rates" sheet's values below its header; blank rows are skipped. */
export function ratesFromValues(
  values: readonly (readonly CellValue[])[],
  dayOf: DayOf,
  firstRow = 2,
): RateRow[] {
  const rows: RateRow[] = [];
  values.forEach((cells, i) => {
    const currency = String(cells[0] ?? '').trim();
    if (!currency) return;
    const raw = cells[1];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const rate =
      typeof raw === 'number' ? raw : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
    const date = cells[2] instanceof Date ? dayOf(cells[2]) : String(cells[2] ?? '').trim();
    rows.push({ currency, rate, date, row: firstRow + i });
  });
  return rows;
}
