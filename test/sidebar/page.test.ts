// The built sidebar as a file: small, self-contained, and data never reaches it as HTML.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDEBAR_PATH } from '../harness/browser-bridge';

const SOURCE_DIR = path.resolve(__dirname, '../../src/sidebar');
const html = readFileSync(SIDEBAR_PATH, 'utf8');

describe('the built sidebar page', () => {
  it('stays under 75 KB (papaparse, which reads big files, is about 20 KB of it)', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(75 * 1024);
  });

  it('is one file: script and styles inlined, nothing loaded from elsewhere', () => {
    expect(html).not.toContain('<!-- inline:');
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href="(?!data:)/i);
    // CSS url(...), not a script's createObjectURL(...) (papaparse's own worker, never started).
    expect(html).not.toMatch(/@import|(?<![\w.])url\(/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/i);
  });

  it('has a label for every field', () => {
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThanOrEqual(11);
    for (const id of ids) expect(html, `label for #${id}`).toContain(`<label for="${id}"`);
  });
});

describe('the sidebar source', () => {
  const files = readdirSync(SOURCE_DIR).filter((name) => name.endsWith('.ts'));

  it('never writes HTML from strings', () => {
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const source = readFileSync(path.join(SOURCE_DIR, name), 'utf8');
      expect(source, name).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/,
      );
    }
  });
});
