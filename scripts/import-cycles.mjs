// Lists the runtime imports between the TypeScript files of a folder and the cycles among
// them (`import type` and `export type` don't count: they vanish when compiled).
// Usage: node scripts/import-cycles.mjs [folder] [--list]   (exit code 1 when a cycle exists)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Runtime imports of each .ts file under `dir`, as paths relative to `dir`. */
export function importGraph(dir) {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const graph = new Map();
  for (const file of files) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const targets = new Set();
    for (const [statement, typeOnly, spec] of source.matchAll(IMPORT)) {
      if (typeOnly || onlyTypes(statement)) continue;
      const target = path.normalize(path.join(path.dirname(file), spec));
      targets.add(target.endsWith('.ts') ? target : `${target}.ts`);
    }
    graph.set(file, [...targets].filter((t) => files.includes(t)).sort());
  }
  return graph;
}

/** `import { type A, type B } from` brings in nothing at run time. */
function onlyTypes(statement) {
  const names = /\{([^}]*)\}/.exec(statement);
  if (!names || /\*|^\s*import\s+\w/.test(statement)) return false;
  const parts = names[1]
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.startsWith('type '));
}

/** Every cycle, each listed once from its smallest file name. */
export function findCycles(graph) {
  const cycles = new Set();
  const walk = (start, node, trail) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) cycles.add([...trail].join(' -> '));
      else if (next > start && !trail.includes(next)) walk(start, next, [...trail, next]);
    }
  };
  for (const file of [...graph.keys()].sort()) walk(file, file, [file]);
  return [...cycles];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'emulator';
  const graph = importGraph(dir);
  if (process.argv.includes('--list')) {
    for (const [file, targets] of graph) console.log(`${file}: ${targets.join(', ') || '-'}`);
  }
  const cycles = findCycles(graph);
  for (const cycle of cycles) console.log(`cycle: ${cycle}`);
  console.log(`${graph.size} files, ${cycles.length} import cycles in ${dir}/`);
  process.exitCode = cycles.length ? 1 : 0;
}
