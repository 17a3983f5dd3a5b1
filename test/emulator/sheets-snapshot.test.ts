// Saving a workbook to JSON and opening it again gives back the same spreadsheet: what the
// person sees, what the script reads, and formulas that still compute.
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/sheets-emulator';
import { toSnapshot, type WorkbookSnapshot } from '../../emulator/sheets-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A small tracker built the way the add-on builds one: through the Apps Script services. */
function trackerWorkbook(): Emulator {
  const emulator = createEmulator({ sheets: [{ name: 'Tracker' }, { name: 'Lists' }] });
  const { SpreadsheetApp, PropertiesService, Charts } = emulator.services;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const tracker = spreadsheet.getSheetByName('Tracker') as Sheet;
  const lists = spreadsheet.getSheetByName('Lists') as Sheet;

  lists.getRange('A1:A3').setValues([['Instagram'], ['TikTok'], ['YouTube']]);
  tracker.getRange('A1:E1').setValues([['Creator', 'Revenue', 'Cost', 'ROI', 'Posted']]);
  tracker.getRange('A2:C3').setValues([
    ['ana', 1200, 400],
    ['bo', 800, 500],
  ]);
  tracker.getRange('D2:D3').setFormulas([['=(B2-C2)/C2'], ['=(B3-C3)/C3']]);
  tracker.getRange('E2').setValue(new Date(2026, 2, 14));
  tracker.getRange('B2:C3').setNumberFormat('"$"#,##0.00');
  tracker.getRange('D2:D3').setNumberFormat('0%');
  tracker.getRange('E2:E3').setNumberFormat('yyyy-mm-dd');
  tracker.getRange('A1:E1').setFontWeight('bold').setBackground('#cfe2f3');
  tracker.getRange('D1').setNote('Return on what the creator cost');
  tracker.setFrozenRows(1);
  tracker.setColumnWidth(1, 160);
  tracker.hideColumns(5);
  tracker.setTabColor('#ff9900');
  tracker.setHiddenGridlines(true);

  const platform = SpreadsheetApp.newDataValidation()
    .requireValueInList(['Instagram', 'TikTok', 'YouTube'])
    .setAllowInvalid(false)
    .setHelpText('Pick a platform')
    .build();
  tracker.getRange('F2:F3').setDataValidation(platform);
  const fromLists = SpreadsheetApp.newDataValidation()
    .requireValueInRange(lists.getRange('A1:A3'))
    .build();
  tracker.getRange('G2').setDataValidation(fromLists);

  const losing = SpreadsheetApp.newConditionalFormatRule()
    .whenNumberLessThan(0)
    .setBackground('#f4cccc')
    .setRanges([tracker.getRange('D2:D3')])
    .build();
  tracker.setConditionalFormatRules([losing]);

  tracker.getRange('D1:D3').protect().setDescription('Computed').setWarningOnly(true);
  spreadsheet.setNamedRange('Revenue', tracker.getRange('B2:B3'));
  tracker.insertChart(
    tracker
      .newChart()
      .asColumnChart()
      .setTitle('Revenue by creator')
      .setLegendPosition(Charts.Position.NONE)
      .addRange(tracker.getRange('A1:B3'))
      .setPosition(5, 2, 0, 0)
      .build(),
  );
  PropertiesService.getDocumentProperties().setProperties({ currency: 'USD', goal: '2' });
  PropertiesService.getScriptProperties().setProperty('schema', '3');
  return emulator;
}

function reopen(emulator: Emulator): Emulator {
  const saved = JSON.parse(JSON.stringify(toSnapshot(emulator)));
  return createEmulator({ snapshot: saved });
}

const sheetViews = (emulator: Emulator) =>
  emulator.sheetNames().map((name) => {
    const sheet = emulator.sheet(name);
    return {
      name,
      values: sheet.values('A1:G3'),
      formulas: sheet.formulas('A1:G3'),
      numberFormats: sheet.numberFormats('A1:G3'),
      notes: sheet.notes('A1:G3'),
      backgrounds: sheet.backgrounds('A1:G3'),
      validations: sheet.validations('A1:G3'),
      protections: sheet.protections,
      conditionalFormats: sheet.conditionalFormats,
      charts: sheet.charts,
      frozenRows: sheet.frozenRows,
      size: [sheet.maxRows, sheet.maxColumns],
      widths: [1, 2].map((col) => sheet.columnWidth(col)),
    };
  });

describe('a saved workbook opens as it was', () => {
  it('keeps values, formulas, formats, rules, protections, charts and properties', () => {
    const original = trackerWorkbook();
    const copy = reopen(original);

    expect(sheetViews(copy)).toEqual(sheetViews(original));
    expect(copy.sheet('Tracker').values('D2:E2')).toEqual([[2, new Date(2026, 2, 14)]]);
    expect(copy.sheet('Tracker').validations('F2')[0][0]).toEqual({
      criteria: 'VALUE_IN_LIST',
      args: [['Instagram', 'TikTok', 'YouTube'], true],
      allowInvalid: false,
      helpText: 'Pick a platform',
    });
    expect(copy.sheet('Tracker').validations('G2')[0][0]?.args).toEqual(['Lists!A1:A3', true]);
    expect(copy.sheet('Tracker').protections).toEqual([
      {
        type: 'RANGE',
        range: 'Tracker!D1:D3',
        description: 'Computed',
        warningOnly: true,
        editors: null,
      },
    ]);
    expect(copy.sheet('Tracker').charts).toEqual([
      {
        id: 1,
        type: 'COLUMN',
        ranges: ['Tracker!A1:B3'],
        anchor: { row: 5, column: 2, offsetX: 0, offsetY: 0 },
        options: { title: 'Revenue by creator', 'legend.position': 'none' },
        numHeaders: -1,
        transposed: false,
      },
    ]);
    expect(copy.documentProperties).toEqual({ currency: 'USD', goal: '2' });
    expect(toSnapshot(copy)).toEqual(toSnapshot(original));
  });

  it('is the same spreadsheet to a script: sheet ids, names, sharing and chart ids', () => {
    const original = trackerWorkbook();
    const copy = reopen(original);
    const { SpreadsheetApp, PropertiesService } = copy.services;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const tracker = spreadsheet.getSheetByName('Tracker') as Sheet;
    expect(spreadsheet.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual([
      ['Tracker', 0],
      ['Lists', 1],
    ]);
    expect(spreadsheet.getRangeByName('Revenue')?.getValues()).toEqual([[1200], [800]]);
    expect(tracker.isColumnHiddenByUser(5)).toBe(true);
    expect(tracker.getTabColor()).toBe('#ff9900');
    expect(tracker.hasHiddenGridlines()).toBe(true);
    expect((spreadsheet.getSheetByName('Lists') as Sheet).hasHiddenGridlines()).toBe(false);
    expect(tracker.getRange('A1').getFontWeight()).toBe('bold');
    expect(PropertiesService.getScriptProperties().getProperty('schema')).toBe('3');
    expect(spreadsheet.getOwner()?.getEmail()).toBe('owner@example.com');

    const newChart = tracker.newChart().asPieChart().addRange(tracker.getRange('A1:B3')).build();
    tracker.insertChart(newChart);
    expect(tracker.getCharts().map((c) => c.getChartId())).toEqual([1, 2]);
  });

  it('recomputes formulas and checks validation after a person types', () => {
    const copy = reopen(trackerWorkbook());
    copy.type('Tracker', 'B2', 2000);
    expect(copy.sheet('Tracker').values('D2')).toEqual([[4]]);
    expect(copy.warnings).toHaveLength(0);
    copy.type('Tracker', 'C3', 1000);
    expect(copy.formatOf('Tracker', 'D3')).toEqual({ background: '#f4cccc' });
    copy.type('Tracker', 'D1', 'Return');
    expect(copy.warnings.map((w) => w.message)).toEqual([
      'Editing protected range Tracker!D1:D3 (Computed)',
    ]);
    expect(() => copy.type('Tracker', 'F2', 'Myspace')).toThrow('Pick a platform');
    copy.type('Tracker', 'F2', 'TikTok');
    expect(copy.sheet('Tracker').values('F2')).toEqual([['TikTok']]);
  });
});

describe('a file that is not a saved workbook', () => {
  const saved = () => JSON.parse(JSON.stringify(toSnapshot(trackerWorkbook()))) as WorkbookSnapshot;
  const refusal = (snapshot: unknown) => () => createEmulator({ snapshot });

  it('is refused with the field that is wrong', () => {
    expect(refusal([])).toThrow('Invalid workbook snapshot: snapshot must be an object');
    expect(refusal({ ...saved(), version: 2 })).toThrow(
      'Invalid workbook snapshot: version must be 1 (found 2)',
    );
    const { sheets: _, ...noSheets } = saved();
    expect(refusal(noSheets)).toThrow('Invalid workbook snapshot: sheets must be an array');

    const badRow = saved();
    (badRow.sheets[0].cells[0] as { row: unknown }).row = '1';
    expect(refusal(badRow)).toThrow(
      'Invalid workbook snapshot: sheets[0].cells[0].row must be a whole number >= 1',
    );
    const badArea = saved();
    badArea.namedRanges[0].area.sheet = 'Gone';
    expect(refusal(badArea)).toThrow(
      'Invalid workbook snapshot: namedRanges[0].area.sheet names no sheet of the workbook ("Gone")',
    );
    const badDate = saved();
    const posted = badDate.sheets[0].cells.find((c) => c.row === 2 && c.col === 5);
    if (posted) posted.value = { $date: 'someday' };
    expect(refusal(badDate)).toThrow(
      'Invalid workbook snapshot: sheets[0].cells[9].value.$date must be an ISO date',
    );
  });

  it('is refused whole, even when only the last field is wrong', () => {
    const lastWrong = { ...saved(), scriptProperties: { schema: 3 } };
    expect(refusal(lastWrong)).toThrow(
      'Invalid workbook snapshot: scriptProperties.schema must be a string',
    );
    expect(() => createEmulator({ snapshot: saved(), sheets: [{ name: 'Sheet1' }] })).toThrow(
      'not both',
    );
  });
});
