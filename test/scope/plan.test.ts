import {
  UNCONFIGURED_SCOPE,
  describeScope,
  pageInScopeCql,
  planScope,
  type ScopeRule,
  type SiteScope,
  type SpaceOverride,
} from '../../src/core/scope';
import { matchesCql, parseCql, type CqlContent } from '../../src/local/cql';

const labels = (...l: string[]): ScopeRule => ({ allPages: false, labels: l, parentPageIds: [] });
const every: ScopeRule = { allPages: true, labels: [], parentPageIds: [] };
const OPS = { id: '1', key: 'OPS' };
const DEV = { id: '2', key: 'DEV' };
const HR = { id: '3', key: 'HR' };

/** Pages of a small site, and which of them a plan's CQL selects (the local CQL evaluator). */
const site: CqlContent[] = [
  { id: '10', type: 'page', spaceKey: 'OPS', labels: ['runbook'], ancestors: [] },
  { id: '11', type: 'page', spaceKey: 'OPS', labels: [], ancestors: ['10'] },
  { id: '12', type: 'page', spaceKey: 'OPS', labels: [], ancestors: [] },
  { id: '20', type: 'page', spaceKey: 'DEV', labels: ['Playbook'], ancestors: [] },
  { id: '21', type: 'page', spaceKey: 'DEV', labels: [], ancestors: [] },
  { id: '30', type: 'page', spaceKey: 'HR', labels: ['runbook'], ancestors: [] },
];
function selected(s: SiteScope, overrides: SpaceOverride[] = []): string[] | 'all' | 'none' {
  const plan = planScope(s, overrides);
  if (plan.kind === 'everything') return 'all';
  if (plan.kind === 'nothing') return 'none';
  const tree = parseCql(plan.cql);
  return site.filter((p) => matchesCql(tree, p)).map((p) => p.id);
}

test('unconfigured and "every page of every space" need no search', () => {
  expect(selected(UNCONFIGURED_SCOPE)).toBe('all');
  expect(selected({ spaces: 'all', rule: every })).toBe('all');
});

test('labels across all spaces (case-insensitive, as Confluence labels are)', () => {
  expect(selected({ spaces: 'all', rule: labels('runbook', 'playbook') })).toEqual(['10', '20', '30']);
});

test('chosen spaces only', () => {
  expect(selected({ spaces: [OPS, DEV], rule: every })).toEqual(['10', '11', '12', '20', '21']);
  expect(selected({ spaces: [OPS], rule: labels('runbook') })).toEqual(['10']);
});

test('a space override widens to a page tree (the parent and its pages) or to every page', () => {
  const tree: SpaceOverride = {
    space: OPS,
    paused: false,
    rule: { allPages: false, labels: [], parentPageIds: ['10'] },
  };
  expect(selected({ spaces: 'all', rule: labels('playbook') }, [tree])).toEqual(['10', '11', '20']);
  expect(selected({ spaces: [OPS, DEV], rule: labels('playbook') }, [tree])).toEqual(['10', '11', '20']);
  const all: SpaceOverride = { space: DEV, paused: false, rule: every };
  expect(selected({ spaces: 'all', rule: labels('runbook') }, [all])).toEqual(['10', '20', '21', '30']);
});

test('paused spaces are left out; everything paused is nothing', () => {
  const paused: SpaceOverride = { space: HR, paused: true, rule: null };
  expect(selected({ spaces: 'all', rule: every }, [paused])).toEqual(['10', '11', '12', '20', '21']);
  expect(selected({ spaces: [HR], rule: every }, [paused])).toBe('none');
  // An override for a space the site admin did not choose changes nothing.
  expect(
    selected({ spaces: [OPS], rule: labels('runbook') }, [{ space: DEV, paused: false, rule: every }]),
  ).toEqual(['10']);
});

test('a rule that names nothing selects nothing', () => {
  expect(selected({ spaces: [OPS], rule: labels() })).toBe('none');
});

test('one page in scope: the plan narrowed to its id; ids are checked', () => {
  const plan = planScope({ spaces: 'all', rule: labels('runbook') }, []);
  if (plan.kind !== 'cql') throw new Error('expected a CQL plan');
  const cql = pageInScopeCql(plan, '12');
  expect(site.filter((p) => matchesCql(parseCql(cql), p)).map((p) => p.id)).toEqual([]);
  expect(site.filter((p) => matchesCql(parseCql(pageInScopeCql(plan, '30')), p)).map((p) => p.id)).toEqual([
    '30',
  ]);
  expect(() => pageInScopeCql(plan, '1 or type = page')).toThrow();
});

test('quotes in keys cannot break out of the CQL string', () => {
  const plan = planScope({ spaces: [{ id: '9', key: 'A" or type = page or space = "B' }], rule: every }, []);
  if (plan.kind !== 'cql') throw new Error('expected a CQL plan');
  expect(site.filter((p) => matchesCql(parseCql(plan.cql), p))).toEqual([]);
});

test('the scope in plain words', () => {
  const s: SiteScope = { spaces: 'all', rule: labels('runbook', 'playbook') };
  expect(describeScope(s, [], { pages: 412, spaces: 6 })).toBe(
    '412 pages in 6 spaces: pages labelled runbook or playbook',
  );
  expect(
    describeScope(
      s,
      [
        { space: OPS, paused: false, rule: { allPages: false, labels: ['ops'], parentPageIds: ['10'] } },
        { space: HR, paused: true, rule: null },
      ],
      { pages: 1, spaces: 1 },
    ),
  ).toBe(
    '1 page in 1 space: pages labelled runbook or playbook; OPS: pages labelled ops or in the page tree under page 10; 1 space paused',
  );
  expect(describeScope({ spaces: 'all', rule: every }, [], { pages: 12000, spaces: 3 })).toBe(
    '12,000 pages in 3 spaces: every page',
  );
});
