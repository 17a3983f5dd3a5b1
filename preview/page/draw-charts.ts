// Embedded charts, drawn with chart.js where the script anchored them.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartDataset,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from 'chart.js';
import type { ChartView, SheetView } from '../contract';
import { el } from './dom';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
);

/** Google Sheets' default series colours. */
const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
  '#f07b72',
];

/** An option set either flat ("hAxis.title", as setOption writes it) or nested ({ hAxis: { title } }). */
export function chartOption(options: Record<string, unknown>, path: string): unknown {
  if (path in options) return options[path];
  let value: unknown = options;
  for (const key of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function colours(options: Record<string, unknown>): string[] {
  const given = chartOption(options, 'colors');
  const list = Array.isArray(given) ? given.filter((c): c is string => typeof c === 'string') : [];
  return list.length > 0 ? list : PALETTE;
}

/** Tick labels in the axis format: "percent" or "#%" as percentages, "$" formats as money. */
function tickFormatter(format: unknown): ((value: number | string) => string) | undefined {
  const pattern = text(format);
  if (!pattern) return undefined;
  if (pattern === 'percent' || pattern.includes('%')) {
    return (value) => `${Math.round(Number(value) * 1000) / 10}%`;
  }
  if (pattern === 'currency' || pattern.includes('$')) {
    return (value) => `$${Number(value).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  }
  return (value) => Number(value).toLocaleString('en-US');
}

function legendPosition(
  options: Record<string, unknown>,
  fallback: 'top' | 'right',
): 'top' | 'bottom' | 'left' | 'right' | 'none' {
  const raw = chartOption(options, 'legend.position') ?? chartOption(options, 'legend');
  const position = text(raw);
  if (
    position === 'none' ||
    position === 'top' ||
    position === 'bottom' ||
    position === 'left' ||
    position === 'right'
  ) {
    return position;
  }
  return fallback;
}

function axis(title: string, format: unknown) {
  const callback = tickFormatter(format);
  return {
    title: { display: title !== '', text: title, color: '#5f6368' },
    grid: { color: '#e8eaed' },
    ticks: { color: '#5f6368', ...(callback ? { callback } : {}) },
  };
}

/** The chart.js configuration for one ChartView; unknown types (COMBO, TABLE, ...) draw as columns. */
export function chartConfig(view: ChartView): ChartConfiguration {
  const { options } = view;
  const palette = colours(options);
  const title = view.title || text(chartOption(options, 'title'));
  const xTitle = text(chartOption(options, 'hAxis.title'));
  const yTitle = text(chartOption(options, 'vAxis.title'));
  const type = view.type.toUpperCase();
  const plugins = (fallback: 'top' | 'right') => {
    const position = legendPosition(options, fallback);
    return {
      title: {
        display: title !== '',
        text: title,
        align: 'start' as const,
        color: '#202124',
        font: { size: 14, weight: 'normal' as const },
      },
      legend: {
        display: position !== 'none',
        position: position === 'none' ? ('top' as const) : position,
        labels: { boxWidth: 12, color: '#3c4043' },
      },
    };
  };
  const base = { responsive: true, maintainAspectRatio: false, animation: false as const };

  if (type === 'PIE') {
    const series = view.series[0] ?? { name: '', values: [] };
    return {
      type: 'pie',
      data: {
        labels: view.labels,
        datasets: [
          {
            label: series.name,
            data: series.values.map((value) => value ?? 0),
            backgroundColor: view.labels.map((_, i) => palette[i % palette.length]),
            borderColor: '#fff',
          },
        ],
      },
      options: { ...base, plugins: plugins('right') },
    };
  }

  if (type === 'SCATTER') {
    const xs = view.labels.map((label, i) => {
      const number = Number(label);
      return label !== '' && Number.isFinite(number) ? number : i + 1;
    });
    return {
      type: 'scatter',
      data: {
        datasets: view.series.map((series, i) => ({
          label: series.name,
          data: series.values.flatMap((y, row) => (y === null ? [] : [{ x: xs[row], y }])),
          backgroundColor: palette[i % palette.length],
          borderColor: palette[i % palette.length],
        })),
      },
      options: {
        ...base,
        plugins: plugins('top'),
        scales: {
          x: { ...axis(xTitle, chartOption(options, 'hAxis.format')), type: 'linear' as const },
          y: axis(yTitle, chartOption(options, 'vAxis.format')),
        },
      },
    };
  }

  const line = type === 'LINE' || type === 'AREA';
  const horizontal = type === 'BAR';
  const datasets = view.series.map((series, i): ChartDataset<'bar' | 'line'> => {
    const colour = palette[i % palette.length];
    // Google Charts' per-series options: lineWidth 0 draws points only, pointSize their size.
    const lineWidth = chartOption(options, `series.${i}.lineWidth`);
    const pointSize = Number(chartOption(options, `series.${i}.pointSize`));
    return line
      ? {
          type: 'line',
          label: series.name,
          data: series.values,
          borderColor: colour,
          backgroundColor: type === 'AREA' ? `${colour}55` : colour,
          fill: type === 'AREA',
          showLine: lineWidth !== 0,
          pointRadius: pointSize > 0 ? pointSize / 2 : 2,
          tension: 0,
        }
      : {
          type: 'bar',
          label: series.name,
          data: series.values,
          backgroundColor: colour,
          borderColor: colour,
        };
  });
  return {
    type: line ? 'line' : 'bar',
    data: { labels: view.labels, datasets },
    options: {
      ...base,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: plugins('top'),
      // hAxis is the horizontal one whatever the chart type: the values of a BAR chart, else
      // the categories (labelled as the cells show them, so no number format applies).
      scales: {
        x: axis(xTitle, horizontal ? chartOption(options, 'hAxis.format') : undefined),
        y: {
          ...axis(yTitle, horizontal ? undefined : chartOption(options, 'vAxis.format')),
          beginAtZero: !line,
        },
      },
    },
  } as ChartConfiguration;
}

interface Drawn {
  key: string;
  box: HTMLElement;
  chart: Chart;
}

/** Where a chart sits, in pixels from the grid's top left cell corner. */
export type Placement = (anchor: ChartView['anchor']) => { left: number; top: number };

/** The charts of the shown sheet; a chart whose data did not change is left as drawn. */
export class ChartLayer {
  private drawn = new Map<string, Drawn>();

  constructor(private readonly layer: HTMLElement) {}

  show(sheet: SheetView, place: Placement): void {
    const keep = new Set<string>();
    for (const view of sheet.charts) {
      const id = `${sheet.name}\u0000${view.id}`;
      keep.add(id);
      const { left, top } = place(view.anchor);
      const key = JSON.stringify(view);
      const old = this.drawn.get(id);
      if (old && old.key === key) {
        this.position(old.box, left, top, view);
        continue;
      }
      if (old) this.remove(id, old);
      const canvas = el('canvas', {
        attrs: { role: 'img', 'aria-label': view.title || `${view.type} chart` },
      });
      const box = el(
        'div',
        { className: 'chart', attrs: { 'data-chart-type': view.type, 'data-chart-id': view.id } },
        el('div', { className: 'chart-canvas' }, canvas),
      );
      this.position(box, left, top, view);
      this.layer.append(box);
      this.drawn.set(id, { key, box, chart: new Chart(canvas, chartConfig(view)) });
    }
    for (const [id, old] of this.drawn) if (!keep.has(id)) this.remove(id, old);
  }

  private position(box: HTMLElement, left: number, top: number, view: ChartView): void {
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    box.style.width = `${view.width}px`;
    box.style.height = `${view.height}px`;
  }

  private remove(id: string, old: Drawn): void {
    old.chart.destroy();
    old.box.remove();
    this.drawn.delete(id);
  }
}
