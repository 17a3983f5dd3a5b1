// Embedded charts: the Charts enums, the chart builders a Sheet hands out (typed builders map
// their setters onto Google Charts options, as Apps Script does), the EmbeddedChart objects they
// build, and the Sheet methods that insert, update and remove them.

import { rangeArea } from './sheets-areas';
import type { Ctx } from './sheets-context';
import type { ChartModel, SheetModel } from './sheets-model';
import { type Session, signatureError, unwrap } from './sheets-session';
import { isDate } from './sheets-values';

const enumOf = <T extends string>(...names: T[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);

export const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);
export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);

/** The global `Charts` service: only the enums embedded charts need. */
export function chartsService(session: Session) {
  return session.wrap('Charts', 'Charts', {
    ChartType,
    Position,
    ChartMergeStrategy,
    ChartHiddenDimensionStrategy,
  });
}

// ---- typed builders: what each setter writes into the options ----

type Options = Record<string, unknown>;
type Kind = 'string' | 'number' | 'boolean' | 'strings' | 'position' | 'paging';

const FITS: Record<Kind, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  strings: (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
  position: (v) => typeof v === 'string' && v in Position,
  paging: (v) => typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
};

/** Bar charts lay their values along the horizontal axis; the others along the vertical one. */
const valueAxis = (type: string) => (type === 'BAR' ? 'hAxis' : 'vAxis');
const domainAxis = (type: string) => (type === 'BAR' ? 'vAxis' : 'hAxis');

interface Setter {
  kinds: Kind[];
  /** Fewer arguments than kinds are accepted down to this many (default: all). */
  required?: number;
  options: (args: unknown[], type: string) => Options;
}

const SETTERS: Record<string, Setter> = {
  setTitle: { kinds: ['string'], options: ([title]) => ({ title }) },
  setXAxisTitle: { kinds: ['string'], options: ([title]) => ({ 'hAxis.title': title }) },
  setYAxisTitle: { kinds: ['string'], options: ([title]) => ({ 'vAxis.title': title }) },
  setLegendPosition: {
    kinds: ['position'],
    options: ([position]) => ({ 'legend.position': String(position).toLowerCase() }),
  },
  setColors: { kinds: ['strings'], options: ([colors]) => ({ colors: copyValue(colors) }) },
  setBackgroundColor: { kinds: ['string'], options: ([color]) => ({ backgroundColor: color }) },
  setStacked: { kinds: [], options: () => ({ isStacked: true }) },
  set3D: { kinds: [], options: () => ({ is3D: true }) },
  reverseCategories: {
    kinds: [],
    options: (_, type) => ({ [`${domainAxis(type)}.direction`]: -1 }),
  },
  reverseDirection: { kinds: [], options: () => ({ 'hAxis.direction': -1 }) },
  useLogScale: { kinds: [], options: (_, type) => ({ [`${valueAxis(type)}.logScale`]: true }) },
  setRange: {
    kinds: ['number', 'number'],
    options: ([min, max], type) => axisRange(valueAxis(type), min, max),
  },
  setXAxisLogScale: { kinds: [], options: () => ({ 'hAxis.logScale': true }) },
  setYAxisLogScale: { kinds: [], options: () => ({ 'vAxis.logScale': true }) },
  setXAxisRange: {
    kinds: ['number', 'number'],
    options: ([min, max]) => axisRange('hAxis', min, max),
  },
  setYAxisRange: {
    kinds: ['number', 'number'],
    options: ([min, max]) => axisRange('vAxis', min, max),
  },
  enableSorting: {
    kinds: ['boolean'],
    options: ([on]) => ({ sort: on ? 'enable' : 'disable' }),
  },
  enablePaging: {
    kinds: ['paging', 'number'],
    options: ([paging, startPage]) =>
      typeof paging === 'boolean'
        ? { page: paging ? 'enable' : 'disable' }
        : { page: 'enable', pageSize: paging, ...(startPage === undefined ? {} : { startPage }) },
  },
  enableRtlTable: { kinds: ['boolean'], options: ([on]) => ({ rtlTable: on }) },
  setFirstRowNumber: { kinds: ['number'], options: ([n]) => ({ firstRowNumber: n }) },
  setInitialSortingAscending: {
    kinds: ['number'],
    options: ([column]) => ({ sortColumn: column, sortAscending: true }),
  },
  setInitialSortingDescending: {
    kinds: ['number'],
    options: ([column]) => ({ sortColumn: column, sortAscending: false }),
  },
  showRowNumberColumn: { kinds: ['boolean'], options: ([on]) => ({ showRowNumber: on }) },
  useAlternatingRowStyle: {
    kinds: ['boolean'],
    options: ([on]) => ({ alternatingRowStyle: on }),
  },
};

function axisRange(axis: string, min: unknown, max: unknown): Options {
  return { [`${axis}.viewWindow.min`]: min, [`${axis}.viewWindow.max`]: max };
}

const AXIS_SETTERS = [
  'reverseCategories',
  'setBackgroundColor',
  'setColors',
  'setLegendPosition',
  'setRange',
  'setTitle',
  'setXAxisTitle',
  'setYAxisTitle',
  'useLogScale',
];

/** The `as...Chart()` methods: the type they set and the setters their builder has. */
const TYPED_BUILDERS: Record<string, { type: string; cls: string; setters: string[] }> = {
  asAreaChart: {
    type: 'AREA',
    cls: 'EmbeddedAreaChartBuilder',
    setters: [...AXIS_SETTERS, 'setStacked'],
  },
  asBarChart: {
    type: 'BAR',
    cls: 'EmbeddedBarChartBuilder',
    setters: [...AXIS_SETTERS, 'setStacked', 'reverseDirection'],
  },
  asColumnChart: {
    type: 'COLUMN',
    cls: 'EmbeddedColumnChartBuilder',
    setters: [...AXIS_SETTERS, 'setStacked'],
  },
  asComboChart: {
    type: 'COMBO',
    cls: 'EmbeddedComboChartBuilder',
    setters: [...AXIS_SETTERS, 'setStacked'],
  },
  asHistogramChart: {
    type: 'HISTOGRAM',
    cls: 'EmbeddedHistogramChartBuilder',
    setters: [...AXIS_SETTERS, 'setStacked'],
  },
  asLineChart: { type: 'LINE', cls: 'EmbeddedLineChartBuilder', setters: AXIS_SETTERS },
  asPieChart: {
    type: 'PIE',
    cls: 'EmbeddedPieChartBuilder',
    setters: [
      'reverseCategories',
      'set3D',
      'setBackgroundColor',
      'setColors',
      'setLegendPosition',
      'setTitle',
    ],
  },
  asScatterChart: {
    type: 'SCATTER',
    cls: 'EmbeddedScatterChartBuilder',
    setters: [
      'setBackgroundColor',
      'setColors',
      'setLegendPosition',
      'setTitle',
      'setXAxisTitle',
      'setYAxisTitle',
      'setXAxisLogScale',
      'setYAxisLogScale',
      'setXAxisRange',
      'setYAxisRange',
    ],
  },
  asTableChart: {
    type: 'TABLE',
    cls: 'EmbeddedTableChartBuilder',
    setters: [
      'enablePaging',
      'enableRtlTable',
      'enableSorting',
      'setFirstRowNumber',
      'setInitialSortingAscending',
      'setInitialSortingDescending',
      'showRowNumberColumn',
      'useAlternatingRowStyle',
    ],
  },
};

// ---- models ----

function newChart(): ChartModel {
  return {
    id: null,
    type: '',
    ranges: [],
    anchor: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: {},
    numHeaders: -1,
    transposed: false,
    mergeStrategy: 'MERGE_COLUMNS',
    hiddenDimensionStrategy: 'IGNORE_BOTH',
  };
}

/** Option values are the script's arrays and objects: keep a host copy of their data. */
export function copyValue(value: unknown): unknown {
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyValue(v)]));
  }
  return value;
}

/** Built charts and the charts a sheet holds never share state. */
export function copyChart(chart: ChartModel): ChartModel {
  return {
    ...chart,
    ranges: [...chart.ranges],
    anchor: { ...chart.anchor },
    options: copyValue(chart.options) as Options,
  };
}

// ---- builder and chart objects ----

const path = (cls: string, method: string) => `SpreadsheetApp.${cls}.${method}`;

function checkArgs(at: string, args: unknown[], kinds: Kind[], required = kinds.length): void {
  const ok =
    args.length >= required &&
    args.length <= kinds.length &&
    args.every((arg, i) => FITS[kinds[i]](arg));
  if (!ok) throw signatureError(at, args);
}

function containerInfo(ctx: Ctx, anchor: ChartModel['anchor']) {
  const { row, column, offsetX, offsetY } = anchor;
  return ctx.session.wrap('SpreadsheetApp', 'ContainerInfo', {
    getAnchorRow: () => row,
    getAnchorColumn: () => column,
    getOffsetX: () => offsetX,
    getOffsetY: () => offsetY,
  });
}

/** A builder over `state`; typed builders share the state and add their own setters. */
export function chartBuilder(ctx: Ctx, state: ChartModel, cls = 'EmbeddedChartBuilder') {
  const at = (method: string) => path(cls, method);
  const sameArea = (range: unknown, method: string) => {
    const { sheet, r1, c1, r2, c2 } = rangeArea(range, at(method));
    return (other: ChartModel['ranges'][number]) =>
      other.sheet === sheet &&
      other.r1 === r1 &&
      other.c1 === c1 &&
      other.r2 === r2 &&
      other.c2 === c2;
  };
  const oneOf = (allowed: Record<string, string>, value: unknown, method: string) => {
    if (typeof value !== 'string' || !(value in allowed)) throw signatureError(at(method), [value]);
    return value;
  };
  const methods: Record<string, unknown> = {
    addRange(range: unknown) {
      if (!state.ranges.some(sameArea(range, 'addRange'))) {
        state.ranges.push(rangeArea(range, at('addRange')));
      }
      return self;
    },
    removeRange(range: unknown) {
      const matches = sameArea(range, 'removeRange');
      state.ranges = state.ranges.filter((area) => !matches(area));
      return self;
    },
    clearRanges() {
      state.ranges = [];
      return self;
    },
    getRanges: () => state.ranges.map((area) => ctx.objects.range(area)),
    setChartType(type: unknown) {
      state.type = oneOf(ChartType, type, 'setChartType');
      return self;
    },
    getChartType: () => state.type || null,
    setPosition(...args: unknown[]) {
      checkArgs(at('setPosition'), args, ['number', 'number', 'number', 'number']);
      const [row, column, offsetX, offsetY] = (args as number[]).map(Math.trunc);
      state.anchor = { row, column, offsetX, offsetY };
      return self;
    },
    getContainer: () => containerInfo(ctx, state.anchor),
    setOption(key: unknown, value: unknown) {
      if (typeof key !== 'string') throw signatureError(at('setOption'), [key, value]);
      state.options[key] = copyValue(value);
      return self;
    },
    setNumHeaders(headers: unknown) {
      checkArgs(at('setNumHeaders'), [headers], ['number']);
      state.numHeaders = Math.trunc(headers as number);
      return self;
    },
    setTransposeRowsAndColumns(transpose: unknown) {
      checkArgs(at('setTransposeRowsAndColumns'), [transpose], ['boolean']);
      state.transposed = transpose as boolean;
      return self;
    },
    setMergeStrategy(strategy: unknown) {
      state.mergeStrategy = oneOf(ChartMergeStrategy, strategy, 'setMergeStrategy');
      return self;
    },
    setHiddenDimensionStrategy(strategy: unknown) {
      state.hiddenDimensionStrategy = oneOf(
        ChartHiddenDimensionStrategy,
        strategy,
        'setHiddenDimensionStrategy',
      );
      return self;
    },
    build() {
      if (!state.type) throw new Error('You must set a chart type before building the chart.');
      return chartObject(ctx, copyChart(state));
    },
  };
  for (const [name, typed] of Object.entries(TYPED_BUILDERS)) {
    methods[name] = () => {
      state.type = typed.type;
      return chartBuilder(ctx, state, typed.cls);
    };
  }
  const own = Object.values(TYPED_BUILDERS).find((typed) => typed.cls === cls);
  for (const name of own?.setters ?? []) {
    const { kinds, required, options } = SETTERS[name];
    methods[name] = (...args: unknown[]) => {
      checkArgs(at(name), args, kinds, required);
      Object.assign(state.options, options(args, state.type));
      return self;
    };
  }
  const self = ctx.session.wrap('SpreadsheetApp', cls, methods);
  return self;
}

export function chartObject(ctx: Ctx, chart: ChartModel) {
  const { session } = ctx;
  return session.wrap(
    'SpreadsheetApp',
    'EmbeddedChart',
    {
      getChartId: () => chart.id,
      getId: () => (chart.id === null ? null : String(chart.id)),
      getType: () => 'EMBEDDED_CHART',
      getRanges: () => chart.ranges.map((area) => ctx.objects.range(area)),
      getOptions: () =>
        session.wrap('Charts', 'ChartOptions', {
          get: (key: unknown) => copyValue(chart.options[String(key)] ?? null),
        }),
      getContainerInfo: () => containerInfo(ctx, chart.anchor),
      getNumHeaders: () => chart.numHeaders,
      getTransposeRowsAndColumns: () => chart.transposed,
      getMergeStrategy: () => chart.mergeStrategy,
      getHiddenDimensionStrategy: () => chart.hiddenDimensionStrategy,
      modify: () => chartBuilder(ctx, copyChart(chart)),
    },
    chart,
  );
}

// ---- the Sheet's chart methods ----

/** Unverified wording: Apps Script's message for a chart that is not on the sheet. */
export const CHART_NOT_ON_SHEET = 'The chart does not exist on this sheet.';

/** Sheet methods; `edit` makes the sheet's usual checks (deleted, protected). */
export function sheetChartMethods(ctx: Ctx, sheet: SheetModel, live: () => void, edit: () => void) {
  const { book } = ctx;
  const at = (method: string) => path('Sheet', method);
  const chartOf = (value: unknown, method: string) => {
    const chart = unwrap<ChartModel>(value, 'EmbeddedChart');
    if (!chart) throw signatureError(at(method), [value]);
    return chart;
  };
  const indexOf = (chart: ChartModel) => {
    const index = sheet.charts.findIndex((c) => chart.id !== null && c.id === chart.id);
    if (index < 0) throw new Error(CHART_NOT_ON_SHEET);
    return index;
  };
  return {
    newChart() {
      live();
      return chartBuilder(ctx, newChart());
    },
    insertChart(value: unknown) {
      const chart = chartOf(value, 'insertChart');
      edit();
      sheet.charts.push({ ...copyChart(chart), id: book.nextChartId++ });
    },
    updateChart(value: unknown) {
      const chart = chartOf(value, 'updateChart');
      edit();
      sheet.charts[indexOf(chart)] = copyChart(chart);
    },
    removeChart(value: unknown) {
      const chart = chartOf(value, 'removeChart');
      edit();
      sheet.charts.splice(indexOf(chart), 1);
    },
    getCharts() {
      live();
      return sheet.charts.map((chart) => chartObject(ctx, copyChart(chart)));
    },
  };
}
