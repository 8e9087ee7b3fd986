import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { useId, useState } from 'react';
import type { PageReferenceView } from '../../src/shared/contract-dashboard';
import { typeName } from './format';
import { STATE_META, scopeOf, type ReferenceGroup } from './page-report-model';

/** The references of one page, grouped by state: a group per state, each row a reference. */

const listStyle = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });
const rowStyle = xcss({
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
  paddingBlock: 'space.100',
});
const valueStyle = xcss({
  fontFamily: 'font.family.code',
  font: 'font.code',
  color: 'color.text',
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingInline: 'space.050',
  display: 'inline-block',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
});
const focusableValue = xcss({
  ':focus-visible': {
    outlineWidth: 'border.width.focused',
    outlineStyle: 'solid',
    outlineColor: 'color.border.focused',
  },
});
const valueCell = xcss({ display: 'flex', minWidth: '0', flexShrink: '1', maxWidth: '100%' });

/** Longer values are cut visually; the whole value is in the tooltip and in the accessible text. */
const TRUNCATE_AT = 48;

function ReferenceValue({ value }: { value: string }) {
  if (value.length <= TRUNCATE_AT)
    return (
      <Box as="code" xcss={valueStyle}>
        {value}
      </Box>
    );
  return (
    <Tooltip content={value}>
      {(props) => (
        <Box as="code" xcss={[valueStyle, focusableValue]} tabIndex={0} {...props}>
          {value}
        </Box>
      )}
    </Tooltip>
  );
}

export function StateLozenge({ state }: { state: PageReferenceView['state'] }) {
  const meta = STATE_META[state];
  return <Lozenge appearance={meta.appearance}>{meta.label}</Lozenge>;
}

function FindingState({ r }: { r: PageReferenceView }) {
  if (r.findingStatus !== 'acknowledged' && r.findingStatus !== 'suppressed') return null;
  const label = r.findingStatus === 'acknowledged' ? 'Acknowledged' : 'Suppressed';
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Lozenge appearance={r.findingStatus === 'acknowledged' ? 'inprogress' : 'default'}>{label}</Lozenge>
      <Text size="small" color="color.text.subtle">
        {r.findingStatusReason ? `Reason: ${r.findingStatusReason}` : 'No reason given'}
      </Text>
    </Inline>
  );
}

export function ReferenceRow({ r }: { r: PageReferenceView }) {
  const scope = scopeOf(r);
  const where = r.headingPath.length > 0 ? `Under “${r.headingPath.join(' › ')}”` : null;
  const details = [typeName(r.type), scope, where, r.occurrences > 1 ? `${r.occurrences} times` : null]
    .filter((d): d is string => d !== null)
    .join(' · ');
  return (
    <Box as="li" xcss={rowStyle}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center">
          <StateLozenge state={r.state} />
          <Box xcss={valueCell}>
            <ReferenceValue value={r.value} />
          </Box>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {details}
        </Text>
        {r.message !== null && r.state !== 'verified' ? <Text>{r.message}</Text> : null}
        {r.suggestion !== null ? (
          <Text>
            Did you mean <ReferenceValue value={r.suggestion.value} />?{' '}
            <Text color="color.text.subtle">({r.suggestion.reason})</Text>
          </Text>
        ) : null}
        <FindingState r={r} />
      </Stack>
    </Box>
  );
}

function Rows({ references }: { references: PageReferenceView[] }) {
  return (
    <Box as="ul" xcss={listStyle}>
      {references.map((r) => (
        <ReferenceRow key={`${r.type}:${r.value}:${r.region ?? ''}:${r.account ?? ''}`} r={r} />
      ))}
    </Box>
  );
}

/** One state's references; verified and placeholder groups start folded into a count. */
export function ReferenceGroupView({ group }: { group: ReferenceGroup }) {
  const meta = STATE_META[group.state];
  const [open, setOpen] = useState(!group.collapsed);
  const headingId = useId();
  const listId = useId();
  const n = group.references.length;
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
          <Heading size="xsmall" as="h3" id={headingId}>
            {`${meta.heading} (${n})`}
          </Heading>
          {group.collapsed ? (
            <Button
              appearance="subtle"
              spacing="compact"
              aria-expanded={open}
              aria-controls={listId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? `Hide ${meta.heading.toLowerCase()}` : `Show ${n} ${meta.heading.toLowerCase()}`}
            </Button>
          ) : null}
        </Inline>
        <Text size="small" color="color.text.subtle">
          {meta.description}
        </Text>
        <div id={listId} hidden={!open}>
          {open ? <Rows references={group.references} /> : null}
        </div>
      </Stack>
    </Box>
  );
}
