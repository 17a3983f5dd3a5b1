// The floors of src/ (scripts/check-floors.mjs, run by npm run lint): the real tree passes, and
// the check names a climbing import, browser code reaching the server, and a folder cycle.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

interface Import {
  file: string;
  from: string;
  to: string;
}
interface Floors {
  importsOf(srcDir: string): Import[];
  problems(imports: Import[]): string[];
}

const ROOT = path.resolve(__dirname, '..');
let floors: Floors;

beforeAll(async () => {
  floors = (await import(
    pathToFileURL(path.join(ROOT, 'scripts/check-floors.mjs')).href
  )) as Floors;
});

describe('the floors of src/', () => {
  it('src/ imports only downward, with no folder cycle', () => {
    const imports = floors.importsOf(path.join(ROOT, 'src'));
    expect(imports.length).toBeGreaterThan(100);
    expect(imports).toContainEqual({
      file: path.join('tracker', 'rates-sheet.ts'),
      from: 'tracker',
      to: 'money',
    });
    expect(floors.problems(imports)).toEqual([]);
  });

  it('names a lower floor importing a higher one', () => {
    const climbing = { file: 'tracker/columns.ts', from: 'tracker', to: 'creators' };
    expect(floors.problems([climbing])).toEqual([
      'tracker/columns.ts: tracker/ (floor 3) imports creators/ (floor 6)',
    ]);
  });

  it('names browser code importing server code, and a folder on no floor', () => {
    expect(
      floors.problems([
        { file: 'sidebar/panel.ts', from: 'sidebar', to: 'tracker' },
        { file: 'extra/thing.ts', from: 'extra', to: 'shared' },
      ]),
    ).toEqual([
      'sidebar/panel.ts: browser code imports tracker/',
      'extra/thing.ts: extra/ is on no floor (add it to FLOORS)',
    ]);
  });

  it('names two folders of one floor that import each other', () => {
    const found = floors.problems([
      { file: 'team/codes.ts', from: 'team', to: 'import' },
      { file: 'import/match.ts', from: 'import', to: 'team' },
    ]);
    expect(found).toEqual(['folders import each other: team -> import -> team']);
  });
});
