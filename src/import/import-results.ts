// "Import results": previewImport shows what a report would change, applyImport checks and
// computes everything again under the document lock, then writes the ledger, the tracker (or
// the daily sales) in blocks, putting everything back if a write fails midway.
import { InputError, messageOf } from '../apps/errors';
import { withDocumentLock } from '../apps/lock';
import {
  documentProperties,
  readImportSettings,
  readTrackers,
  saveImportSettings,
} from '../apps/properties';
import type { DateOrder, ImportApplied, ImportPreview } from '../shared/api';
import { daysOf } from '../sheet/dates';
import { PLAIN_TEXT_FORMAT } from '../sheet/literal';
import {
  DAILY_SALES_HEADERS,
  fromDailySalesRows,
  mergeDailySales,
  type StoredDay,
  toDailySalesRows,
} from './daily-sales';
import { type Detection, detectReport, familyOf } from './detect';
import { parseCsvOrSay, readColumnsFile } from './file-columns';
import { ImportError } from './import-error';
import {
  addMissingColumns,
  DAILY_SALES_SHEET,
  LEDGER_SHEET,
  type LoadedTracker,
  loadTracker,
  readLedger,
  readStoredTable,
  type StoredLedger,
  Undo,
  writeLedger,
  writeStoredTable,
  writeTrackerCells,
} from './import-sheets';
import { chooseStore, type LedgerEntry } from './ledger';
import type { DailySalesReport, Mapping, Report, SalesReport } from './recognize';
import { type CheckedRequest, checkImportRequest } from './request';
import { locateHeader, prepareText, toTable } from './text';
import { detectDecimalComma } from './values';
import { planTrackerImport, revenueColumn, type TrackerPlan, visibleMapping } from './write-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface ReadRows {
  rows: string[][];
  decimalComma: boolean;
  from: string;
  /** Known when a big file came as its columns: its header row and every header it has. */
  headerIndex?: number;
  headers?: string[];
}

/** The report's rows as strings: a file parsed here (never in the page), or a tab's display values. */
function readRows(spreadsheet: Spreadsheet, request: CheckedRequest): ReadRows {
  const file = request.file;
  if (file && 'records' in file)
    return { ...readColumnsFile(file, request.mapping as Mapping), from: file.fileName };
  if (file) {
    const prepared = prepareText(file.csv);
    const rows = parseCsvOrSay(
      prepared,
      "This file can't be read as CSV: a quoted field never closes. Download the report again as CSV.",
    );
    return { rows, decimalComma: prepared.decimalComma, from: file.fileName };
  }
  const name = request.sourceSheet ?? '';
  const own = [LEDGER_SHEET, DAILY_SALES_SHEET, request.sheetName];
  if (own.includes(name))
    throw new InputError(`"${name}" is not a report: pick the tab where the export was pasted.`);
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new InputError(`There is no tab named "${name}" any more. Pick it again.`);
  if (readTrackers(documentProperties()).has(sheet.getSheetId()))
    throw new InputError(
      `"${name}" is a tracker, not a report: pick the tab where the export was pasted.`,
    );
  const rows = sheet.getDataRange().getDisplayValues();
  return { rows, decimalComma: detectDecimalComma(rows.slice(0, 30)), from: name };
}

interface Read {
  detection: Detection;
  report: Report | null;
  /** The question the file leaves open, when it does. */
  needs: 'dateOrder' | 'keyColumn' | null;
  question: string;
  headers: string[];
  from: string;
  rowCount: number;
}

/** Recognition and aggregation; in a preview, an open question is returned instead of thrown. */
function recognise(
  spreadsheet: Spreadsheet,
  request: CheckedRequest,
  preview: boolean,
  trackerLinks: () => readonly string[],
): Read {
  const { rows, decimalComma, from, headerIndex, headers } = readRows(spreadsheet, request);
  const mapping = request.mapping as Mapping;
  let detection: Detection;
  try {
    detection = detectReport(rows, { mapping, trackerLinks, headerIndex });
  } catch (error) {
    if (!preview || !(error instanceof ImportError) || error.reason !== 'noKeyColumn') throw error;
    const table = toTable(rows, headerIndex ?? locateHeader(rows));
    return {
      detection: {
        kind: 'generic',
        label: 'CSV',
        confidence: 0,
        mapping,
        dateOrder: 'none',
        table,
      },
      report: null,
      needs: 'keyColumn',
      question: error.message,
      headers: headers ?? table.headers,
      from,
      rowCount: table.rows.length,
    };
  }
  const base = {
    detection,
    headers: headers ?? detection.table.headers,
    from,
    rowCount: detection.table.rows.length,
  };
  const aggregate = (dateOrder: DateOrder | undefined) =>
    familyOf(detection.kind).aggregate(detection.table, detection.mapping, {
      decimalComma,
      dateOrder,
      statuses: request.statuses,
    });
  try {
    return { ...base, report: aggregate(request.dateOrder), needs: null, question: '' };
  } catch (error) {
    const dates =
      error instanceof ImportError &&
      (error.reason === 'ambiguousDates' || error.reason === 'mixedDates');
    if (!preview || !dates) throw error;
    // The question doesn't hide the rest: the preview reads the dates month first meanwhile
    // (day first when that can't read them), and updates when the user answers.
    for (const provisional of ['mdy', 'dmy'] as const) {
      try {
        const report = aggregate(provisional);
        const reading = `Until you choose, the preview reads them ${provisional === 'mdy' ? 'month' : 'day'} first.`;
        return { ...base, report, needs: 'dateOrder', question: `${error.message} ${reading}` };
      } catch {
        // Try the other order.
      }
    }
    return { ...base, report: null, needs: 'dateOrder', question: error.message };
  }
}

/** "2025-06-30 14:02" in the spreadsheet's time zone: text order is time order. */
function now(spreadsheet: Spreadsheet): string {
  return Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
}

function trackerSheet(spreadsheet: Spreadsheet, name: string) {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet)
    throw new InputError(`There is no sheet named "${name}" any more. Pick a tracker again.`);
  return sheet;
}

interface Planned {
  preview: ImportPreview;
  apply?: (undo: Undo) => ImportApplied['written'];
}

function basePreview(request: CheckedRequest, read: Read, bonusRate: number): ImportPreview {
  const { detection, report } = read;
  return {
    sheetName: request.sheetName,
    from: read.from,
    reportType: detection.kind,
    reportLabel: report?.label ?? detection.label,
    target: report?.target ?? (detection.kind === 'businessReport' ? 'dailySales' : 'tracker'),
    headers: read.headers,
    mapping: visibleMapping(detection.mapping),
    rows: report?.rows ?? read.rowCount,
    dateRange: report?.dateRange ?? null,
    currency: report?.currency ?? null,
    revenueColumn: revenueColumn(detection.kind, detection.mapping),
    needsDateOrder: read.needs === 'dateOrder',
    needsKeyColumn: read.needs === 'keyColumn',
    changes: [],
    unmatched: [],
    conflicts: [],
    withoutData: [],
    halo: [],
    bonusRate,
    dailySales: null,
    warnings: [...(read.question ? [read.question] : []), ...(report?.warnings ?? [])],
    store: request.store ?? '',
    stores: [],
    storeQuestion: '',
    statuses: report?.target === 'tracker' ? report.statuses : [],
    needsStatuses:
      report?.target === 'tracker' && report.statuses.some((status) => status.counts === null),
    unchanged: false,
  };
}

const DAILY_FORMATS = [PLAIN_TEXT_FORMAT, '#,##0', '#,##0.00', PLAIN_TEXT_FORMAT];

function planTracker(
  spreadsheet: Spreadsheet,
  preview: ImportPreview,
  report: SalesReport,
  request: CheckedRequest,
  bonusRate: number,
  tracker: LoadedTracker,
): Planned {
  const trackerId = String(tracker.sheet.getSheetId());
  const stored: StoredLedger = readLedger(spreadsheet, daysOf(spreadsheet));
  const ledger: LedgerEntry[] = stored.read.entries;
  const choice = chooseStore(ledger, report, trackerId, request.store);
  const plan: TrackerPlan = planTrackerImport({
    report,
    ledger,
    header: stored.read.header,
    tracker: trackerId,
    store: choice.store,
    rows: tracker.rows,
    cells: tracker.cells,
    importedAt: now(spreadsheet),
    bonusRate,
  });
  const warnings = [...preview.warnings, ...plan.warnings];
  if (report.currency && tracker.currency && report.currency !== tracker.currency)
    warnings.push(
      `The report is in ${report.currency} and the tracker in ${tracker.currency}: amounts are ` +
        'written as the report gives them, without conversion.',
    );
  if (plan.conflicts.length > 0)
    warnings.push(
      `${plan.conflicts.length} code(s) belong to more than one influencer: their numbers are ` +
        'not written. Give each influencer their own code or link.',
    );
  const result: ImportPreview = {
    ...preview,
    changes: plan.changes,
    unmatched: plan.unmatched,
    conflicts: plan.conflicts,
    withoutData: plan.withoutData,
    halo: plan.halo,
    warnings,
    store: choice.question ? '' : choice.store,
    stores: choice.stores,
    storeQuestion: choice.question,
    unchanged: !plan.ledgerChanged && plan.changes.length === 0,
  };
  return {
    preview: result,
    apply(undo) {
      if (plan.ledgerChanged)
        writeLedger(
          spreadsheet,
          stored,
          {
            header: plan.header,
            removed: plan.removed,
            added: plan.added,
            active: () => tracker.sheet,
          },
          undo,
        );
      const columnsAdded = plan.writes.size > 0 ? addMissingColumns(tracker, undo) : [];
      const cells = writeTrackerCells(tracker, plan.writes, undo);
      return {
        cells,
        columnsAdded,
        ledgerAdded: plan.added.length,
        ledgerReplaced: plan.removed.length,
        dailySalesDays: 0,
      };
    },
  };
}

function planDailySales(
  spreadsheet: Spreadsheet,
  preview: ImportPreview,
  report: DailySalesReport,
): Planned {
  const stored = readStoredTable(spreadsheet, DAILY_SALES_SHEET);
  const days: StoredDay[] = fromDailySalesRows(
    stored.rows.map((row) => row.slice(0, DAILY_SALES_HEADERS.length)),
    daysOf(spreadsheet),
  );
  const merged = mergeDailySales(days, report);
  const replaced = days.length - (merged.length - report.days.length);
  const unchanged = JSON.stringify(merged) === JSON.stringify(days);
  return {
    preview: {
      ...preview,
      dailySales: { days: report.days.length, replaced },
      unchanged,
    },
    apply(undo) {
      if (!unchanged)
        writeStoredTable(
          spreadsheet,
          stored,
          {
            name: DAILY_SALES_SHEET,
            hidden: false,
            rows: toDailySalesRows(merged),
            formats: DAILY_FORMATS,
            active: () => spreadsheet.getActiveSheet(),
          },
          undo,
        );
      return {
        cells: 0,
        columnsAdded: [],
        ledgerAdded: 0,
        ledgerReplaced: 0,
        dailySalesDays: unchanged ? 0 : report.days.length,
      };
    },
  };
}

function plan(request: CheckedRequest, preview: boolean): Planned {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readImportSettings(documentProperties());
  const bonusRate = request.bonusRate ?? settings.bonusRate;
  const dayOf = daysOf(spreadsheet);
  // The tracker is read once, when first needed (a link column to check, or the plan).
  let loaded: LoadedTracker | undefined;
  const tracker = () => {
    if (!loaded) loaded = loadTracker(trackerSheet(spreadsheet, request.sheetName), dayOf);
    return loaded;
  };
  const read = recognise(spreadsheet, request, preview, () =>
    tracker().rows.map((row) => row.link),
  );
  const base = basePreview(request, read, bonusRate);
  if (!read.report) return { preview: base };
  if (read.report.target === 'dailySales') return planDailySales(spreadsheet, base, read.report);
  return planTracker(spreadsheet, base, read.report, request, bonusRate, tracker());
}

/** Sidebar: what importing a sales report would change in a tracker, without writing anything. */
export function previewImport(input: unknown): ImportPreview {
  return plan(checkImportRequest(input), true).preview;
}

/** Sidebar: imports a sales report into a tracker (or the daily sales); checks everything again. */
export function applyImport(input: unknown): ImportApplied {
  const request = checkImportRequest(input);
  return withDocumentLock(() => {
    const planned = plan(request, false);
    // Nothing is replaced unasked: the store question is answered before anything is written.
    if (planned.preview.storeQuestion) throw new InputError(planned.preview.storeQuestion);
    const open = planned.preview.statuses.filter((status) => status.counts === null);
    if (open.length > 0)
      throw new InputError(
        `Choose whether these statuses count before applying: ${open.map((status) => `"${status.value}"`).join(', ')}.`,
      );
    const undo = new Undo();
    let written: ImportApplied['written'];
    try {
      written = planned.apply?.(undo) ?? {
        cells: 0,
        columnsAdded: [],
        ledgerAdded: 0,
        ledgerReplaced: 0,
        dailySalesDays: 0,
      };
      if (request.bonusRate !== undefined)
        saveImportSettings(documentProperties(), { bonusRate: request.bonusRate });
    } catch (error) {
      const failed = undo.run();
      throw new Error(
        failed === 0
          ? `The import stopped midway and everything it wrote was put back, so nothing changed. ${messageOf(error)}`
          : `The import stopped midway and ${failed} block(s) could not be put back: check the tracker and the "${LEDGER_SHEET}" sheet. ${messageOf(error)}`,
      );
    }
    return { ...planned.preview, written };
  });
}
