// The preview's HTTP contract on the real bundle and emulator: what the page and the sidebar
// call, and every kind of bad request, none of which may crash the server or change the workbook.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookView } from '../../preview/contract';
import { type RunningPreview, startPreview } from '../../preview/server';
import { PreviewWorkbook } from '../../preview/workbook';
import { TRACKER_FORM } from '../harness/fixtures';
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
    expect((await cell('A1', '2000')).json()).toEqual({ display: '2000', warnings: [] });
    expect((await cell('B1', '25%')).json()).toEqual({ display: '25%', warnings: [] });
    expect((await cell('C1', '=A1*B1')).json()).toEqual({ display: '500', warnings: [] });
    expect((await cell('D1', "'=A1")).json()).toEqual({ display: '=A1', warnings: [] });
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
    expect(added.json()).toEqual({ maxRows: rows + 1000 });
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
