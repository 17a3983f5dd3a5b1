// The sample tracker on scratch sheets: a scratch Rates sheet, the tracker exactly as
// createTracker lays it out (its rate lookups pointed at the scratch Rates), and the sample typed.
import { RATES_HEADERS, RATES_TABLE, rateTable } from '../money/money';
import type { TrackerOptions } from '../shared/api';
import { columnLetter, sheetRef } from '../sheet/formulas';
import { COLUMNS, type ColumnKey, isDerived } from '../tracker/columns';
import { FIRST_DATA_ROW, type TrackerLayout, trackerLayout } from '../tracker/layout';
import { SETTINGS, SETTINGS_ROW } from '../tracker/summary';
import { writeTracker } from '../tracker/write';
import type { Figure } from './figures';
import { SAMPLE_MARGIN, SAMPLE_RATES, type SampleRow } from './sample';
import type { Built, Scratch } from './scratch';
import { trackerFigures } from './tracker-figures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One campaign of the sample: its form, its typed rows, when it was made. */
export interface Campaign {
  /** The scratch sheet's kind, e.g. "Tracker". */
  kind: string;
  options: TrackerOptions;
  rows: readonly SampleRow[];
  createdAt: string;
}

export function buildRates(scratch: Scratch): void {
  writeRates(scratch.sheet('Rates'));
}

function writeRates(sheet: Sheet): void {
  const rows = SAMPLE_RATES.map((r) => [r.currency, Number.isFinite(r.rate) ? r.rate : '', r.date]);
  sheet.getRange(1, 1, rows.length + 1, 3).setValues([[...RATES_HEADERS], ...rows]);
}

/** The layout with the Rates lookups on the scratch Rates sheet and the sample's margin typed. */
function sampleLayout(options: TrackerOptions, ratesSheet: string): TrackerLayout {
  const layout = trackerLayout(options);
  const table = `${sheetRef(ratesSheet)}!$A$2:$B`;
  const cells = layout.values.cells.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? cell.split(RATES_TABLE).join(table) : cell)),
  );
  const margin = SETTINGS.findIndex((setting) => setting.key === 'grossMargin');
  cells[SETTINGS_ROW - 1][margin] = SAMPLE_MARGIN;
  return { ...layout, values: { ...layout.values, cells } };
}

/** [first, last] 0-based indexes of each run of consecutive input columns. */
function inputRuns(): [number, number][] {
  const runs: [number, number][] = [];
  COLUMNS.forEach((column, i) => {
    if (isDerived(column)) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** The sample typed into the input columns, one block per run (formulas fill the rest). */
function typeSample(sheet: Sheet, rows: readonly SampleRow[]): void {
  for (const [first, last] of inputRuns()) {
    const keys = COLUMNS.slice(first, last + 1).map((c) => c.key as ColumnKey);
    const cells = rows.map((row) => keys.map((key) => row[key] ?? ''));
    sheet.getRange(FIRST_DATA_ROW, first + 1, cells.length, keys.length).setValues(cells);
  }
}

/** Post dates read back as the days typed: dates in the spreadsheet's time zone. */
function dateFigures(rows: readonly SampleRow[]): Figure[] {
  const letter = columnLetter(COLUMNS.findIndex((c) => c.key === 'postDate') + 1);
  const figures: Figure[] = [];
  rows.forEach((row, i) => {
    if (row.postDate)
      figures.push({
        cell: `${letter}${FIRST_DATA_ROW + i}`,
        what: `Post date of ${row.handle} (the day typed)`,
        expected: String(row.postDate),
        kind: 'text',
      });
  });
  return figures;
}

/** A campaign's tracker, laid out as createTracker does, on a scratch sheet after the Rates. */
export function buildTracker(scratch: Scratch, campaign: Campaign): Built {
  const sheet = scratch.sheet(campaign.kind);
  const layout = sampleLayout(campaign.options, scratch.nameOf('Rates'));
  writeTracker(sheet, layout);
  typeSample(sheet, campaign.rows);
  const figures = trackerFigures({
    options: campaign.options,
    rows: campaign.rows,
    margin: SAMPLE_MARGIN,
    rates: rateTable(campaign.options.currency, SAMPLE_RATES),
  });
  return {
    kind: campaign.kind,
    sheet,
    rows: layout.rows,
    columns: layout.columns,
    figures: [...figures, ...dateFigures(campaign.rows)],
  };
}
