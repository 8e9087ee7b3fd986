/** @jest-environment jsdom */
import { failWith, useBackend } from '../test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import type { SpaceFindingView, SpaceScopeView } from '../../src/shared/contract-scope';
import { App } from './App';
import { findingText } from './copy';

const rule = { allPages: false, labels: ['runbook'], parentPageIds: [] };
const scope: SpaceScopeView = {
  space: { id: '98305', key: 'SRE', name: 'Site Reliability' },
  covered: true,
  paused: false,
  rule: null,
  siteRule: rule,
  pages: 4,
  description: '4 pages in scope: pages labelled runbook',
  updatedBy: null,
  updatedAt: null,
};
const finding: SpaceFindingView = {
  fingerprint: 'fp-0123456789',
  pageId: '1048577',
  pageTitle: 'Orders DB failover',
  spaceId: '98305',
  kind: 'missing',
  severity: 'error',
  message: 'i-0abc was terminated',
  entity: { type: 'ec2-instance', value: 'i-0abc', region: 'eu-west-1', account: null },
  status: 'open',
  statusReason: null,
  statusBy: null,
  suppressedUntil: null,
  firstSeen: 1,
  lastSeen: 2,
  owner: { accountId: 'a1', displayName: 'Sam Owner' },
  lastEditor: { accountId: 'a2', displayName: 'Eli Editor' },
  pageUrl: 'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=1048577',
};
const context = { accountId: 'a1', extension: { space: { id: '98305', key: 'SRE' } } };

test('the space page lists the space’s findings with owner and last editor', async () => {
  useBackend(
    {
      getSpaceScope: () => scope,
      listSpaceFindings: (p) => {
        expect(p.spaceId).toBe('98305');
        return {
          items: [finding],
          nextCursor: null,
          total: 1,
          totalIncludesHidden: true,
          totalIsLowerBound: false,
        };
      },
    },
    context,
  );
  render(<App context={context} />);
  expect(await screen.findByText('RunbookGuard · Site Reliability')).toBeTruthy();
  expect(await screen.findByText('Sam Owner')).toBeTruthy();
  expect(screen.getByText('edited by Eli Editor')).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Orders DB failover' }).getAttribute('href')).toBe(finding.pageUrl);
  expect(screen.getByText('4 pages in scope: pages labelled runbook')).toBeTruthy();
});

test('someone who is not an admin of the space is told so', async () => {
  useBackend(
    { getSpaceScope: () => failWith('FORBIDDEN', 'Only admins of this space can do this.') },
    context,
  );
  render(<App context={context} />);
  expect(await screen.findByText('Only admins of this space can do this.')).toBeTruthy();
  expect(screen.queryByRole('table')).toBeNull();
});

test('outside a space the page says where to open it', () => {
  render(<App context={{ accountId: 'a1' }} />);
  expect(screen.getByText(/Open RunbookGuard from a space/)).toBeTruthy();
});

test('"copy for Jira/Slack": what, where, whom to ask, and the link', () => {
  expect(findingText(finding)).toBe(
    [
      '[RunbookGuard] ERROR: i-0abc (eu-west-1) no longer exists',
      'Runbook: Orders DB failover (owner Sam Owner, last edited by Eli Editor)',
      'i-0abc was terminated',
      finding.pageUrl,
    ].join('\n'),
  );
});
