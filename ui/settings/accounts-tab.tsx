import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { SettingsView } from '../../src/shared/contract-settings';
import { MAX_AWS_ACCOUNTS } from '../../src/shared/settings-values';
import { call, type ApiError } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { asApiError, useForbiddenReport, useForbiddenWatch } from './forbidden';
import { formatTime, plural } from './format';
import { RegionPicker } from './region-picker';
import { regionsSummary } from './regions';
import { Dialog } from '../shared/dialog';
import { SimpleTable } from './table';
import { regionsProblem } from './validate';
import { ConnectWizard } from './wizard';

type Account = SettingsView['accounts'][number];

/**
 * The "AWS accounts" tab: the set-up wizard while nothing is connected, then the connected accounts
 * with their regions, and ways to add one, change one's regions or remove one. Every change saves
 * the whole list (saveSettings replaces it); roles already connected are not re-checked.
 */
export function AccountsTab() {
  const loaded = useResolver('getSettings', {});
  useForbiddenWatch(loaded.state === 'error' ? loaded.error : null);
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const view = saved ?? loaded.data;

  if (view === null)
    return loaded.state === 'error' ? (
      <ErrorState error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Loading label="Loading connected AWS accounts" />
    );

  const onSaved = (next: SettingsView, message: string) => {
    setSaved(next);
    setAdding(false);
    setNotice(message);
  };

  if (view.accounts.length === 0)
    return (
      <Stack space="space.200">
        {notice !== null && <Notice text={notice} />}
        <ConnectWizard connected={[]} onSaved={(next) => onSaved(next, connectedMessage(next))} />
      </Stack>
    );

  const full = view.accounts.length >= MAX_AWS_ACCOUNTS;
  return (
    <Stack space="space.300">
      {notice !== null && <Notice text={notice} />}
      <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
        <Stack space="space.050">
          <Heading size="medium" as="h2">
            Connected AWS accounts
          </Heading>
          <Text color="color.text.subtle">
            {plural(view.accounts.length, 'account')} of at most {MAX_AWS_ACCOUNTS}. External ID for new
            roles: <code>{view.externalId}</code>
          </Text>
        </Stack>
        {!adding && (
          <Button appearance="primary" onClick={() => setAdding(true)} isDisabled={full}>
            Connect another account
          </Button>
        )}
      </Inline>
      {full && !adding && (
        <Text color="color.text.subtle">
          {MAX_AWS_ACCOUNTS} accounts is the most one site can connect; remove one to add another.
        </Text>
      )}
      <AccountTable view={view} onSaved={(next, message) => onSaved(next, message)} />
      {adding && (
        <ConnectWizard
          connected={view.accounts}
          onSaved={(next) => onSaved(next, connectedMessage(next))}
          onCancel={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}

function connectedMessage(view: SettingsView): string {
  const newest = [...view.accounts].sort((a, b) => b.connectedAt - a.connectedAt)[0];
  return newest === undefined
    ? 'Saved.'
    : `AWS account ${newest.account} is connected. The next scan reads it.`;
}

function Notice({ text }: { text: string }) {
  return (
    <SectionMessage appearance="success">
      <Text>{text}</Text>
    </SectionMessage>
  );
}

function AccountTable({
  view,
  onSaved,
}: {
  view: SettingsView;
  onSaved: (view: SettingsView, message: string) => void;
}) {
  const [editing, setEditing] = useState<Account | null>(null);
  const [removing, setRemoving] = useState<Account | null>(null);
  return (
    <>
      <SimpleTable<Account>
        caption="Connected AWS accounts"
        rowKey={(a) => a.account}
        rows={view.accounts}
        columns={[
          { key: 'account', header: 'Account', render: (a) => <Text weight="semibold">{a.account}</Text> },
          {
            key: 'role',
            header: 'Role',
            width: '36%',
            render: (a) => <code style={{ wordBreak: 'break-all' }}>{a.roleArn}</code>,
          },
          { key: 'regions', header: 'Regions', render: (a) => regionsSummary(a.regions) },
          { key: 'connected', header: 'Connected', render: (a) => formatTime(a.connectedAt) },
          {
            key: 'actions',
            header: 'Actions',
            render: (a) => (
              <Inline space="space.050">
                <Button
                  appearance="subtle"
                  onClick={() => setEditing(a)}
                  aria-label={`Edit regions of account ${a.account}`}
                >
                  Edit regions
                </Button>
                <Button
                  appearance="subtle"
                  onClick={() => setRemoving(a)}
                  aria-label={`Remove account ${a.account}`}
                >
                  Remove
                </Button>
              </Inline>
            ),
          },
        ]}
      />
      {editing !== null && (
        <EditRegions
          account={editing}
          view={view}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onSaved(next, `Regions of account ${editing.account} saved.`);
          }}
        />
      )}
      {removing !== null && (
        <ConfirmRemove
          account={removing}
          view={view}
          onClose={() => setRemoving(null)}
          onSaved={(next) => {
            setRemoving(null);
            onSaved(next, `AWS account ${removing.account} removed.`);
          }}
        />
      )}
    </>
  );
}

/** Saves the accounts list with one account's regions replaced (or the account left out). */
function useSaveAccounts(view: SettingsView) {
  const forbidden = useForbiddenReport();
  const [state, setState] = useState<{ saving: boolean; error: ApiError | null }>({
    saving: false,
    error: null,
  });
  const save = async (
    change: (a: Account) => Account | null,
    onSaved: (view: SettingsView) => void,
  ): Promise<void> => {
    setState({ saving: true, error: null });
    try {
      const accounts = view.accounts.flatMap((a) => {
        const next = change(a);
        return next === null ? [] : [{ roleArn: next.roleArn, regions: next.regions }];
      });
      const next = await call('saveSettings', { accounts });
      setState({ saving: false, error: null });
      onSaved(next);
    } catch (e) {
      if (forbidden(e)) return;
      setState({ saving: false, error: asApiError(e) });
    }
  };
  return { ...state, save };
}

function EditRegions({
  account,
  view,
  onClose,
  onSaved,
}: {
  account: Account;
  view: SettingsView;
  onClose: () => void;
  onSaved: (view: SettingsView) => void;
}) {
  const [regions, setRegions] = useState<string[] | null>(account.regions);
  const [problem, setProblem] = useState<string | null>(null);
  const { saving, error, save } = useSaveAccounts(view);
  return (
    <Dialog
      menusOverflow
      title={`Regions of account ${account.account}`}
      onClose={onClose}
      width={640}
      footer={
        <>
          <Button appearance="subtle" onClick={onClose} isDisabled={saving}>
            Cancel
          </Button>
          <Button
            appearance="primary"
            isLoading={saving}
            onClick={() => {
              const p = regionsProblem(regions);
              setProblem(p);
              if (p === null)
                void save((a) => (a.roleArn === account.roleArn ? { ...a, regions } : a), onSaved);
            }}
          >
            Save regions
          </Button>
        </>
      }
    >
      <Stack space="space.200">
        <RegionPicker
          id="rg-edit-regions"
          value={regions}
          error={problem}
          onChange={(next) => {
            setRegions(next);
            setProblem(null);
          }}
        />
        {error !== null && <ErrorState error={error} />}
      </Stack>
    </Dialog>
  );
}

function ConfirmRemove({
  account,
  view,
  onClose,
  onSaved,
}: {
  account: Account;
  view: SettingsView;
  onClose: () => void;
  onSaved: (view: SettingsView) => void;
}) {
  const { saving, error, save } = useSaveAccounts(view);
  return (
    <Dialog
      title={`Remove account ${account.account}?`}
      onClose={onClose}
      width={480}
      footer={
        <>
          <Button appearance="subtle" onClick={onClose} isDisabled={saving}>
            Keep it
          </Button>
          <Button
            appearance="danger"
            isLoading={saving}
            onClick={() => void save((a) => (a.roleArn === account.roleArn ? null : a), onSaved)}
          >
            Remove account
          </Button>
        </>
      }
    >
      <Stack space="space.150">
        <Text>
          RunbookGuard stops reading this account from the next scan on. The role stays in AWS: delete its
          CloudFormation stack there if you no longer need it.
        </Text>
        {error !== null && <ErrorState error={error} />}
      </Stack>
    </Dialog>
  );
}
