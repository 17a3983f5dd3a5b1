// A1 names: column letters and 0-based cell positions.

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** (0, 1) -> "B1". */
export function a1Name(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** "B7" -> { row: 6, column: 1 }; null for anything else (ranges, sheet names). */
export function parseA1(text: string): { row: number; column: number } | null {
  const match = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*$/.exec(text);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1].toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  const row = Number(match[2]);
  return row >= 1 ? { row: row - 1, column: column - 1 } : null;
}
