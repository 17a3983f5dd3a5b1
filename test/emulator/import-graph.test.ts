import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { findCycles, importGraph } from '../../scripts/import-cycles.mjs';

const root = path.resolve(__dirname, '../..');

describe('emulator import graph', () => {
  it('has no runtime import cycle among emulator files', () => {
    const graph = importGraph(path.join(root, 'emulator'));
    expect(graph.size).toBeGreaterThan(15);
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle when two files import each other', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(findCycles(graph)).toEqual(['a.ts -> b.ts -> c.ts']);
  });
});
