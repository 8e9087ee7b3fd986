import { Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/** Label–value pairs as a description list, aligned in two columns (css-reset's list margins undone). */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl
      style={{
        margin: 0,
        padding: 0,
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        gap: `${token('space.100')} ${token('space.300')}`,
        alignItems: 'center',
      }}
    >
      {items.map((item) => (
        <div key={item.label} style={{ display: 'contents' }}>
          <dt style={{ margin: 0, padding: 0 }}>
            <Text weight="semibold">{item.label}</Text>
          </dt>
          <dd style={{ margin: 0, padding: 0 }}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
