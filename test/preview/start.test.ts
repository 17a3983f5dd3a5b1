// npm start skips what is already current: build/ newer than its sources, and the sample
// workbook kept as a snapshot. (The time it then takes is in `npm run bench`.)
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedSample } from '../../preview/cli';
import { workbookView } from '../../preview/view';
import { newestChange, upToDate } from '../../scripts/start.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file whose modification time is `minutesAgo` before now. */
function file(name: string, minutesAgo: number): void {
  const full = path.join(dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, name);
  const when = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(full, when, when);
}

describe('npm start', () => {
  it('skips the build only when every output is newer than every source file', () => {
    file('src/a.ts', 30);
    file('src/deep/b.ts', 20);
    file('build/Code.js', 10);
    file('build/sidebar.html', 10);
    expect(newestChange(['src'], dir)).toBeGreaterThan(Date.now() - 21 * 60_000);
    expect(upToDate(['build/Code.js', 'build/sidebar.html'], ['src'], dir)).toBe(true);
    // A source changed after the build, however deep in its folder.
    file('src/deep/b.ts', 5);
    expect(upToDate(['build/Code.js', 'build/sidebar.html'], ['src'], dir)).toBe(false);
    file('build/Code.js', 1);
    expect(upToDate(['build/Code.js', 'build/sidebar.html'], ['src'], dir)).toBe(false);
    file('build/sidebar.html', 1);
    expect(upToDate(['build/Code.js', 'build/sidebar.html'], ['src'], dir)).toBe(true);
    // A missing output is never current.
    expect(upToDate(['build/Code.js', 'build/missing.js'], ['src'], dir)).toBe(false);
  });

  it('opens the sample from its snapshot showing exactly what building it shows', () => {
    const cache = { file: path.join(dir, 'cache/sample.json'), fresh: false };
    const built = cachedSample(cache);
    const reopened = cachedSample({ ...cache, fresh: true });
    const ui = { sidebarVersion: 0, toasts: [] };
    const view = workbookView(reopened.emulator, ui);
    expect(view).toEqual(workbookView(built.emulator, ui));
    expect(view.sheets.map((sheet) => sheet.name)).toContain('Glow serum launch');
  }, 120_000);
});
