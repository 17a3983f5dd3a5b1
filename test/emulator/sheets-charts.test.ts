// Embedded charts as a dashboard script builds them: what the chart holds after insert, update
// and remove, and the edits Sheets refuses or carries the chart through.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

const PROTECTED = 'You are trying to edit a protected cell or object.';

const revenueByCreator = [
  ['Creator', 'Revenue', 'Cost'],
  ['ana', 1200, 400],
  ['bo', 800, 500],
  ['cy', 300, 350],
];

function setup(options: Parameters<typeof createEmulator>[0] = {}) {
  const emulator = createEmulator({
    sheets: [{ name: 'Dashboard', values: revenueByCreator }, { name: 'Notes' }],
    ...options,
  });
  const { SpreadsheetApp, Charts } = emulator.services;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Dashboard') as GoogleAppsScript.Spreadsheet.Sheet;
  return { emulator, Charts, spreadsheet, sheet };
}

describe('a chart built on a sheet', () => {
  it('is inserted with its type, ranges, position and options', () => {
    const { emulator, Charts, sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B4'))
      .setPosition(2, 5, 10, 20)
      .setOption('title', 'Revenue by creator')
      .setOption('vAxis.format', '$#,##0')
      .setOption('colors', ['#1a73e8'])
      .setNumHeaders(1)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);

    expect(emulator.sheet('Dashboard').charts).toEqual([
      {
        id: 1,
        type: 'COLUMN',
        ranges: ['Dashboard!A1:B4'],
        anchor: { row: 2, column: 5, offsetX: 10, offsetY: 20 },
        options: {
          title: 'Revenue by creator',
          'vAxis.format': '$#,##0',
          colors: ['#1a73e8'],
        },
        numHeaders: 1,
        transposed: false,
      },
    ]);
    const [inserted] = sheet.getCharts();
    expect(inserted.getChartId()).toBe(1);
    expect(inserted.getOptions().get('title')).toBe('Revenue by creator');
    expect(inserted.getOptions().get('legend.position')).toBeNull();
    expect(inserted.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4']);
    const info = inserted.getContainerInfo();
    expect([
      info.getAnchorRow(),
      info.getAnchorColumn(),
      info.getOffsetX(),
      info.getOffsetY(),
    ]).toEqual([2, 5, 10, 20]);
    expect(inserted.getNumHeaders()).toBe(1);
  });

  it('maps typed builder setters onto the options Google documents', () => {
    const { emulator, Charts, sheet } = setup();
    const builder = sheet.newChart().asBarChart();
    builder
      .setTitle('Cost vs revenue')
      .setXAxisTitle('Amount')
      .setYAxisTitle('Creator')
      .setLegendPosition(Charts.Position.BOTTOM)
      .setColors(['#ff0000', '#00ff00'])
      .setStacked()
      .addRange(sheet.getRange('A1:C4'));
    expect(builder.getChartType()).toBe(Charts.ChartType.BAR);
    sheet.insertChart(builder.build());
    sheet.insertChart(
      sheet.newChart().asPieChart().set3D().addRange(sheet.getRange('A1:B4')).build(),
    );

    const [bar, pie] = emulator.sheet('Dashboard').charts;
    expect(bar.type).toBe('BAR');
    expect(bar.options).toEqual({
      title: 'Cost vs revenue',
      'hAxis.title': 'Amount',
      'vAxis.title': 'Creator',
      'legend.position': 'bottom',
      colors: ['#ff0000', '#00ff00'],
      isStacked: true,
    });
    expect(pie).toMatchObject({ type: 'PIE', options: { is3D: true } });
  });

  it('offers only the setters Apps Script has for each chart type', () => {
    const { sheet } = setup();
    const pie = sheet.newChart().asPieChart() as unknown as Record<string, unknown>;
    const line = sheet.newChart().asLineChart() as unknown as Record<string, unknown>;
    expect(pie.setXAxisTitle).toBeUndefined();
    expect(line.setStacked).toBeUndefined();
    expect(pie.setDimensions).toBeUndefined();
    expect(typeof line.setYAxisTitle).toBe('function');
  });

  it('refuses arguments that do not fit, as Apps Script does', () => {
    const { sheet } = setup();
    expect(() => sheet.newChart().setChartType('DONUT' as never)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
    );
    expect(() => sheet.newChart().addRange('A1:B2' as never)).toThrow(
      "don't match the method signature",
    );
    expect(() => sheet.newChart().addRange(sheet.getRange('A1:B2')).build()).toThrow('chart type');
  });

  it('adds a range once, removes it and clears them', () => {
    const { Charts, sheet } = setup();
    const builder = sheet.newChart().setChartType(Charts.ChartType.LINE);
    builder.addRange(sheet.getRange('A1:A4')).addRange(sheet.getRange('A1:A4'));
    builder.addRange(sheet.getRange('C1:C4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:A4', 'C1:C4']);
    builder.removeRange(sheet.getRange('A1:A4'));
    expect(builder.getRanges().map((r) => r.getA1Notation())).toEqual(['C1:C4']);
    expect(builder.clearRanges().getRanges()).toEqual([]);
  });
});

describe('updating and removing charts', () => {
  it('applies a modified chart to the same id', () => {
    const { emulator, Charts, sheet } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.LINE)
        .addRange(sheet.getRange('A1:B4'))
        .build(),
    );
    const [chart] = sheet.getCharts();
    const changed = chart
      .modify()
      .addRange(sheet.getRange('C1:C4'))
      .setOption('title', 'Updated')
      .setPosition(8, 1, 0, 0)
      .setTransposeRowsAndColumns(true)
      .build();
    expect(changed.getChartId()).toBe(chart.getChartId());
    sheet.updateChart(changed);

    const [view] = emulator.sheet('Dashboard').charts;
    expect(view).toEqual({
      id: chart.getChartId(),
      type: 'LINE',
      ranges: ['Dashboard!A1:B4', 'Dashboard!C1:C4'],
      anchor: { row: 8, column: 1, offsetX: 0, offsetY: 0 },
      options: { title: 'Updated' },
      numHeaders: -1,
      transposed: true,
    });
    expect(sheet.getCharts()[0].getTransposeRowsAndColumns()).toBe(true);
  });

  it('refuses to update or remove a chart that is no longer on the sheet', () => {
    const { emulator, Charts, sheet, spreadsheet } = setup();
    sheet.insertChart(
      sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B4')).build(),
    );
    const [chart] = sheet.getCharts();
    sheet.removeChart(chart);
    expect(emulator.sheet('Dashboard').charts).toEqual([]);
    const edited = chart.modify().setOption('title', 'late').build();
    expect(() => sheet.updateChart(edited)).toThrow('The chart does not exist on this sheet.');
    expect(() => sheet.removeChart(chart)).toThrow('The chart does not exist on this sheet.');

    sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B4')).build());
    const [other] = sheet.getCharts();
    const notes = spreadsheet.getSheetByName('Notes') as GoogleAppsScript.Spreadsheet.Sheet;
    expect(() => notes.updateChart(other)).toThrow('The chart does not exist on this sheet.');
  });

  it('gives every chart in the spreadsheet its own id', () => {
    const { Charts, sheet, spreadsheet } = setup();
    const notes = spreadsheet.getSheetByName('Notes') as GoogleAppsScript.Spreadsheet.Sheet;
    const build = () =>
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sheet.getRange('A1:B4'))
        .build();
    sheet.insertChart(build());
    notes.insertChart(build());
    sheet.insertChart(build());
    sheet.removeChart(sheet.getCharts()[0]);
    sheet.insertChart(build());
    const ids = [...sheet.getCharts(), ...notes.getCharts()].map((c) => c.getChartId());
    expect(ids).toEqual([3, 4, 2]);
  });
});

describe('charts are part of the sheet', () => {
  const team = { owner: 'owner@example.com', editors: ['va@example.com'] };

  it('refuses chart edits on a sheet the user may not edit, but allows a warning-only one', () => {
    const { emulator, Charts, sheet } = setup(team);
    const protection = sheet.protect();
    protection.removeEditors(protection.getEditors().map((user) => user.getEmail()));
    const va = emulator.sessionFor('va@example.com');
    const vaSheet = va.SpreadsheetApp.getActive().getSheetByName(
      'Dashboard',
    ) as GoogleAppsScript.Spreadsheet.Sheet;
    const chart = vaSheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(vaSheet.getRange('A1:B4'))
      .build();
    expect(() => vaSheet.insertChart(chart)).toThrow(PROTECTED);
    expect(emulator.sheet('Dashboard').charts).toEqual([]);

    protection.setWarningOnly(true);
    vaSheet.insertChart(chart);
    expect(emulator.sheet('Dashboard').charts).toHaveLength(1);
  });

  it('goes with its sheet when the sheet is deleted', () => {
    const { Charts, sheet, spreadsheet } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sheet.getRange('A1:B4'))
        .build(),
    );
    spreadsheet.deleteSheet(sheet);
    expect(() => sheet.getCharts()).toThrow('This sheet has been deleted.');
    expect(() => sheet.newChart()).toThrow('This sheet has been deleted.');
  });

  it('follows inserted rows and a renamed sheet', () => {
    const { emulator, Charts, sheet } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType.COLUMN)
        .addRange(sheet.getRange('A1:B4'))
        .setPosition(6, 2, 0, 0)
        .build(),
    );
    sheet.insertRowsBefore(3, 2);
    sheet.insertColumnBefore(1);
    sheet.setName('Overview');
    const [chart] = emulator.sheet('Overview').charts;
    expect(chart.ranges).toEqual(['Overview!B1:C6']);
    expect(chart.anchor).toEqual({ row: 8, column: 3, offsetX: 0, offsetY: 0 });
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe('B1:C6');
  });

  it('counts chart calls like other service calls, and works from a bundle in the vm', () => {
    const { emulator } = setup();
    const script = emulator.load(
      emulator.services,
      `function addChart() {
        var sheet = SpreadsheetApp.getActive().getSheetByName('Dashboard');
        var chart = sheet.newChart().asColumnChart()
          .setTitle('Revenue and cost')
          .setLegendPosition(Charts.Position.RIGHT)
          .addRange(sheet.getRange('A1:C4'))
          .build();
        sheet.insertChart(chart);
        var options = sheet.getCharts()[0].getOptions();
        return [options.get('title'), options.get('legend.position'), sheet.getCharts()[0].getChartId()];
      }`,
    );
    emulator.calls.reset();
    expect(Array.from(script.call('addChart') as unknown[])).toEqual([
      'Revenue and cost',
      'right',
      1,
    ]);
    expect(emulator.calls.count('Sheet.insertChart')).toBe(1);
    expect(emulator.calls.count('EmbeddedColumnChartBuilder')).toBe(4);
    expect(emulator.calls.count('ChartOptions.get')).toBe(2);
  });
});
