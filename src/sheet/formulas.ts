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

/** `IF(denominator > 0, numerator / denominator, "")` for scalars. */
export function ratio(numerator: string, denominator: string): string {
  return `IF(N(${denominator})>0, ${numerator}/${denominator}, "")`;
}

/** ROI from revenue and spend cells (the domain brief's definition, net of cost). */
export function roiOf(revenue: string, spend: string): string {
  return `IF(N(${spend})>0, (${revenue}-${spend})/${spend}, "")`;
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
