import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import { SimpleTable } from './table';
import { WHAT_WE_STORE, type StoredItem } from '../../src/shared/what-we-store';

/** "What we store": the same rows as docs/security.md's data classification (a test holds them equal). */
export function WhatWeStoreTab() {
  const stored = WHAT_WE_STORE.filter((i) => i.stored);
  const never = WHAT_WE_STORE.filter((i) => !i.stored);
  return (
    <Stack space="space.400">
      <Text color="color.text.subtle">
        What RunbookGuard keeps about this site, where, and for how long. The same list is in the app&apos;s
        security documentation.
      </Text>
      <Section id="rg-stored" title="Stored" caption="What RunbookGuard stores" items={stored} />
      <Section id="rg-never" title="Never stored" caption="What RunbookGuard never stores" items={never} />
    </Stack>
  );
}

function Section({
  id,
  title,
  caption,
  items,
}: {
  id: string;
  title: string;
  caption: string;
  items: StoredItem[];
}) {
  return (
    <Stack space="space.150">
      <Heading size="medium" as="h2" id={id}>
        {title}
      </Heading>
      <SimpleTable<StoredItem>
        caption={caption}
        rowKey={(i) => i.item}
        rows={items}
        columns={[
          { key: 'item', header: 'What', width: '40%', render: (i) => <Text weight="medium">{i.item}</Text> },
          {
            key: 'detail',
            header: title === 'Stored' ? 'Where and how long' : 'Instead',
            render: (i) => i.detail,
          },
        ]}
      />
    </Stack>
  );
}
