// The README and the docs/ pages a newcomer reads: the first screen says how to start, every link
// and named command leads somewhere, and the picture shows the sample's current sheet tabs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_SHEETS } from '../preview/sample-sheets';

const ROOT = path.resolve(__dirname, '..');
const PAGES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8');

/** Markdown links and images, outside code: [text](target) and ![alt](target). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to -. */
function anchors(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) =>
      match[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\- _]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('the README', () => {
  const firstScreen = read('README.md').split('\n').slice(0, 40).join('\n');

  it('shows the two commands and the picture in its first 40 lines', () => {
    expect(firstScreen).toContain('npm ci && npm start');
    expect(firstScreen).toMatch(/^npm test\b/m);
    expect(firstScreen).toMatch(/!\[[^\]]+\]\(docs\/preview\.png\)/);
  });

  it('says npm start prints the address to open, not that it opens the preview itself', () => {
    expect(firstScreen).toMatch(/prints an address/);
    for (const page of ['README.md', 'docs/preview.md'])
      expect(read(page), page).not.toMatch(/\bopens? the (offline )?preview\b/i);
  });
});

describe('the links and commands in README.md and docs/', () => {
  it.each(PAGES)('%s: every relative link leads to a file and heading that exist', (page) => {
    const broken: string[] = [];
    for (const target of links(read(page))) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [file, anchor] = target.split('#');
      const resolved = file ? path.join(path.dirname(path.join(ROOT, page)), file) : '';
      const linked = file ? path.relative(ROOT, resolved) : page;
      if (file && !existsSync(resolved)) broken.push(`${target}: no file ${linked}`);
      else if (anchor && linked.endsWith('.md') && !anchors(read(linked)).has(anchor))
        broken.push(`${target}: no heading #${anchor} in ${linked}`);
    }
    expect(broken).toEqual([]);
  });

  it.each(PAGES)('%s: every npm run command it names is a script in package.json', (page) => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const named = [...read(page).matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]);
    expect(named.filter((name) => !(name in scripts))).toEqual([]);
  });

  it.each(PAGES)('%s: every repository path it names in code exists', (page) => {
    const paths = [
      ...read(page).matchAll(/`((?:src|emulator|preview|scripts|test|bench|docs|\.ci)\/[^`\s]*)`/g),
    ].map((match) => match[1].replace(/[.,:;]$/, ''));
    expect(paths.filter((name) => !existsSync(path.join(ROOT, name)))).toEqual([]);
  });
});

describe('the README picture', () => {
  it('shows the sheet tabs the sample has now (npm run screenshot writes docs/preview.json)', () => {
    const captured = JSON.parse(read('docs/preview.json')) as { picture: string; tabs: string[] };
    expect(existsSync(path.join(ROOT, 'docs', captured.picture))).toBe(true);
    expect(captured.tabs, 'run npm run screenshot: the picture is older than the sample').toEqual(
      SAMPLE_SHEETS,
    );
  });
});
