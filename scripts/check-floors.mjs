// The floors of src/, bottom to top: a file imports only from its own floor or below, and no two
// folders import each other, even through others. `npm run lint` runs this; it prints every
// climbing import and every folder cycle, and exits 1 when there is one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FLOORS = [
  ['metrics', 'shared'],
  ['money', 'sheet', 'apps', 'functions'],
  ['tracker'],
  ['team', 'import'],
  ['insights'],
  ['creators', 'report'],
  ['check'],
  ['ui'],
  ['main.ts'],
];

/** Browser code stands apart: it sees only the contract and the shared vocabularies. */
export const BROWSER = { folder: 'sidebar', may: ['shared'] };

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/g;

/** Every relative import of src/ as { file, from, to } folder names ('main.ts' for the entry). */
export function importsOf(srcDir) {
  const found = [];
  const folderOf = (file) => {
    const parts = path.relative(srcDir, file).split(path.sep);
    return parts.length > 1 ? parts[0] : parts[0];
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ts$/.test(entry.name)) {
        for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
          const target = path.resolve(path.dirname(file), match[1]);
          if (!target.startsWith(srcDir + path.sep)) continue;
          found.push({
            file: path.relative(srcDir, file),
            from: folderOf(file),
            to: folderOf(`${target}.ts`),
          });
        }
      }
    }
  };
  walk(srcDir);
  return found;
}

/** The imports that climb or leave their allowed set, and the folder cycles, in words. */
export function problems(imports, floors = FLOORS, browser = BROWSER) {
  const floorOf = new Map(floors.flatMap((names, level) => names.map((name) => [name, level])));
  const out = [];
  const edges = new Map();
  for (const { file, from, to } of imports) {
    if (from === to) continue;
    if (from === browser.folder) {
      if (!browser.may.includes(to)) out.push(`${file}: browser code imports ${to}/`);
      continue;
    }
    const a = floorOf.get(from);
    const b = floorOf.get(to);
    if (a === undefined) out.push(`${file}: ${from}/ is on no floor (add it to FLOORS)`);
    else if (b === undefined) out.push(`${file}: imports ${to}, which is on no floor`);
    else if (b > a) out.push(`${file}: ${from}/ (floor ${a + 1}) imports ${to}/ (floor ${b + 1})`);
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
  for (const cycle of cyclesOf(edges)) out.push(`folders import each other: ${cycle.join(' -> ')}`);
  return out;
}

function cyclesOf(edges) {
  const cycles = [];
  const seen = new Set();
  for (const start of edges.keys()) {
    const stack = [[start, [start]]];
    while (stack.length > 0) {
      const [node, trail] = stack.pop();
      for (const next of edges.get(node) ?? []) {
        if (next === start) {
          const key = [...trail].sort().join(',');
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push([...trail, start]);
          }
        } else if (!trail.includes(next)) stack.push([next, [...trail, next]]);
      }
    }
  }
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const found = problems(importsOf(path.join(root, 'src')));
  if (found.length > 0) {
    console.error(`floors: ${found.length} import(s) break the floors of src/:`);
    for (const line of found) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(
    `floors: src/ imports only downward (${FLOORS.map((f) => f.join(', ')).join(' < ')})`,
  );
}
