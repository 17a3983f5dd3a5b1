// The engine stops recomputing below a formula whose value did not change, but it compares by
// identity: an array formula's result is a new object after every recalculation, so everything
// below one (the dashboard's and report's blocks are all ARRAYFORMULAs) is recomputed on every
// edit. This makes the comparison by content, for arrays and for values held in objects (errors,
// dates, currencies). It reaches into HyperFormula's evaluator, as sheets-engine.ts reaches into
// its dependency graph; a value it cannot compare counts as changed, as before.
import type { HyperFormula } from 'hyperformula';

interface Changes {
  addChange(...args: unknown[]): void;
}

interface Vertex {
  array?: { raw?: () => unknown[][] };
  isComputed?: () => boolean;
  cachedCellValue?: unknown;
}

interface Evaluator {
  recomputeVertex(vertex: Vertex, changes: Changes): boolean;
}

export function cutOffUnchanged(hf: HyperFormula): void {
  const evaluator = (hf as unknown as { _evaluator?: Evaluator })._evaluator;
  if (!evaluator || typeof evaluator.recomputeVertex !== 'function') return;
  const recompute = evaluator.recomputeVertex;
  evaluator.recomputeVertex = function (vertex, changes) {
    const before = valueOf(vertex);
    const pending: unknown[][] = [];
    const moved = recompute.call(this, vertex, { addChange: (...args) => pending.push(args) });
    if (moved && before !== undefined && sameValue(before, valueOf(vertex))) return false;
    for (const args of pending) changes.addChange(...args);
    return moved;
  };
}

/** What a formula vertex holds: its array's cells, or its cached value; undefined otherwise. */
function valueOf(vertex: Vertex): unknown {
  if (typeof vertex.isComputed !== 'function' || !vertex.isComputed()) return undefined;
  if (vertex.array) return typeof vertex.array.raw === 'function' ? vertex.array.raw() : undefined;
  return vertex.cachedCellValue;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  return sameObject(a, b);
}

/** Two value objects of one class with the same fields (an error's type and message, say). */
function sameObject(a: unknown, b: unknown): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return keys.every((key) => left[key] === right[key]);
}
