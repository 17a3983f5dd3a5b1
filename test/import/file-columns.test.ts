// A big file sent as its columns: the sidebar's reading code (src/sidebar/read-columns.ts, run
// here in node on a Blob) against the built bundle. The same file sent whole and sent as its
// columns must preview and apply the same, to the cent; a payload that isn't right is refused
// with the field named.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import type {
  ImportApplied,
  ImportColumns,
  ImportMapping,
  ImportPreview,
} from '../../src/shared/api';
import { readColumns, readHead } from '../../src/sidebar/read-columns';
import { errorOf, TRACKER_FORM } from '../harness/fixtures';
import { cents, fixture } from './helpers';

const TRACKER = 'Spring launch';
const LINK = 'https://www.amazon.com/dp/B0C9999AAA?tag=tomtok-20';
/** Columns A to G: handle, platform, followers, date, post, code, link. */
const ROWS = [
  [
    '@jane',
    'Instagram',
    15000,
    '',
    '',
    'JANE10',
    'https://www.amazon.com/dp/B0C1234XYZ?tag=jane-20',
  ],
  ['@tom', 'TikTok', 50000, '', '', 'TOM5', LINK],
  ['@bo', 'YouTube', 8000, '', '', 'BO15', ''],
];

function setup() {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', { ...TRACKER_FORM, startingRows: 5 });
  emulator.type(TRACKER, 'A8', ROWS);
  const call = <T>(name: string, request: object) =>
    script.call(name, { sheetName: TRACKER, ...request }) as T;
  return {
    emulator,
    columns: (request: object) => script.call('importColumns', request) as ImportColumns,
    preview: (request: object) => call<ImportPreview>('previewImport', request),
    apply: (request: object) => call<ImportApplied>('applyImport', request),
  };
}

/** What the sidebar sends for a file: its head, then the columns importColumns asked for. */
async function sent(
  text: string,
  columns: (request: object) => ImportColumns,
  mapping: ImportMapping = {},
) {
  const file = new Blob([text]);
  const head = await readHead(file);
  const plan = columns({ head, mapping });
  const progress: number[] = [];
  const read = await readColumns(file, plan, (fraction) => progress.push(fraction));
  return { head, plan, progress, request: { fileName: 'orders.csv', head, records: read.records } };
}

/** A preview without the import's clock (the "Last import" cells say when). */
function timeless(preview: ImportPreview) {
  return JSON.parse(
    JSON.stringify(preview).replace(/, \d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, ', (time)'),
  );
}

describe('importColumns', () => {
  it('names the columns a Shopify orders export needs, and no line item detail', async () => {
    const { columns } = setup();
    const head = await readHead(new Blob([fixture('shopify-orders.csv')]));
    const plan = columns({ head });
    expect(plan.skip).toBe(1);
    expect(plan.separator).toBe(',');
    expect(plan.headers).toEqual(expect.arrayContaining(['Name', 'Financial Status', 'Currency']));
    expect(plan.headers).toEqual(
      expect.arrayContaining(['Subtotal', 'Discount Code', 'Created at', 'Refunded Amount']),
    );
    expect(plan.headers).not.toContain('Lineitem name');
    expect(plan.headers).not.toContain('Shipping Method');
    expect(plan.columns[0]).toBe(0);
    // A column the user chose is sent too, wherever it sits.
    expect(columns({ head, mapping: { code: 'Lineitem name' } }).headers).toContain(
      'Lineitem name',
    );
  });

  it('sends whole rows as the head, up to 64 KB, even when a quoted note holds line breaks', async () => {
    const { columns } = setup();
    const lines = ['Name,Financial Status,Subtotal,Discount Code,Created at,Notes'];
    for (let n = 0; n < 2000; n++)
      lines.push(
        `#${n},paid,10.00,JANE10,2025-03-14 10:00:00 -0400,"ring twice\n${'z'.repeat(n % 90)}"`,
      );
    const head = await readHead(new Blob([`${lines.join('\n')}\n`]));
    expect(head.length).toBeLessThanOrEqual(64 * 1024);
    expect(head.length).toBeGreaterThan(60 * 1024);
    // Whole rows: an even count of quotes, ending with a line break.
    expect((head.match(/"/g) ?? []).length % 2).toBe(0);
    expect(head.endsWith('"\n')).toBe(true);
    expect(columns({ head })).toMatchObject({ skip: 1, headers: expect.arrayContaining(['Name']) });
  });

  it('finds the header below a title line', async () => {
    const { columns } = setup();
    const head = await readHead(new Blob([fixture('associates.csv')]));
    expect(columns({ head })).toMatchObject({ skip: 2, separator: ',' });
  });
});

describe('a file sent as its columns', () => {
  it('a Shopify export previews and applies exactly as the whole file, to the cent', async () => {
    const whole = setup();
    const reduced = setup();
    const csv = fixture('shopify-orders.csv');
    const { request, progress } = await sent(csv, reduced.columns);
    expect(progress.at(-1)).toBe(1);
    const shown = reduced.preview(request);
    expect(timeless(shown)).toEqual(timeless(whole.preview({ csv, fileName: 'orders.csv' })));
    // JANE10: #1001 90.00 and #1002 45.50; TOM5: #1005 120.00 less 20.00 refunded, #1008 64.99.
    const revenue = shown.changes.map((change) => [
      change.handle,
      change.fields.find((field) => field.field === 'revenue')?.after,
    ]);
    expect(revenue).toEqual([
      ['@jane', cents(90, 45.5)],
      ['@tom', cents(120, -20, 64.99)],
    ]);
    expect(shown.headers).toContain('Lineitem name');
    expect(shown.rows).toBe(10);

    const applied = reduced.apply(request);
    expect(applied.written).toEqual(whole.apply({ csv, fileName: 'orders.csv' }).written);
    const cells = (emulator: typeof whole.emulator) => emulator.sheet(TRACKER).values('O8:R10');
    expect(cells(reduced.emulator)).toEqual(cells(whole.emulator));
    expect(cells(reduced.emulator)[1]).toEqual(['', 2, 164.99, '']);
  });

  it('a title line, a Total row, reads by name, CRLF, semicolons and decimal commas stay as the whole file', async () => {
    const files = [
      fixture('associates.csv'),
      fixture('woo-order-export.csv'),
      fixture('shopify-orders.csv').replace(/\n/g, '\r\n'),
      fixture('day-first-orders.csv'),
    ];
    for (const csv of files) {
      const whole = setup();
      const reduced = setup();
      const { request } = await sent(csv, reduced.columns);
      const shown = reduced.preview({ ...request, dateOrder: 'dmy' });
      const expected = whole.preview({ csv, fileName: 'orders.csv', dateOrder: 'dmy' });
      expect(timeless(shown)).toEqual(timeless(expected));
      expect(shown.changes.length).toBeGreaterThan(0);
    }
  });

  it('rows split across 1 MB slices and quoted line breaks arrive whole', async () => {
    const whole = setup();
    const reduced = setup();
    const header = 'Name,Financial Status,Subtotal,Discount Code,Created at,Note';
    const lines = [header];
    // ~1.1 MB: the first slice ends inside a row; every note has a quoted line break.
    for (let n = 0; n < 7_000; n++)
      lines.push(
        `#${n},paid,10.00,${n % 2 ? 'JANE10' : 'TOM5'},2025-03-14 10:00:00 -0400,"left at door\nthanks ${'x'.repeat(100)}"`,
      );
    const csv = `${lines.join('\n')}\n`;
    const { request, progress } = await sent(csv, reduced.columns);
    expect(progress.length).toBe(2);
    const shown = reduced.preview(request);
    expect(timeless(shown)).toEqual(timeless(whole.preview({ csv, fileName: 'orders.csv' })));
    expect(shown.rows).toBe(7_000);
    const revenue = shown.changes.map(
      (change) => change.fields.find((field) => field.field === 'revenue')?.after,
    );
    expect(revenue).toEqual([35_000, 35_000]);
  });
});

describe('a payload that is not right is refused, the field named', () => {
  const zip = (value: unknown) => gzipSync(JSON.stringify(value)).toString('base64');

  it('head and records checked before anything is read', async () => {
    const { preview, columns } = setup();
    const { request, plan } = await sent(fixture('shopify-orders.csv'), columns);
    const wide = Array.from({ length: plan.columns.length }, () => 'x');
    expect(errorOf(() => preview({ ...request, records: 'not base64!' }))).toMatch(
      /field "records"\) are not gzipped base-64/,
    );
    expect(
      errorOf(() => preview({ ...request, records: gzipSync('[[').toString('base64') })),
    ).toMatch(/field "records"\) are not readable JSON/);
    expect(errorOf(() => preview({ ...request, records: zip({ rows: [] }) }))).toMatch(
      /field "records"\) must be a list of rows/,
    );
    expect(errorOf(() => preview({ ...request, records: zip([wide, ['x']]) }))).toBe(
      `Row 3 of the file's columns (field "records") should hold ${plan.columns.length} text cells, as importColumns asked: choose the file again.`,
    );
    expect(errorOf(() => preview({ ...request, records: zip([wide.map(() => 1)]) }))).toMatch(
      /^Row 2 of the file's columns/,
    );
    expect(errorOf(() => preview({ ...request, head: '' }))).toMatch(/field "head"/);
    expect(errorOf(() => preview({ ...request, records: undefined }))).toMatch(/field "records"/);
    expect(errorOf(() => preview({ ...request, csv: 'a,b' }))).toMatch(
      /either csv, or head and records/,
    );
    expect(errorOf(() => columns({}))).toMatch(/field "head"/);
    expect(errorOf(() => columns({ head: '' }))).toBe('The file is empty.');
  });

  it('nothing is written when apply is refused', async () => {
    const { apply, columns, emulator } = setup();
    const { request } = await sent(fixture('shopify-orders.csv'), columns);
    const before = emulator.sheet(TRACKER).values();
    expect(errorOf(() => apply({ ...request, records: zip([['#1']]) }))).toMatch(/^Row 2 /);
    expect(emulator.sheet(TRACKER).values()).toEqual(before);
  });
});
