// Laws that hold for any input a sheet can hold, checked with generated values (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, SheetArg, SheetResult } from '../../src/functions/arguments';
import {
  AOV,
  AWARENESS_VALUE,
  BRAND_REFERRAL_BONUS,
  CAC,
  CONVERSION_RATE,
  CPC,
  CPE,
  CPM,
  EMV,
  ENGAGEMENT_BENCHMARK,
  ENGAGEMENT_RATE,
  INFLUENCER_TIER,
  LTV,
  ROAS,
  ROI,
  UTM_LINK,
} from '../../src/functions/catalog';

type CustomFunction = (...args: SheetArg[]) => SheetResult;
type Kind = 'money' | 'count' | 'rate';
interface NumericFunction {
  name: string;
  fn: CustomFunction;
  kinds: Kind[];
  /** How many trailing arguments may be left out. */
  optional?: number;
}

/** Every function taking numbers, with the kind of each argument. */
const NUMERIC: NumericFunction[] = [
  { name: 'ROI', fn: ROI, kinds: ['money', 'money'] },
  { name: 'ROAS', fn: ROAS, kinds: ['money', 'money'] },
  { name: 'CAC', fn: CAC, kinds: ['money', 'count'] },
  { name: 'ENGAGEMENT_RATE', fn: ENGAGEMENT_RATE, kinds: ['count', 'count'] },
  { name: 'CONVERSION_RATE', fn: CONVERSION_RATE, kinds: ['count', 'count'] },
  { name: 'CPE', fn: CPE, kinds: ['money', 'count'] },
  { name: 'CPM', fn: CPM, kinds: ['money', 'count'] },
  { name: 'CPC', fn: CPC, kinds: ['money', 'count'] },
  { name: 'AOV', fn: AOV, kinds: ['money', 'count'] },
  { name: 'LTV', fn: LTV, kinds: ['money', 'count', 'count', 'rate'], optional: 1 },
  { name: 'BRAND_REFERRAL_BONUS', fn: BRAND_REFERRAL_BONUS, kinds: ['money', 'rate'], optional: 1 },
  { name: 'AWARENESS_VALUE', fn: AWARENESS_VALUE, kinds: ['count', 'rate', 'rate', 'money'] },
  { name: 'EMV', fn: EMV, kinds: ['count', 'money'] },
  { name: 'INFLUENCER_TIER', fn: INFLUENCER_TIER, kinds: ['count'] },
];

/** What a sheet cell can hold: mostly usable numbers, plus everything the rules must refuse. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`) },
  // A blank cell comes as "" (undefined is an argument left out of the formula: an error).
  { weight: 2, arbitrary: fc.constantFrom<Cell>('', 0, '0', ' ', '1,200') },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: -1 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Cell>('lots', 'n/a', '$5', '1e400', 1e308, 5e-324, 150, true),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
);

/** Arguments of a range call: each a single value or a column of `height` cells, at least one a column. */
const rangeCall = (arity: number) =>
  fc.integer({ min: 1, max: 6 }).chain((height) =>
    fc
      .tuple(
        fc.array(fc.oneof(anyCell, fc.array(anyCell, { minLength: height, maxLength: height })), {
          minLength: arity,
          maxLength: arity,
        }),
        fc.nat(arity - 1),
      )
      .map(([args, asColumn]) => {
        const columns = args.map((arg) => (Array.isArray(arg) ? arg : null));
        const forced =
          columns[asColumn] ?? Array.from({ length: height }, () => args[asColumn] as Cell);
        columns[asColumn] = forced;
        const sheetArgs: SheetArg[] = args.map((arg, i) => {
          const cells = columns[i];
          return cells ? cells.map((cell) => [cell]) : (arg as Cell);
        });
        return { args: sheetArgs, height };
      }),
  );

/** The arguments of the single-cell call for one row of a range call. */
const rowOf = (args: SheetArg[], row: number): Cell[] =>
  args.map((arg) => (Array.isArray(arg) ? arg[row][0] : arg));

function singleCall(fn: CustomFunction, args: Cell[]): { value: SheetResult } | { error: string } {
  try {
    return { value: fn(...args) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const isSafe = (cell: unknown) =>
  typeof cell === 'string' || (typeof cell === 'number' && Number.isFinite(cell));

describe('laws of the custom functions', () => {
  it('ROI is ROAS - 1 for any revenue and any cost above zero', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        (revenue, cost) => {
          const roi = ROI(revenue, cost) as number;
          const roas = ROAS(revenue, cost) as number;
          expect(Math.abs(roi - (roas - 1))).toBeLessThanOrEqual(1e-12 * Math.max(1, roas));
        },
      ),
    );
  });

  it.each(NUMERIC)(
    '$name over a range equals its single-cell calls row by row',
    ({ fn, kinds }) => {
      fc.assert(
        fc.property(rangeCall(kinds.length), ({ args, height }) => {
          const range = fn(...args) as unknown[][];
          expect(range).toHaveLength(height);
          for (let row = 0; row < height; row++) {
            const single = singleCall(fn, rowOf(args, row));
            const expected = 'error' in single ? `#${single.error} (row ${row + 1})` : single.value;
            expect(range[row]).toEqual([expected]);
          }
        }),
      );
    },
  );

  it.each(NUMERIC)('$name: a row with a blank required input stays blank', (numeric) => {
    const { fn, kinds, optional = 0 } = numeric;
    const required = kinds.length - optional;
    fc.assert(
      fc.property(rangeCall(kinds.length), fc.nat(required - 1), fc.nat(), (call, blankArg, r) => {
        const { args, height } = call;
        const row = r % height;
        const arg = args[blankArg];
        const blanked = [...args];
        blanked[blankArg] = Array.from({ length: height }, (_, i) => [
          i === row ? '' : Array.isArray(arg) ? arg[i][0] : arg,
        ]);
        expect((fn(...blanked) as unknown[][])[row]).toEqual(['']);
        expect(fn(...rowOf(blanked, row))).toBe('');
      }),
    );
  });

  it.each(NUMERIC)('$name never returns NaN, Infinity or undefined', ({ name, fn, kinds }) => {
    fc.assert(
      fc.property(rangeCall(kinds.length), ({ args }) => {
        for (const row of fn(...args) as unknown[][]) expect(row.every(isSafe)).toBe(true);
        const single = singleCall(fn, rowOf(args, 0));
        if ('error' in single) expect(single.error).toMatch(new RegExp(`^${name}: \\w`));
        else expect(isSafe(single.value)).toBe(true);
      }),
    );
  });

  it('ENGAGEMENT_RATE over several columns equals it over each row total', () => {
    const row = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 1_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const width = Math.max(...rows.map(([counts]) => counts.length));
        const pad = (counts: number[]) => [...counts, ...Array(width - counts.length).fill('')];
        const engagements = rows.map(([counts]) => pad(counts));
        const totals = rows.map(([counts]) => [counts.reduce((sum, n) => sum + n, 0)]);
        const audience = rows.map(([, followers]) => [followers]);
        expect(ENGAGEMENT_RATE(engagements, audience)).toEqual(ENGAGEMENT_RATE(totals, audience));
      }),
    );
  });

  it('UTM_LINK and ENGAGEMENT_BENCHMARK return text or numbers, and errors with their name', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom<Cell>('', 'https://shop.com/p?a=1#x', 'TikTok', 2024, true),
    );
    const cases: [string, CustomFunction, number][] = [
      ['UTM_LINK', UTM_LINK, 5],
      ['ENGAGEMENT_BENCHMARK', ENGAGEMENT_BENCHMARK, 1],
    ];
    fc.assert(
      fc.property(fc.array(cell, { minLength: 5, maxLength: 5 }), (cells) => {
        for (const [name, fn, arity] of cases) {
          const args = cells.slice(0, arity);
          for (const row of fn(...args.map((c) => [[c]])) as unknown[][]) {
            expect(row.every(isSafe)).toBe(true);
          }
          const single = singleCall(fn, args);
          if ('error' in single) expect(single.error.startsWith(`${name}: `)).toBe(true);
          else expect(single.value).toBeDefined();
        }
      }),
    );
  });
});
