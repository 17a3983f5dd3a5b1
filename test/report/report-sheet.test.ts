// buildReport on the built bundle, over the three campaigns: only posts dated in the range count
// (figures computed here from the fixture rows, to the cent), building again replaces the sheet
// and its charts, what changed is against the previous period of the same length in the same
// trackers, every creator is ranked, the charts sit under the platforms, and bad input changes
// nothing.
import { describe, expect, it } from 'vitest';
import { CAMPAIGNS, post, rowOf, workbook } from '../creators/campaigns';
import { errorOf } from '../harness/fixtures';
import { ZONES } from '../harness/zones';
import { cents } from '../insights/read';

type Built = { sheetName: string; trackers: string[]; changes: string[]; notes: string[] };

function reporting(timeZone?: string) {
  const book = workbook(CAMPAIGNS, timeZone);
  const report = (request: object) => book.script.call('buildReport', request) as Built;
  const values = () => book.emulator.sheet('Report').values();
  /** The headline figures by label: the row under the "Spend" header. */
  const headline = () => {
    const rows = values();
    const at = rows.findIndex((row) => row[0] === 'Spend');
    return Object.fromEntries(rows[at].map((label, i) => [label, rows[at + 1][i]]));
  };
  const charts = () =>
    book.emulator.sheet('Report').charts.map((chart) => ({
      type: chart.type,
      ranges: chart.ranges,
      title: chart.options.title,
    }));
  const sheetNames = () =>
    book.emulator.services.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .map((s) => s.getName());
  return { ...book, report, values, headline, charts, sheetNames };
}

/** The domain brief's figures over the fixture posts dated from..to. */
function expected(from: string, to: string, campaigns = CAMPAIGNS.map((c) => c.name)) {
  const posts = CAMPAIGNS.filter((c) => campaigns.includes(c.name))
    .flatMap((c) => c.posts)
    .filter((p) => p.date >= from && p.date <= to);
  const sum = (pick: (p: (typeof posts)[number]) => number) =>
    posts.reduce((total, p) => total + pick(p), 0);
  const spend = sum((p) => p.fee + p.product);
  const revenue = sum((p) => p.revenue);
  const orders = sum((p) => p.orders);
  const customers = sum((p) => p.customers);
  return {
    posts: posts.length,
    spend,
    revenue,
    roi: (revenue - spend) / spend,
    orders,
    customers,
    cac: spend / customers,
    conversion: orders / sum((p) => p.clicks),
  };
}

describe('the report to send', () => {
  it('counts only posts dated in the range, to the cent, with a definition per figure', () => {
    const book = reporting();
    const built = book.report({ from: '2025-03-01', to: '2025-06-04' });
    const want = expected('2025-03-01', '2025-06-04');
    expect(want.posts).toBe(5); // janedoe's post of 2025-06-06 and the autumn ones are out
    expect(built).toMatchObject({ sheetName: 'Report', trackers: ['Spring', 'Summer', 'Autumn'] });
    const figures = book.headline();
    expect(cents(figures.Spend)).toBe(cents(want.spend));
    expect(cents(figures.Revenue)).toBe(cents(want.revenue));
    expect(figures.ROI as number).toBeCloseTo(want.roi, 9);
    expect(figures.Orders).toBe(want.orders);
    expect(figures['New customers']).toBe(want.customers);
    expect(cents(figures.CAC)).toBe(cents(want.cac));
    expect(figures['Conversion rate'] as number).toBeCloseTo(want.conversion, 9);
    const column = book.values().map((row) => row[0]);
    expect(column).toContain('ROI: (revenue - cost) / cost, over the posts that have revenue.');
    // Under each ratio, how many posts it used.
    const at = book.values().findIndex((row) => row[0] === 'Spend');
    const words = book.values()[at + 2];
    expect(words[book.values()[at].indexOf('CAC')]).toBe(`CAC over all ${want.posts} posts`);
    const rows = book.values();
    const valueAt = rows.findIndex((row) => row[0] === 'Attributed revenue');
    const total = rows[valueAt].indexOf('Total value');
    expect(cents(rows[valueAt + 1][total])).toBe(cents(want.revenue)); // no bonus, no content
    // 96 days from 2025-03-01: the 96 days before hold no post.
    expect(column).toContain(
      'No posts dated 2024-11-25 to 2025-02-28 (the 96 days before) in Spring, Summer, Autumn: nothing to compare with.',
    );
    // The leaderboard lists the creators who posted in the range only.
    const board = column.indexOf('Rank');
    const creators = book
      .values()
      .slice(board + 1)
      .map((row) => row[1])
      .filter(Boolean);
    // "@Jane.Doe" and "jane.doe" on the same platform are one creator, as in the roster.
    expect(new Set(creators)).toEqual(new Set(['@Jane.Doe', '@tom_bakes', '@leo.unboxes']));
    expect(creators.filter((name) => /^@?jane\.doe$/i.test(String(name)))).toHaveLength(1);
    expect(creators).not.toContain('janedoe');
    expect(creators).not.toContain('@mia.makes');
    const sheet = book.emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
      'Report',
    ) as GoogleAppsScript.Spreadsheet.Sheet;
    expect(sheet.hasHiddenGridlines()).toBe(true);
    expect(sheet.isColumnHiddenByUser(14)).toBe(false);
    expect(sheet.isColumnHiddenByUser(16)).toBe(true);
    expect(book.emulator.unsupportedFunctions).toEqual([]);
  });

  it.each(ZONES)('counts a post dated on the first or last day of the range (%s)', (zone) => {
    // @tom_bakes posted on 2025-06-04; @Jane.Doe on 2025-06-02 and janedoe on 2025-06-06.
    const book = reporting(zone);
    for (const [from, to] of [
      ['2025-06-04', '2025-06-05'],
      ['2025-06-03', '2025-06-04'],
    ]) {
      book.report({ from, to });
      const want = expected(from, to);
      expect(want.posts).toBe(1);
      expect(cents(book.headline().Spend)).toBe(cents(want.spend));
      expect(cents(book.headline().Revenue)).toBe(cents(want.revenue));
    }
  });

  it('one tracker: only its posts in the range', () => {
    const book = reporting();
    book.report({ from: '2025-01-01', to: '2025-12-31', trackers: ['Summer'] });
    const want = expected('2025-01-01', '2025-12-31', ['Summer']);
    expect(cents(book.headline().Spend)).toBe(cents(want.spend));
    expect(cents(book.headline().Revenue)).toBe(cents(want.revenue));
  });

  it('building again replaces the sheet: one Report, the same charts', () => {
    const book = reporting();
    book.report({ from: '2025-03-01', to: '2025-06-04' });
    const first = book.charts();
    expect(first.map((c) => [c.type, c.title])).toEqual([
      ['COLUMN', 'Spend and revenue by platform'],
      ['BAR', 'ROI by creator'],
    ]);
    book.report({ from: '2025-03-01', to: '2025-06-04' });
    expect(book.sheetNames().filter((name) => name.startsWith('Report'))).toEqual(['Report']);
    expect(book.charts()).toEqual(first);
  });

  it('compares with the previous period of the same length in the same trackers, not the last report', () => {
    const book = reporting();
    // The last report built is another campaign's, in another season.
    book.report({ from: '2025-09-01', to: '2025-09-30', trackers: ['Autumn'] });
    // June to August (92 days) against March to May (92 days): Summer's posts against Spring's.
    const built = book.report({ from: '2025-06-01', to: '2025-08-31' });
    const summer = expected('2025-06-01', '2025-08-31');
    const spring = expected('2025-03-01', '2025-05-31');
    expect([summer.posts, spring.posts]).toEqual([3, 3]);
    expect(built.changes[0]).toBe(
      'Against 2025-03-01 to 2025-05-31 (the 92 days before), in the same trackers (Spring, Summer, Autumn):',
    );
    const money = (n: number) =>
      `$${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
    const drop = summer.spend - spring.spend;
    expect(drop).toBeLessThan(0);
    expect(built.changes).toContain(
      `Spend fell from ${money(spring.spend)} to ${money(summer.spend)} (-${money(drop)}, -${percent(-drop / spring.spend)})`,
    );
    expect(built.changes).toContain(
      `ROI fell from ${percent(spring.roi)} to ${percent(summer.roi)} (-${(Math.round((spring.roi - summer.roi) * 1000) / 10).toFixed(1)} points)`,
    );
    expect(built.changes).toContain('Posts unchanged at 3');
    const column = book.values().map((row) => row[0]);
    expect(column).toContain(built.changes[1]);
    // Built again, the comparison is the same: it never depends on the report built before.
    expect(book.report({ from: '2025-06-01', to: '2025-08-31' }).changes).toEqual(built.changes);
  });

  it('holds only the posts of its two periods, and says when more were dated in them since', () => {
    const book = reporting();
    book.report({ from: '2025-06-01', to: '2025-08-31' });
    // 6 posts from March to August and room for 20 more below the leaderboard's header: not the
    // trackers' 75 rows.
    const height = book.emulator.sheet('Report').maxRows;
    const header = book.values().findIndex((row) => row[0] === 'Rank') + 1;
    expect(height - header).toBe(6 + 20);
    const note = () => book.values()[0].find((cell) => String(cell).includes('not counted')) ?? '';
    expect(note()).toBe('');
    const typed = (date: string) =>
      Array.from({ length: 21 }, (_, i) =>
        rowOf(post(`@new.${i}`, 'Instagram', date, [100, 10, 200, 2, 80, 1])),
      );
    // Posts outside both periods don't count against the report's room...
    book.emulator.type('Autumn', 'A10', typed('2025-10-01'));
    expect(note()).toBe('');
    // ...posts inside them do: 27 posts for room of 26.
    book.emulator.type('Summer', 'A11', typed('2025-07-01'));
    expect(note()).toBe(
      '1 rows added since the last refresh are not counted: refresh (Extensions > Influencer ROI).',
    );
    book.report({ from: '2025-06-01', to: '2025-08-31' });
    expect(note()).toBe('');
    expect(book.emulator.sheet('Report').maxRows).toBe(height + 21);
  });

  it('compares only within the trackers reported: none of Summer is in the period before', () => {
    const book = reporting();
    book.report({ from: '2025-03-01', to: '2025-05-31' });
    const built = book.report({ from: '2025-06-01', to: '2025-08-31', trackers: ['Summer'] });
    expect(built.changes).toEqual([
      'No posts dated 2025-03-01 to 2025-05-31 (the 92 days before) in Summer: nothing to compare with.',
    ]);
  });

  it('ranks every creator even when all are under the orders threshold, marked too early', () => {
    const book = reporting();
    // @tom_bakes (9 orders) and janedoe (4): both under the 10 orders of the threshold.
    book.report({ from: '2025-06-03', to: '2025-06-06' });
    const rows = book.values();
    const board = rows.findIndex((row) => row[0] === 'Rank');
    const ranked = rows
      .slice(board + 1)
      .filter((row) => row[1] !== '')
      .map((row) => [row[0], row[1]]);
    // ROI: @tom_bakes (330 - 185) / 185 = 78% before janedoe (160 - 110) / 110 = 45%.
    expect(ranked.map((row) => row[0])).toEqual(['1 (too early)', '2 (too early)']);
    expect(ranked.map((row) => String(row[1]).trim().toLowerCase())).toEqual([
      '@tom_bakes',
      'janedoe',
    ]);
  });

  it('puts the charts right under the platforms and the leaderboard after them, no empty stretch', () => {
    const book = reporting();
    book.report({ from: '2025-03-01', to: '2025-06-04' });
    const rows = book.values();
    const platformTitle = rows.findIndex((row) => row[0] === 'By platform');
    const platformEnd = rows.findIndex((row, i) => i > platformTitle + 1 && row[0] === '');
    const boardTitle = rows.findIndex((row) => String(row[0]).startsWith('Leaderboard'));
    const charts = book.emulator.sheet('Report').charts;
    expect(charts).toHaveLength(2);
    // Sheet rows are 1-based, the values 0-based: at most one blank row above each chart.
    for (const chart of charts) expect(chart.anchor.row - 1 - platformEnd).toBeLessThanOrEqual(1);
    const bottom = Math.max(
      ...charts.map((chart) => chart.anchor.row - 1 + Number(chart.options.height) / 21),
    );
    expect(boardTitle).toBeGreaterThanOrEqual(bottom);
    expect(boardTitle - bottom).toBeLessThan(3);
  });

  it('bad input says what is wrong and changes nothing', () => {
    const book = reporting();
    book.report({ from: '2025-03-01', to: '2025-06-04' });
    const before = book.values();
    const stored = book.emulator.services.PropertiesService.getDocumentProperties().getProperties();
    for (const [request, message] of [
      [{ from: '2025-06-04', to: '2025-03-01' }, /"From" \(2025-06-04\) is after "To"/],
      [{ from: '2025-02-30', to: '2025-03-01' }, /"From" must be a date written YYYY-MM-DD/],
      [{ from: '2025-03-01', to: 'June' }, /"To" must be a date/],
      [{ from: '2025-03-01', to: '2025-06-04', trackers: ['Winter'] }, /"Winter"/],
    ] as const) {
      expect(errorOf(() => book.report(request))).toMatch(message);
    }
    expect(book.values()).toEqual(before);
    expect(book.sheetNames().filter((name) => name.startsWith('Report'))).toEqual(['Report']);
    expect(
      book.emulator.services.PropertiesService.getDocumentProperties().getProperties(),
    ).toEqual(stored);
  });
});
