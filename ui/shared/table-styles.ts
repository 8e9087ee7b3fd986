import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';

/** A plain data table in Atlaskit's look (DynamicTable cannot group rows under a page heading). */
export const tableStyle: CSSProperties = {
  width: '100%',
  borderCollapse: 'collapse',
  font: token('font.body'),
  color: token('color.text'),
};
export const headCellStyle: CSSProperties = {
  textAlign: 'start',
  font: token('font.body.small'),
  fontWeight: token('font.weight.bold'),
  color: token('color.text.subtle'),
  padding: `${token('space.100')} ${token('space.100')}`,
  borderBlockEnd: `2px solid ${token('color.border')}`,
  whiteSpace: 'nowrap',
};
export const cellStyle: CSSProperties = {
  padding: `${token('space.100')} ${token('space.100')}`,
  borderBlockEnd: `1px solid ${token('color.border')}`,
  verticalAlign: 'top',
};
export const groupCellStyle: CSSProperties = {
  ...cellStyle,
  background: token('color.background.neutral.subtle.hovered'),
  fontWeight: token('font.weight.semibold'),
  textAlign: 'start',
};
export const codeStyle: CSSProperties = {
  font: token('font.code'),
  background: token('color.background.neutral'),
  color: token('color.text'),
  borderRadius: token('radius.small'),
  padding: `0 ${token('space.050')}`,
  overflowWrap: 'anywhere',
};
export const linkStyle: CSSProperties = { color: token('color.link'), overflowWrap: 'anywhere' };
export const subtleTextStyle: CSSProperties = {
  color: token('color.text.subtle'),
  font: token('font.body.small'),
};
/** A field's label above it (our filters sit in a row, not in an Atlaskit Form). */
export const fieldLabelStyle: CSSProperties = {
  display: 'block',
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
  marginBlockEnd: token('space.050'),
};
