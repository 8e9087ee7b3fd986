import { Stack, Text } from '@atlaskit/primitives';
import type { InventoryResourceView } from '../../src/shared/contract';
import { RESOURCE_KIND_LABELS, regionLabel } from '../shared/format';
import { cellStyle, codeStyle, headCellStyle, subtleTextStyle, tableStyle } from '../shared/table-styles';

const TAGS_SHOWN = 4;

/** AWS resources as the inventory saw them (coverage and inventory tabs). */
export function ResourceTable({ items, caption }: { items: InventoryResourceView[]; caption: string }) {
  return (
    <div style={{ overflowX: 'auto', width: '100%' }}>
      <table style={tableStyle} data-testid="resource-table">
        <caption style={{ ...subtleTextStyle, textAlign: 'start', captionSide: 'top', paddingBlockEnd: 4 }}>
          {caption}
        </caption>
        <thead>
          <tr>
            {['Resource', 'Type', 'Account', 'Region', 'State', 'Tags'].map((h) => (
              <th key={h} scope="col" style={headCellStyle}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const tags = Object.entries(r.tags).sort(([a], [b]) => a.localeCompare(b));
            return (
              <tr key={`${r.account}/${r.region ?? ''}/${r.kind}/${r.id}`}>
                <td style={{ ...cellStyle, maxWidth: 360 }}>
                  <Stack space="space.025" alignInline="start">
                    {r.name !== null && r.name !== r.id && <Text weight="semibold">{r.name}</Text>}
                    <code style={codeStyle}>{r.id}</code>
                  </Stack>
                </td>
                <td style={cellStyle}>{RESOURCE_KIND_LABELS[r.kind]}</td>
                <td style={cellStyle}>{r.account}</td>
                <td style={cellStyle}>{regionLabel(r.region)}</td>
                <td style={cellStyle}>{r.state ?? '—'}</td>
                <td style={{ ...cellStyle, maxWidth: 280 }}>
                  {tags.length === 0 ? (
                    <span style={subtleTextStyle}>none</span>
                  ) : (
                    <span style={subtleTextStyle}>
                      {tags
                        .slice(0, TAGS_SHOWN)
                        .map(([k, v]) => `${k}=${v}`)
                        .join(', ')}
                      {tags.length > TAGS_SHOWN ? ` +${tags.length - TAGS_SHOWN}` : ''}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
