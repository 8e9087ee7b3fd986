import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useId, useState } from 'react';
import type { CoverageCellView, ResolverRequest } from '../../src/shared/contract';
import { SingleFilter } from '../shared/filter-select';
import { fieldLabelStyle } from '../shared/table-styles';
import { RESOURCE_KIND_LABELS, exactTime, formatCount, keysOf, type ResourceKind } from '../shared/format';
import { usePager } from '../shared/pager';
import { PaginationBar } from '../shared/pagination-bar';
import { Empty, ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { ResourceTable } from './resource-table';

interface CoverageFilters {
  account: string | null;
  region: string | null;
  resourceType: ResourceKind | null;
  tagKey: string;
  tagValue: string;
}
const NONE: CoverageFilters = { account: null, region: null, resourceType: null, tagKey: '', tagValue: '' };
const PAGE = 25;
const DEBOUNCE_MS = 300;

export function uncoveredRequest(
  f: CoverageFilters,
  cursor: string | undefined,
): ResolverRequest<'listUncoveredResources'> {
  const key = f.tagKey.trim();
  const value = f.tagValue.trim();
  return {
    limit: PAGE,
    ...(f.account !== null ? { account: f.account } : {}),
    ...(f.region !== null ? { region: f.region } : {}),
    ...(f.resourceType !== null ? { resourceType: f.resourceType } : {}),
    ...(key !== '' ? { tag: { key, ...(value !== '' ? { value } : {}) } } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}

/**
 * "Which production databases have no runbook?": resources of the latest inventory that no
 * checked page names, filtered by account, region, type and tag.
 */
export default function CoverageTab({ cells }: { cells: CoverageCellView[] }) {
  const [filters, setFilters] = useState<CoverageFilters>(NONE);
  const [tagKey, setTagKey] = useState('');
  const [tagValue, setTagValue] = useState('');
  const pager = usePager();
  const keyId = useId();
  const valueId = useId();
  const update = (next: Partial<CoverageFilters>) => {
    setFilters((f) => ({ ...f, ...next }));
    pager.reset();
  };
  useEffect(() => {
    if (tagKey === filters.tagKey && tagValue === filters.tagValue) return;
    const timer = setTimeout(() => update({ tagKey, tagValue }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  });
  const list = useResolver('listUncoveredResources', uncoveredRequest(filters, pager.cursor));
  const accounts = [...new Set(cells.map((c) => c.account))].sort();
  const regions = [...new Set(cells.flatMap((c) => (c.region === null ? [] : [c.region])))].sort();
  const filtered = JSON.stringify(filters) !== JSON.stringify(NONE);
  const clear = () => {
    setTagKey('');
    setTagValue('');
    update(NONE);
  };

  return (
    <Stack space="space.200">
      <Text color="color.text.subtle">
        AWS resources that no runbook mentions. Narrow it down, e.g. RDS instances tagged env=production.
      </Text>
      <Inline space="space.150" shouldWrap alignBlock="end">
        <SingleFilter
          label="Account"
          placeholder="All accounts"
          options={accounts.map((a) => ({ value: a, label: a }))}
          value={filters.account}
          onChange={(account) => update({ account })}
        />
        <SingleFilter
          label="Region"
          placeholder="All regions"
          options={regions.map((r) => ({ value: r, label: r }))}
          value={filters.region}
          onChange={(region) => update({ region })}
          width={180}
        />
        <SingleFilter<ResourceKind>
          label="Resource type"
          placeholder="All types"
          options={keysOf(RESOURCE_KIND_LABELS).map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k] }))}
          value={filters.resourceType}
          onChange={(resourceType) => update({ resourceType })}
        />
        <div style={{ width: 160 }}>
          <label htmlFor={keyId} style={fieldLabelStyle}>
            Tag key
          </label>
          <Textfield
            id={keyId}
            isCompact
            placeholder="env"
            value={tagKey}
            maxLength={128}
            onChange={(e) => setTagKey(e.currentTarget.value)}
          />
        </div>
        <div style={{ width: 160 }}>
          <label htmlFor={valueId} style={fieldLabelStyle}>
            Tag value
          </label>
          <Textfield
            id={valueId}
            isCompact
            placeholder="Any value"
            value={tagValue}
            maxLength={256}
            isDisabled={tagKey.trim() === ''}
            onChange={(e) => setTagValue(e.currentTarget.value)}
          />
        </div>
        {filtered && (
          <Button appearance="subtle" onClick={clear}>
            Clear filters
          </Button>
        )}
      </Inline>
      {list.state === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data === null ? (
        <Loading label="Loading uncovered resources" />
      ) : list.data.snapshotTakenAt === null ? (
        <Empty
          header="No inventory yet"
          description="The first scan reads your AWS inventory; then this tab lists what no runbook covers."
        />
      ) : list.data.items.length === 0 && pager.index === 0 ? (
        filtered ? (
          <Empty
            header="No uncovered resources match these filters"
            description="Every resource that matches is named in a runbook, or the filters are too narrow."
            action={<Button onClick={clear}>Clear filters</Button>}
          />
        ) : (
          <Empty
            header="Every resource has a runbook"
            description="Each AWS resource in the latest inventory is named on at least one checked page."
          />
        )
      ) : (
        <Stack space="space.100">
          <div
            aria-busy={list.state === 'loading'}
            style={{ opacity: list.state === 'loading' ? 0.6 : 1, width: '100%' }}
          >
            <ResourceTable
              items={list.data.items}
              caption={`${formatCount(list.data.total)} resources no runbook mentions (inventory of ${exactTime(list.data.snapshotTakenAt)})`}
            />
          </div>
          <PaginationBar
            label={`${formatCount(pager.offset + 1)}–${formatCount(pager.offset + list.data.items.length)} of ${formatCount(list.data.total)}`}
            hasPrevious={pager.index > 0}
            hasNext={list.data.nextCursor !== null}
            busy={list.state === 'loading'}
            onPrevious={pager.previous}
            onNext={() => {
              if (list.data?.nextCursor) pager.next(list.data.nextCursor, list.data.items.length);
            }}
          />
        </Stack>
      )}
    </Stack>
  );
}
