// The preview's HTTP contract on the real bundle and emulator: what the page and the sidebar
// call, and every kind of bad request, none of which may crash the server or change the workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellResult, Changes, WorkbookView } from '../../preview/contract';
import { type RunningPreview, startPreview } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { JANE, TRACKER_FORM } from '../harness/fixtures';
import { post, send } from './http';

const ASSETS = new Map([
  ['/', { contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>page</title>' }],
]);
const SHIM = 'window.__shim = true;';

let preview: RunningPreview;
let port: number;

beforeAll(async () => {
  preview = await startPreview({
    port: 0,
    open: () => new PreviewWorkbook(),
    assets: ASSETS,
    sidebarShim: SHIM,
  });
  port = preview.port;
});

afterAll(async () => {
  await preview?.close();
});

const workbook = async () => (await send(port, { path: '/workbook' })).json() as WorkbookView;
const run = (name: string, args: unknown, headers?: Record<string, string>) =>
  post(port, `/run/${name}`, args, headers);

describe('POST /run/NAME', () => {
  it('calls a top-level function of the bundle and answers its value', async () => {
    const reply = await run('ROI', [2000, 500]);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ value: (2000 - 500) / 500 });
  });

  it('runs a sidebar action against the emulated spreadsheet', async () => {
    const reply = await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'HTTP launch' }]);
    expect(reply.json()).toEqual({ value: { sheetName: 'HTTP launch' } });
    const view = await workbook();
    const sheet = view.sheets.find((s) => s.name === 'HTTP launch');
    expect(sheet?.cells[6].slice(0, 3).map((c) => c.display)).toEqual([
      'Influencer',
      'Platform',
      'Followers',
    ]);
  });

  it('answers 422 with the message when the function throws', async () => {
    const reply = await run('ROI', [100, 0]);
    expect(reply.status).toBe(422);
    expect((reply.json() as { error: string }).error).toMatch(/^Error: ROI: cost is 0/);
  });

  it('says plainly that sharing needs Google instead of pretending', async () => {
    const reply = await run('addTeammates', [{ emails: 'ana@example.com', role: 'editor' }]);
    expect(reply.status).toBe(422);
    expect((reply.json() as { error: string }).error).toMatch(/offline preview can't share/);
    const team = (await run('listTeam', [])).json() as { value: { editors: string[] } };
    expect(team.value.editors).not.toContain('ana@example.com');
  });

  it.each([
    ['an unknown name', 'NOPE'],
    ['a private helper', 'influencerRoi_'],
    ['a path trick', '..%2fpackage.json'],
    ['an encoded slash', 'ROI%2f..'],
    ['broken percent-encoding', '%E0%A4%A'],
    ['an Object.prototype name', 'constructor'],
    ['a global that is not a function', 'Math'],
  ])('answers 404 for %s', async (_what, name) => {
    const reply = await run(name, []);
    expect(reply.status).toBe(404);
    expect(reply.json()).toHaveProperty('error');
  });

  it.each([
    ['malformed JSON', '[1, 2'],
    ['an object', '{"revenue": 2000}'],
    ['a number', '42'],
    ['nothing', ''],
  ])('answers 400 for a body that is %s', async (_what, body) => {
    const reply = await post(port, '/run/ROI', body);
    expect(reply.status).toBe(400);
  });

  it('answers 413 for a body over 20 MB and keeps serving', async () => {
    const huge = `["${'x'.repeat(21 * 1024 * 1024)}"]`;
    const reply = await post(port, '/run/ROI', huge).catch((error: Error) => ({
      status: -1,
      error,
    }));
    // Either the 413 arrived, or the server hung up after answering it mid-upload.
    expect([413, -1]).toContain(reply.status);
    expect((await run('ROI', [2000, 500])).status).toBe(200);
  });

  it('accepts a 10 MB argument, as an import sends', async () => {
    const text = 'a'.repeat(10 * 1024 * 1024);
    const reply = await run('UTM_LINK', [
      `https://shop.example/p?x=${text}`,
      'ig',
      'inf',
      'spring',
    ]);
    expect(reply.status).toBe(200);
  });

  it('refuses other methods', async () => {
    expect((await send(port, { path: '/run/ROI' })).status).toBe(405);
  });
});

describe('requests from elsewhere', () => {
  it('refuses a foreign Origin and changes nothing', async () => {
    const before = await workbook();
    const reply = await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'Evil' }], {
      Origin: 'http://evil.example',
    });
    expect(reply.status).toBe(403);
    const typed = await post(
      port,
      '/cell',
      { sheet: 'Sheet1', a1: 'A1', input: 'pwned' },
      {
        Origin: `http://127.0.0.1:${port + 1}`,
      },
    );
    expect(typed.status).toBe(403);
    expect(await workbook()).toEqual(before);
  });

  it('refuses a rebound Host (DNS rebinding) and changes nothing', async () => {
    const before = await workbook();
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      const reply = await send(port, {
        method: 'POST',
        path: '/run/createTracker',
        headers: { Host: host, 'Content-Type': 'application/json' },
        body: JSON.stringify([{ ...TRACKER_FORM, campaignName: 'Rebound' }]),
      });
      expect(reply.status).toBe(403);
      expect((await send(port, { path: '/workbook', headers: { Host: host } })).status).toBe(403);
    }
    expect(await workbook()).toEqual(before);
  });

  it('serves its own origin, localhost, and scripts without an Origin', async () => {
    expect((await run('ROI', [2000, 500], { Origin: `http://127.0.0.1:${port}` })).status).toBe(
      200,
    );
    const local = await send(port, { path: '/workbook', headers: { Host: `localhost:${port}` } });
    expect(local.status).toBe(200);
  });
});

describe('POST /cell', () => {
  it('types like a person: numbers, percents, formulas and apostrophe text', async () => {
    const cell = (a1: string, input: string) => post(port, '/cell', { sheet: 'Sheet1', a1, input });
    const shown = async (a1: string, input: string) => {
      const { display, warnings } = (await cell(a1, input)).json() as CellResult;
      return { display, warnings };
    };
    expect(await shown('A1', '2000')).toEqual({ display: '2000', warnings: [] });
    expect(await shown('B1', '25%')).toEqual({ display: '25%', warnings: [] });
    expect(await shown('C1', '=A1*B1')).toEqual({ display: '500', warnings: [] });
    expect(await shown('D1', "'=A1")).toEqual({ display: '=A1', warnings: [] });
    const view = await workbook();
    const row = view.sheets.find((s) => s.name === 'Sheet1')?.cells[0];
    expect(row?.slice(0, 4).map((c) => c.input)).toEqual(['2000', '25%', '=A1*B1', '=A1']);
    expect(row?.slice(0, 4).map((c) => c.kind)).toEqual(['number', 'number', 'number', 'text']);
  });

  it('gives each cell its raw value and number format beside what it shows', async () => {
    const typed: [string, string][] = [
      ['H20', '$1,200.50'],
      ['H21', '15%'],
      ['H22', '3/14/2026'],
      ['H23', 'TRUE'],
      ['H24', 'plain text'],
      ['H25', '=1/0'],
      ['H26', '=ROI(100,0)'],
      ['H27', '=H20*2'],
    ];
    for (const [a1, input] of typed) {
      expect((await post(port, '/cell', { sheet: 'Sheet1', a1, input })).status).toBe(200);
    }
    const sheet = (await workbook()).sheets.find((s) => s.name === 'Sheet1');
    const cells = (sheet?.cells ?? []).slice(19, 28).map((row) => row[7]);
    expect(cells.map(({ display, value, format }) => ({ display, value, format }))).toEqual([
      { display: '$1,200.50', value: 1200.5, format: '"$"#,##0.00' },
      { display: '15%', value: 0.15, format: '0%' },
      { display: '3/14/2026', value: '2026-03-14', format: 'M/d/yyyy' },
      { display: 'TRUE', value: true, format: 'General' },
      { display: 'plain text', value: 'plain text', format: 'General' },
      {
        display: '#DIV/0!',
        value: expect.objectContaining({ error: '#DIV/0!' }),
        format: 'General',
      },
      {
        display: '#ERROR!',
        value: { error: '#ERROR!', message: expect.stringMatching(/^ROI: cost is 0/) },
        format: 'General',
      },
      { display: '2401', value: 2401, format: 'General' },
      { display: '', value: '', format: 'General' },
    ]);
  });

  it('refuses input the validation rejects, with Sheets words, and keeps the old value', async () => {
    await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'Typed' }]);
    const reply = await post(port, '/cell', { sheet: 'Typed', a1: 'H8', input: '-5' });
    expect(reply.status).toBe(422);
    expect((reply.json() as { error: string }).error).toMatch(/Typed!H8/);
    const sheet = (await workbook()).sheets.find((s) => s.name === 'Typed');
    expect(sheet?.cells[7][7].display).toBe('');
  });

  it('refuses a currency that is not an ISO code as Sheets would, and accepts BRL in any case', async () => {
    await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'Coded' }]);
    const refused = await post(port, '/cell', { sheet: 'Coded', a1: 'AH8', input: 'EURO' });
    expect(refused.status).toBe(422);
    expect((refused.json() as { error: string }).error).toMatch(
      /Coded!AH8: Currency and Sales currency: an ISO 4217 code/,
    );
    const accepted = await post(port, '/cell', { sheet: 'Coded', a1: 'AI8', input: 'brl' });
    expect(accepted.status).toBe(200);
    const sheet = (await workbook()).sheets.find((s) => s.name === 'Coded');
    // AH8 and AI8: the help text stands for the rule, never its 180-code formula or a dropdown.
    expect(sheet?.cells[7][33]).toMatchObject({ display: '' });
    expect(sheet?.cells[7][34]).toMatchObject({ display: 'brl' });
    expect(sheet?.cells[7][34].validation).toMatch(/^Currency and Sales currency: an ISO 4217/);
    expect(sheet?.cells[7][34].dropdown).toBeUndefined();
  });

  it('warns on a protected computed column but keeps the edit', async () => {
    await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'Warned' }]);
    const reply = await post(port, '/cell', { sheet: 'Warned', a1: 'S8', input: '1' });
    expect(reply.status).toBe(200);
    expect((reply.json() as { warnings: string[] }).warnings[0]).toMatch(/protected range/);
  });

  it('grows the sheet for a cell typed below its last row, up to 1000 rows down', async () => {
    const sheet = () => preview.workbook.emulator.sheet('Sheet1');
    const rows = sheet().maxRows;
    const below = await post(port, '/cell', { sheet: 'Sheet1', a1: `B${rows + 2}`, input: '7' });
    expect(below.status).toBe(200);
    expect(sheet().maxRows).toBe(rows + 2);
    expect(sheet().values(`B${rows + 2}`)).toEqual([[7]]);
    const far = await post(port, '/cell', { sheet: 'Sheet1', a1: `B${rows + 2000}`, input: '7' });
    expect(far.status).toBe(422);
    expect((far.json() as { error: string }).error).toMatch(/more than 1000 rows below/);
    expect(sheet().maxRows).toBe(rows + 2);
  });

  it('adds rows at the bottom with POST /rows, 1 to 1000 at a time', async () => {
    const rows = preview.workbook.emulator.sheet('Sheet1').maxRows;
    const added = await post(port, '/rows', { sheet: 'Sheet1', count: 1000 });
    // Adding rows rebuilds the formula engine: the page is told to read the workbook again.
    expect(added.json()).toEqual({ maxRows: rows + 1000, changes: null });
    expect((await post(port, '/rows', { sheet: 'Sheet1', count: 1001 })).status).toBe(400);
    expect((await post(port, '/rows', { sheet: 'Sheet1', count: 0 })).status).toBe(400);
    expect((await post(port, '/rows', { sheet: 'Nope', count: 5 })).status).toBe(404);
    expect(preview.workbook.emulator.sheet('Sheet1').maxRows).toBe(rows + 1000);
  });

  it('answers 400 for a malformed request and 404 for an unknown sheet', async () => {
    expect((await post(port, '/cell', { sheet: 'Sheet1', a1: 'A1:B2', input: 'x' })).status).toBe(
      400,
    );
    expect((await post(port, '/cell', '{')).status).toBe(400);
    expect((await post(port, '/cell', { sheet: 'Nope', a1: 'A1', input: 'x' })).status).toBe(404);
  });
});

/** The workbook as the page holds it after patching `changes` into its copy `before`. */
function patched(before: WorkbookView, changes: Changes): WorkbookView {
  const copy = structuredClone(before);
  for (const change of changes.sheets) {
    const sheet = copy.sheets.find((s) => s.name === change.name);
    if (!sheet) throw new Error(`changes name an unknown sheet ${change.name}`);
    if (change.size) {
      Object.assign(sheet, change.size);
      sheet.cells.length = Math.min(sheet.cells.length, change.size.rows);
      // New rows are empty but for the changed cells, as the page draws them.
      const empty = {
        display: '',
        input: '',
        kind: 'empty',
        value: '',
        format: 'General',
      } as const;
      while (sheet.cells.length < change.size.rows) {
        sheet.cells.push(Array.from({ length: sheet.columns }, () => ({ ...empty })));
      }
    }
    for (const { row, column, view } of change.cells) {
      if (row <= sheet.rows && column <= sheet.columns) sheet.cells[row - 1][column - 1] = view;
    }
    for (const chart of change.charts) {
      sheet.charts[sheet.charts.findIndex((c) => c.id === chart.id)] = chart;
    }
  }
  return copy;
}

describe('POST /cell changes: what the page patches instead of reading the workbook', () => {
  const edit = async (sheet: string, a1: string, input: string) => {
    const before = await workbook();
    const reply = (await post(port, '/cell', { sheet, a1, input })).json() as CellResult;
    const after = await workbook();
    return { before, reply, after };
  };
  const cellsOf = (view: WorkbookView) =>
    view.sheets.map(({ name, rows, maxRows, cells, charts }) => ({
      name,
      rows,
      maxRows,
      cells,
      charts,
    }));

  it('hands over the edited cell and what its formulas moved, as GET /workbook then shows', async () => {
    await run('createTracker', [{ ...TRACKER_FORM, campaignName: 'Patched' }]);
    preview.workbook.emulator.type('Patched', 'A8', [JANE]);
    await post(port, '/cell', { sheet: 'Sheet1', a1: 'J1', input: '=Patched!H8*2' });
    const { before, reply, after } = await edit('Patched', 'H8', '900');
    const changes = reply.changes as Changes;
    expect(changes).not.toBeNull();
    const sheet1 = changes.sheets.find((s) => s.name === 'Sheet1');
    expect(sheet1?.cells.map((c) => [c.row, c.column, c.view.display])).toEqual([[1, 10, '1800']]);
    const tracker = changes.sheets.find((s) => s.name === 'Patched');
    const fee = tracker?.cells.find((c) => c.row === 8 && c.column === 8);
    expect(fee?.view).toEqual(after.sheets.find((s) => s.name === 'Patched')?.cells[7][7]);
    // The computed columns moved too (ROI and the rest), but not the whole sheet.
    expect(tracker?.cells.length).toBeGreaterThan(1);
    expect(tracker?.cells.length).toBeLessThan(100);
    // Patching the copy gives exactly what GET /workbook shows: nothing missed, nothing stale.
    expect(cellsOf(patched(before, changes))).toEqual(cellsOf(after));
  });

  it('carries a conditional colour that flips though the coloured cell kept its value', async () => {
    await post(port, '/cell', { sheet: 'Sheet1', a1: 'L1', input: '5' });
    preview.workbook.emulator.services.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Sheet1')
      ?.setConditionalFormatRules([
        preview.workbook.emulator.services.SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied('=$L$1>10')
          .setBackground('#f4cccc')
          .setRanges([
            preview.workbook.emulator.services.SpreadsheetApp.getActiveSpreadsheet()
              .getSheetByName('Sheet1')
              ?.getRange('M1') as GoogleAppsScript.Spreadsheet.Range,
          ])
          .build(),
      ]);
    await post(port, '/cell', { sheet: 'Sheet1', a1: 'M1', input: 'watch me' });
    const { before, reply, after } = await edit('Sheet1', 'L1', '20');
    const cell = reply.changes?.sheets[0].cells.find((c) => c.column === 13);
    expect(cell?.view.style?.background).toBe('#f4cccc');
    expect(cellsOf(patched(before, reply.changes as Changes))).toEqual(cellsOf(after));
  });

  it('gives the new size when a value lands below the used area, and when it is cleared', async () => {
    preview.workbook.emulator.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Sized');
    const sheet = (view: WorkbookView) => view.sheets.find((s) => s.name === 'Sized');
    const typed = await edit('Sized', 'B150', '=A1+1');
    const size = typed.reply.changes?.sheets.find((s) => s.name === 'Sized')?.size;
    expect(size?.rows).toBe(180);
    expect(sheet(typed.after)?.rows).toBe(180);
    expect(cellsOf(patched(typed.before, typed.reply.changes as Changes))).toEqual(
      cellsOf(typed.after),
    );
    const cleared = await edit('Sized', 'B150', '');
    expect(sheet(cleared.after)?.rows).toBeLessThan(180);
    expect(cellsOf(patched(cleared.before, cleared.reply.changes as Changes))).toEqual(
      cellsOf(cleared.after),
    );
  });

  it('answers null when the edit added rows (the engine is rebuilt): read the workbook', async () => {
    const rows = preview.workbook.emulator.sheet('Sheet1').maxRows;
    const reply = await post(port, '/cell', { sheet: 'Sheet1', a1: `A${rows + 1}`, input: '1' });
    expect((reply.json() as CellResult).changes).toBeNull();
  });
});

describe('the sidebar, export and files', () => {
  it('shows the sidebar a menu item opened, with google.script.run injected first', async () => {
    expect((await send(port, { path: '/sidebar' })).status).toBe(404);
    expect((await run('showCodesSidebar', [])).status).toBe(200);
    const view = await workbook();
    expect(view.sidebar).toEqual({ title: 'Influencer ROI', version: 1 });
    const html = (await send(port, { path: '/sidebar' })).text;
    expect(html.indexOf(SHIM)).toBeGreaterThan(html.indexOf('<head>'));
    expect(html.indexOf(SHIM)).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain('data-panel="codes"');
    expect((await post(port, '/sidebar/close', {})).status).toBe(200);
    expect((await workbook()).sidebar).toBeNull();
  });

  it('exports the workbook as .xlsx with values and number formats', async () => {
    await post(port, '/cell', { sheet: 'Sheet1', a1: 'E1', input: '3/14/2026' });
    const reply = await send(port, { path: '/export.xlsx' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toMatch(/attachment; filename=".+\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reply.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Sheet1');
    expect(sheet?.getCell('A1').value).toBe(2000);
    expect(sheet?.getCell('B1').value).toBe(0.25);
    expect(sheet?.getCell('B1').numFmt).toBe('0%');
    expect(sheet?.getCell('C1').value).toBe(500);
    // Stored as a date serial with a date format, which Excel readers show as the date.
    expect(sheet?.getCell('E1').value).toEqual(new Date(Date.UTC(2026, 2, 14)));
    expect(sheet?.getCell('E1').numFmt).toBe('M/d/yyyy');
    expect(book.worksheets.map((s) => s.name)).toContain('Typed');
  });

  it('saves the workbook as JSON and opens it again', async () => {
    const saved = await send(port, { path: '/save.json' });
    expect(saved.headers['content-disposition']).toMatch(/attachment/);
    await post(port, '/cell', { sheet: 'Sheet1', a1: 'A1', input: '1' });
    expect((await post(port, '/open', saved.text)).status).toBe(200);
    const sheet = (await workbook()).sheets.find((s) => s.name === 'Sheet1');
    expect(sheet?.cells[0][0].display).toBe('2000');
    expect(sheet?.cells[0][2].display).toBe('500');
  });

  it('refuses a file that is not a saved workbook and keeps the open one', async () => {
    const before = await workbook();
    const reply = await post(port, '/open', { version: 99, sheets: 'no' });
    expect(reply.status).toBe(422);
    expect((reply.json() as { error: string }).error).toMatch(/not a saved preview workbook/);
    expect(await workbook()).toEqual(before);
  });

  it('answers 404 for unknown paths and path tricks', async () => {
    for (const path of ['/nope', '/../package.json', '/%2e%2e/package.json', '/run']) {
      expect((await send(port, { path })).status).toBe(404);
    }
  });
});
