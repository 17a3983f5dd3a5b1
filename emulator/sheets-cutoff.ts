// The engine stops recomputing below a formula whose value did not change, but it compares by
// identity: an array formula's result is a new object after every recalculation, so everything
// below one (the dashboard's and report's blocks are all ARRAYFORMULAs) is recomputed on every
// edit. This compares by content, for arrays and for values held in objects (errors, dates).
// And a range read by formulas (`$Y$9:$AA$233`) passes a change on only when a cell inside it
// changed, when the cells written are known (`written`): otherwise one changed column of a wide
// array result recomputes every formula reading any other column of it.
// It reaches into HyperFormula's evaluator, as sheets-engine.ts reaches into its dependency
// graph; a value it cannot compare counts as changed, as before.
import type { HyperFormula, SimpleCellAddress } from 'hyperformula';

interface Changes {
  addChange(...args: unknown[]): void;
}

interface Vertex {
  array?: { raw?: () => unknown[][] };
  cellAddress?: SimpleCellAddress;
  isComputed?: () => boolean;
  cachedCellValue?: unknown;
  getAddress?: (service: unknown) => SimpleCellAddress;
  range?: { start: SimpleCellAddress; end: SimpleCellAddress };
  clearCache?: () => void;
}

interface Evaluator {
  lazilyTransformingAstService: unknown;
  recomputeVertex(vertex: Vertex, changes: Changes): boolean;
  partialRun(vertices: unknown[]): unknown;
}

interface Box {
  sheet: number;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export class Cutoff {
  private written: Box[] | null = null;
  /** The cells changed so far in the running recalculation; null: not known (ranges pass on). */
  private changed: Box[] | null = null;

  /** A cell is about to be written (0-based, as the engine counts). */
  write(address: SimpleCellAddress): void {
    this.written ??= [];
    this.written.push(box(address, 1, 1));
  }

  /** The writes announced are done (their recalculation, if any, too). */
  settle(): void {
    this.written = null;
  }

  install(hf: HyperFormula): void {
    const evaluator = (hf as unknown as { _evaluator?: Evaluator })._evaluator;
    if (typeof evaluator?.recomputeVertex !== 'function') return;
    if (typeof evaluator.partialRun !== 'function') return;
    const { recomputeVertex, partialRun } = evaluator;
    const cutoff = this;
    evaluator.partialRun = function (vertices) {
      cutoff.changed = cutoff.written && [...cutoff.written];
      try {
        return partialRun.call(this, vertices);
      } finally {
        cutoff.changed = null;
      }
    };
    evaluator.recomputeVertex = function (vertex, changes) {
      if (vertex.range && typeof vertex.clearCache === 'function') {
        const changed = cutoff.changed;
        if (changed && !changed.some((b) => overlaps(b, vertex.range as Box & Vertex['range']))) {
          return false;
        }
        return recomputeVertex.call(this, vertex, changes);
      }
      const before = heldValue(vertex);
      const pending: unknown[][] = [];
      const moved = recomputeVertex.call(this, vertex, {
        addChange: (...args) => pending.push(args),
      });
      const after = heldValue(vertex);
      if (moved && before !== undefined && sameValue(before, after)) return false;
      for (const args of pending) changes.addChange(...args);
      // A cell that is no formula is one of the cells written, already known.
      if (moved && cutoff.changed && typeof vertex.getAddress === 'function') {
        const boxes = changedBoxes(this, vertex, before, after);
        if (boxes) cutoff.changed.push(...boxes);
        else cutoff.changed = null;
      }
      return moved;
    };
  }
}

/** What a formula vertex holds: its array's cells, or its cached value; undefined otherwise. */
function heldValue(vertex: Vertex): unknown {
  if (typeof vertex.isComputed !== 'function' || !vertex.isComputed()) return undefined;
  if (vertex.array) return typeof vertex.array.raw === 'function' ? vertex.array.raw() : undefined;
  return vertex.cachedCellValue;
}

/**
 * Where a recomputed formula changed: its cell, or the cells of its array that differ; null when
 * that cannot be told (an errored array), and then every range passes the change on.
 */
function changedBoxes(
  evaluator: Evaluator,
  vertex: Vertex,
  before: unknown,
  after: unknown,
): Box[] | null {
  if (!vertex.array) {
    const address = vertex.getAddress?.(evaluator.lazilyTransformingAstService);
    return address ? [box(address, 1, 1)] : null;
  }
  const anchor = vertex.cellAddress;
  if (!anchor || !Array.isArray(after) || (before !== undefined && !Array.isArray(before))) {
    return null;
  }
  const old = (before ?? []) as unknown[][];
  const now = after as unknown[][];
  // The smallest box holding every cell that differs.
  const span = { r1: Infinity, c1: Infinity, r2: -1, c2: -1 };
  for (let r = 0; r < Math.max(old.length, now.length); r++) {
    const a = old[r] ?? [];
    const b = now[r] ?? [];
    for (let c = 0; c < Math.max(a.length, b.length); c++) {
      if (c < a.length && c < b.length && sameValue(a[c], b[c])) continue;
      span.r1 = Math.min(span.r1, r);
      span.c1 = Math.min(span.c1, c);
      span.r2 = Math.max(span.r2, r);
      span.c2 = Math.max(span.c2, c);
    }
  }
  if (span.r2 < 0) return [];
  const corner = { ...anchor, row: anchor.row + span.r1, col: anchor.col + span.c1 };
  return [box(corner, span.r2 - span.r1 + 1, span.c2 - span.c1 + 1)];
}

function box(address: SimpleCellAddress, height: number, width: number): Box {
  const { sheet, row, col } = address;
  return { sheet, r1: row, c1: col, r2: row + height - 1, c2: col + width - 1 };
}

function overlaps(a: Box, range: { start: SimpleCellAddress; end: SimpleCellAddress }): boolean {
  const { start, end } = range;
  return (
    a.sheet === start.sheet &&
    a.r1 <= end.row &&
    a.r2 >= start.row &&
    a.c1 <= end.col &&
    a.c2 >= start.col
  );
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
