import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { useState } from 'react';
import type { CoverageCellView, ResolverRequest } from '../../src/shared/contract';
import {
  COVERAGE_STATE_LABELS,
  SERVICE_LABELS,
  exactTime,
  formatCount,
  keysOf,
  regionLabel,
  type Service,
} from '../shared/format';
import { LinkButton } from '../shared/links';
import { usePager } from '../shared/pager';
import { PaginationBar } from '../shared/pagination-bar';
import { Empty, ErrorState, Loading } from '../shared/states';
import { cellStyle, headCellStyle, subtleTextStyle, tableStyle } from '../shared/table-styles';
import { useResolver } from '../shared/use-resolver';
import { ResourceTable } from './resource-table';

type Cell = Pick<CoverageCellView, 'account' | 'region' | 'service'>;
const PAGE = 25;

export function cellRequest(cell: Cell, cursor: string | undefined): ResolverRequest<'listInventory'> {
  return {
    account: cell.account,
    service: cell.service,
    limit: PAGE,
    ...(cell.region !== null ? { region: cell.region } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  };
}

function describe(cell: Cell): string {
  return `${SERVICE_LABELS[cell.service]} in ${cell.account}, ${regionLabel(cell.region)}`;
}

/** What the latest inventory saw, per account: regions × services, each cell opening its resources. */
export default function InventoryTab() {
  const [chosen, setChosen] = useState<Cell | null>(null);
  const map = useResolver('listInventory', {});
  if (chosen !== null) return <CellResources cell={chosen} onBack={() => setChosen(null)} />;
  if (map.state === 'error') return <ErrorState error={map.error} onRetry={map.reload} />;
  if (map.data === null) return <Loading label="Loading the inventory" />;
  if (map.data.snapshotTakenAt === null || map.data.cells.length === 0)
    return (
      <Empty
        header="No inventory yet"
        description="The first scan reads your AWS inventory; it shows up here."
      />
    );
  const accounts = [...new Set(map.data.cells.map((c) => c.account))].sort();
  return (
    <Stack space="space.300">
      <Text color="color.text.subtle">
        Resources per account, region and service in the inventory of {exactTime(map.data.snapshotTakenAt)}.
        Choose a number to see those resources.
      </Text>
      {accounts.map((account) => (
        <AccountMatrix
          key={account}
          account={account}
          cells={map.data?.cells.filter((c) => c.account === account) ?? []}
          onChoose={setChosen}
        />
      ))}
    </Stack>
  );
}

function AccountMatrix({
  account,
  cells,
  onChoose,
}: {
  account: string;
  cells: CoverageCellView[];
  onChoose: (cell: Cell) => void;
}) {
  const services = keysOf(SERVICE_LABELS).filter((s) => cells.some((c) => c.service === s));
  const regions = [...new Set(cells.map((c) => c.region))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const at = (region: string | null, service: Service) =>
    cells.find((c) => c.region === region && c.service === service);
  const total = cells.reduce((n, c) => n + c.resources, 0);
  return (
    <Stack space="space.100">
      <Heading size="small" as="h3">
        Account {account} <span style={subtleTextStyle}>· {formatCount(total)} resources</span>
      </Heading>
      <div style={{ overflowX: 'auto', width: '100%' }}>
        <table style={tableStyle} data-testid={`inventory-${account}`}>
          <thead>
            <tr>
              <th scope="col" style={headCellStyle}>
                Region
              </th>
              {services.map((s) => (
                <th key={s} scope="col" style={{ ...headCellStyle, textAlign: 'end' }}>
                  {SERVICE_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {regions.map((region) => (
              <tr key={region ?? 'global'}>
                <th scope="row" style={{ ...cellStyle, textAlign: 'start', fontWeight: 'normal' }}>
                  {regionLabel(region)}
                </th>
                {services.map((service) => {
                  const cell = at(region, service);
                  return (
                    <td key={service} style={{ ...cellStyle, textAlign: 'end' }}>
                      {cell === undefined ? (
                        <span style={subtleTextStyle} aria-label="not applicable">
                          –
                        </span>
                      ) : cell.state !== 'scanned' ? (
                        <Tooltip content={cell.reason ?? COVERAGE_STATE_LABELS[cell.state]} tag="span">
                          <span
                            tabIndex={0}
                            style={{
                              ...subtleTextStyle,
                              color:
                                cell.state === 'denied' || cell.state === 'failed'
                                  ? token('color.text.danger')
                                  : token('color.text.subtlest'),
                            }}
                          >
                            {COVERAGE_STATE_LABELS[cell.state]}
                          </span>
                        </Tooltip>
                      ) : cell.resources === 0 ? (
                        <span style={subtleTextStyle}>0</span>
                      ) : (
                        <LinkButton
                          onClick={() => onChoose(cell)}
                          label={`${formatCount(cell.resources)} resources: ${describe(cell)}`}
                        >
                          {formatCount(cell.resources)}
                        </LinkButton>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Stack>
  );
}

function CellResources({ cell, onBack }: { cell: Cell; onBack: () => void }) {
  const pager = usePager();
  const list = useResolver('listInventory', cellRequest(cell, pager.cursor));
  const resources = list.data?.resources ?? null;
  return (
    <Stack space="space.200">
      <Inline space="space.150" alignBlock="center">
        <Button onClick={onBack}>Back to the inventory</Button>
        <Heading size="small" as="h3">
          {describe(cell)}
        </Heading>
      </Inline>
      {list.state === 'error' ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.data === null || resources === null ? (
        <Loading label="Loading resources" />
      ) : resources.items.length === 0 && pager.index === 0 ? (
        <Empty
          header="No resources here"
          description="The inventory saw none of this service in this account and region."
        />
      ) : (
        <Stack space="space.100">
          <ResourceTable items={resources.items} caption={`${formatCount(resources.total)} resources`} />
          <PaginationBar
            label={`${formatCount(pager.offset + 1)}–${formatCount(pager.offset + resources.items.length)} of ${formatCount(resources.total)}`}
            hasPrevious={pager.index > 0}
            hasNext={resources.nextCursor !== null}
            busy={list.state === 'loading'}
            onPrevious={pager.previous}
            onNext={() => {
              if (resources.nextCursor !== null) pager.next(resources.nextCursor, resources.items.length);
            }}
          />
        </Stack>
      )}
    </Stack>
  );
}
