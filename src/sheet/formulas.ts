// Formula text, in one place: references, text literals, criteria, and one builder per metric
// with one blank rule. Only functions both Google Sheets and the test engine compute are used.

/** "A", "B", ..., "Z", "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A cell's content as setValues takes it: a formula starts with "=". */
export type Cell = string | number;

/** A sheet name as a formula needs it: always quoted, quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A text literal for a formula. */
export function text(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/**
 * A criterion matching exactly this text in SUMIF/COUNTIF: "=" first, so text starting with
 * "<" or ">" is not read as a comparison, and wildcards escaped with "~".
 */
export function exactly(value: string): string {
  return text(`=${value.replace(/[~*?]/g, (c) => `~${c}`)}`);
}

/** An absolute cell reference, e.g. $C$5. */
export function cellRef(row: number, column: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** An absolute closed column range, e.g. $X$9:$X$233. */
export function columnRange(column: number, first: number, last: number): string {
  const letter = columnLetter(column);
  return `$${letter}$${first}:$${letter}$${last}`;
}

/** A1 of a rectangle, e.g. A17:C23. */
export function areaA1(row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetter(column)}${row}`;
  if (rows === 1 && columns === 1) return start;
  return `${start}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}

// One builder per metric, one blank rule: a figure is blank ("not known yet") until every input
// is a number, and where its denominator is not above zero. Works on cells and, inside
// ARRAYFORMULA, on whole columns.

/** Blank unless every one of these is a number. */
export function whenKnown(inputs: readonly string[], then: string): string {
  return `IF(${inputs.map((input) => `ISNUMBER(${input})`).join('*')}, ${then}, "")`;
}

/** numerator / denominator: engagement rate, conversion rate, CPE, CAC, CPC, AOV, ROAS. */
export function ratioFormula(numerator: string, denominator: string): string {
  return whenKnown(
    [numerator, denominator],
    `IF(${denominator}>0, ${numerator}/${denominator}, "")`,
  );
}

/** ROI = (revenue - cost) / cost, always net of cost (the domain brief's definition). */
export function roiFormula(revenue: string, cost: string): string {
  return whenKnown([revenue, cost], `IF(${cost}>0, (${revenue}-${cost})/${cost}, "")`);
}

/** Nested IFs mapping a value to a result per case, else `otherwise`. */
export function cases(
  value: string,
  pairs: readonly [string, string][],
  otherwise: string,
): string {
  return pairs.reduceRight(
    (rest, [when, then]) => `IF(${value}=${when}, ${then}, ${rest})`,
    otherwise,
  );
}

/** A SUMIFS/COUNTIFS criterion only numbers pass (text and blanks never do). */
export const NUMBER_CRITERION = '">-1E+300"';

/**
 * Words under a total that is a ratio: "CAC over 1 of 3 rows: 2 have no new customers yet", or
 * "CAC over all 3 rows"; blank without rows. `used` and `total` are formulas counting rows (or
 * posts: `unit`).
 */
export function coverageWords(
  label: string,
  used: string,
  total: string,
  missing: string,
  unit = 'row',
): string {
  const many = (n: string) => `${n}&IF(${n}=1, " ${unit}", " ${unit}s")`;
  const left = `(${total}-${used})`;
  const all = `IF(${total}=1, "1 ${unit}", "all "&${many(total)})`;
  const some = `${used}&" of "&${many(total)}&": "&${left}&IF(${left}=1, " has", " have")&" ${missing}"`;
  return `IF(${total}=0, "", "${label} over "&IF(${used}>=${total}, ${all}, ${some}))`;
}

/** Sheets refuses a cell holding more characters than this, a formula's text included. */
export const MAX_FORMULA_CHARS = 50000;

/**
 * A formula that says how many rows were added to the trackers since a sheet was built, when
 * the sheet's figures don't count them yet ("3 rows added since the last refresh are not
 * counted: refresh (...)."); empty otherwise. `handles` are the trackers' open handle ranges,
 * `counted` the rows with a handle the figures hold, `refresh` what to do.
 */
export function addedRowsFormula(
  handles: readonly string[],
  counted: number,
  refresh: string,
): string {
  return addedRowsCountFormula(
    handles.map((range) => `COUNTA(${range})`),
    counted,
    refresh,
  );
}

/** The same words, over rows counted by formulas (COUNTIFS of the rows a sheet sizes for). */
export function addedRowsCountFormula(
  counts: readonly string[],
  counted: number,
  refresh: string,
): string {
  const rows = counts.join('+');
  return `=IF(${rows}>${counted}, (${rows}-${counted})&${text(` rows added since the last refresh are not counted: ${refresh}.`)}, "")`;
}

/** Where a block of cells holds a formula too long for Sheets, as "R5C12", or null. */
export function tooLongFormula(
  cells: readonly (readonly Cell[])[],
  row = 1,
  column = 1,
): { at: string; length: number } | null {
  for (let r = 0; r < cells.length; r++)
    for (let c = 0; c < cells[r].length; c++) {
      const cell = cells[r][c];
      if (typeof cell === 'string' && cell.length > MAX_FORMULA_CHARS)
        return { at: `${columnLetter(column + c)}${row + r}`, length: cell.length };
    }
  return null;
}
