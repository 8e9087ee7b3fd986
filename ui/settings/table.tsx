import { Box, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/**
 * A plain, styled table for the settings page's short lists. Atlaskit's DynamicTable brings
 * drag-and-drop and paging code this page does not need; this keeps its look:
 * bold head row with a heavier rule, rows divided by the border token, a visually hidden caption.
 */
export interface Column<T> {
  key: string;
  header: string;
  /** CSS width of the column, e.g. "40%". */
  width?: string;
  render: (row: T) => ReactNode;
}

const wrapStyles = xcss({ overflowX: 'auto', width: '100%' });

const cell = {
  padding: `${token('space.100')} ${token('space.100')}`,
  textAlign: 'start' as const,
  verticalAlign: 'top' as const,
  borderBlockEnd: `${token('border.width')} solid ${token('color.border')}`,
};

const hidden = {
  position: 'absolute' as const,
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap' as const,
};

export function SimpleTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}) {
  return (
    <Box xcss={wrapStyles}>
      <table
        style={{
          width: '100%',
          borderCollapse: 'collapse',
          font: token('font.body'),
          color: token('color.text'),
        }}
      >
        <caption style={hidden}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                style={{
                  ...cell,
                  width: c.width,
                  font: token('font.body.small'),
                  fontWeight: token('font.weight.bold'),
                  color: token('color.text.subtle'),
                  borderBlockEnd: `2px solid ${token('color.border')}`,
                }}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} style={cell}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
