import { printable } from './terminal-text';

/**
 * Left-aligned columns separated by two spaces; widths from the visible text (styling added after).
 * Cells are made printable first: they hold page text.
 */
export function formatColumns(
  rows: readonly string[][],
  style?: (row: number, column: number, text: string) => string,
): string[] {
  const clean = rows.map((row) => row.map(printable));
  const widths: number[] = [];
  for (const row of clean) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return clean.map((row, r) =>
    row
      .map((cell, c) => {
        const padded = c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0);
        return style ? style(r, c, padded) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
}
