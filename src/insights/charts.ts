// The dashboard's charts as data: what EmbeddedChartBuilder is told (type, ranges, where, and
// options for titles, axis titles and number formats). The writer only translates.
import type { ChartSpec } from '../sheet/drawing';
import { areaA1 } from '../sheet/formulas';

export interface Area {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const a1 = (area: Area) => areaA1(area.row, area.column, area.rows, area.columns);

/** An axis format for amounts: the currency's symbol where Sheets' charts know it. */
export function moneyAxis(currency: string): string {
  return currency === 'USD' ? '$#,##0' : '#,##0';
}

function amount(currency: string): string {
  return currency || 'USD';
}

export function platformChart(
  area: Area,
  at: { row: number; column: number },
  currency: string,
  height: number,
) {
  return {
    type: 'COLUMN',
    ranges: [a1(area)],
    ...at,
    width: 640,
    height,
    options: {
      title: 'Spend and revenue by platform',
      'hAxis.title': 'Platform',
      'vAxis.title': `Amount (${amount(currency)})`,
      'vAxis.format': moneyAxis(currency),
      'legend.position': 'bottom',
    },
  } satisfies ChartSpec as ChartSpec;
}

export function creatorChart(labels: Area, values: Area, at: { row: number; column: number }) {
  return {
    type: 'BAR',
    ranges: [a1(labels), a1(values)],
    ...at,
    width: 640,
    height: 420,
    options: {
      title: 'ROI by creator',
      'hAxis.title': 'ROI',
      'vAxis.title': 'Creator',
      'hAxis.format': '0%',
      'legend.position': 'none',
    },
  } satisfies ChartSpec as ChartSpec;
}

export function dailyChart(
  area: Area,
  at: { row: number; column: number },
  currency: string,
  height: number,
) {
  return {
    type: 'LINE',
    ranges: [a1(area)],
    ...at,
    width: 640,
    height,
    options: {
      title: 'Daily sales, post days marked',
      'hAxis.title': 'Day',
      'vAxis.title': `Sales (${amount(currency)})`,
      'vAxis.format': moneyAxis(currency),
      'hAxis.format': 'MMM d',
      // The second series (post days) as points only.
      series: { 1: { lineWidth: 0, pointSize: 7 } },
      'legend.position': 'bottom',
    },
  } satisfies ChartSpec as ChartSpec;
}
