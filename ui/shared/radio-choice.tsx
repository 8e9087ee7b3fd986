import { Inline } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

/**
 * Native radio buttons and checkboxes in the brand colour (the current @atlaskit/checkbox needs
 * React 18): keyboard and screen-reader behaviour come from the browser.
 */
export const nativeControlStyle = { accentColor: token('color.background.brand.bold'), margin: 0 };

export function RadioChoice(p: {
  id: string;
  name: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
}) {
  return (
    <Inline space="space.100" alignBlock="center">
      <input
        type="radio"
        id={p.id}
        name={p.name}
        checked={p.checked}
        onChange={p.onChange}
        style={nativeControlStyle}
      />
      <label htmlFor={p.id}>{p.children}</label>
    </Inline>
  );
}
