import { token } from '@atlaskit/tokens';

/**
 * A native select in Atlaskit's field look (tokens, so light and dark both hold): the space page's
 * few short choices do not need react-select's weight in the first bundle.
 */
export function NativeSelect<T extends string>(p: {
  id: string;
  value: T;
  options: readonly { label: string; value: T }[];
  onChange: (value: T) => void;
  ariaLabel?: string;
}) {
  return (
    <select
      id={p.id}
      aria-label={p.ariaLabel}
      value={p.value}
      onChange={(e) => p.onChange(e.currentTarget.value as T)}
      style={{
        width: '100%',
        minHeight: '40px',
        padding: `0 ${token('space.100')}`,
        font: token('font.body'),
        color: token('color.text'),
        backgroundColor: token('color.background.input'),
        border: `${token('border.width')} solid ${token('color.border.input')}`,
        borderRadius: token('radius.small', '3px'),
      }}
    >
      {p.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
