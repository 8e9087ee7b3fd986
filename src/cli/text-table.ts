/** Left-aligned columns separated by two spaces; widths from the visible text (styling added after). */
export function formatColumns(
  rows: readonly string[][],
  style?: (row: number, column: number, text: string) => string,
): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row, r) =>
    row
      .map((cell, c) => {
        const padded = c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0);
        return style ? style(r, c, padded) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
}
