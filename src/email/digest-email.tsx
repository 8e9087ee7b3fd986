import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from '@react-email/components';
import { Fragment, type ReactNode } from 'react';
import type {
  AffectedPage,
  Digest,
  DigestFindingItem,
  DigestResolvedItem,
  DigestSpace,
} from '../core/digest';
import { byPage, KIND_LABEL, moreSpacesLine, periodLine, plural, SEVERITY_LABEL } from './format';
import { SEVERITY_COLOR, s } from './styles';

export interface DigestEmailProps {
  digest: Digest;
  /** This recipient's signed opt-out link; null in previews (CLI, settings page). */
  optOutUrl: string | null;
}

/** The weekly digest: tables and inline styles only, so it survives Outlook and Gmail. */
export function DigestEmail({ digest, optOutUrl }: DigestEmailProps) {
  return (
    <Html lang="en">
      <Head>
        <title>{digest.subject}</title>
      </Head>
      <Preview>{digest.preheader}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Section style={s.header}>
            <Text style={s.brand}>RunbookGuard weekly digest · {digest.installName}</Text>
            <Heading as="h1" style={s.h1}>
              {digest.subject}
            </Heading>
            <Text style={s.muted}>{periodLine(digest.period, digest.week)}</Text>
          </Section>
          <Summary digest={digest} />
          <Section style={{ ...s.section, padding: '16px 32px 8px' }}>
            <Button href={digest.dashboardUrl} style={s.button}>
              Open the RunbookGuard dashboard
            </Button>
          </Section>
          {digest.quiet ? <QuietNote digest={digest} /> : null}
          {digest.spaces.map((space) => (
            <SpaceSection key={space.key} space={space} dashboardUrl={digest.dashboardUrl} />
          ))}
          {digest.moreSpaces.count > 0 ? (
            <Section style={s.section}>
              <Text style={s.itemText}>
                {moreSpacesLine(digest.moreSpaces)}{' '}
                <Link href={digest.dashboardUrl} style={s.link}>
                  See them on the dashboard
                </Link>
              </Text>
            </Section>
          ) : null}
          {digest.mostAffected.length > 0 ? <MostAffected pages={digest.mostAffected} /> : null}
          <CoverageSection digest={digest} />
          <Footer digest={digest} optOutUrl={optOutUrl} />
        </Container>
      </Body>
    </Html>
  );
}

function Summary({ digest }: { digest: Digest }) {
  const { totals } = digest;
  const stats: [number, string][] = [
    [totals.newFindings, digest.firstDigest ? 'open findings' : 'new since last digest'],
    [totals.resolved, 'fixed'],
    [totals.open, `open (${plural(totals.openErrors, 'error', 'errors')})`],
  ];
  return (
    <Section style={s.section}>
      <Row>
        {stats.map(([n, label]) => (
          <Column key={label} style={s.statCell}>
            <Text style={s.statNumber}>{n}</Text>
            <Text style={s.statLabel}>{label}</Text>
          </Column>
        ))}
      </Row>
    </Section>
  );
}

function QuietNote({ digest }: { digest: Digest }) {
  return (
    <Section style={s.section}>
      <Text style={s.itemText}>
        Nothing changed in your runbooks since the last digest.
        {digest.totals.open > 0
          ? ` ${plural(digest.totals.open, 'stale reference is', 'stale references are')} still open.`
          : ''}
      </Text>
    </Section>
  );
}

function PageLink({ title, url }: { title: string; url: string | null }) {
  return url === null ? (
    <>{title}</>
  ) : (
    <Link href={url} style={s.link}>
      {title}
    </Link>
  );
}

function Code({ children }: { children: ReactNode }) {
  return <span style={s.code}>{children}</span>;
}

function ItemRow({ children }: { children: ReactNode }) {
  return (
    <tr>
      <td style={s.item}>{children}</td>
    </tr>
  );
}

function List({ children }: { children: ReactNode }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
      <tbody>{children}</tbody>
    </table>
  );
}

function NewFinding({ f }: { f: DigestFindingItem }) {
  return (
    <ItemRow>
      <Text style={s.itemText}>
        <span style={{ ...s.badge, color: SEVERITY_COLOR[f.severity] }}>
          {SEVERITY_LABEL[f.severity]} · {KIND_LABEL[f.kind]}
        </span>{' '}
        <Code>{f.value}</Code>
      </Text>
      <Text style={s.itemDetail}>
        {f.message}
        {f.suggestion !== null ? (
          <>
            {' '}
            Suggested: <Code>{f.suggestion}</Code>
          </>
        ) : null}
      </Text>
    </ItemRow>
  );
}

function PageHeading({ title, url }: { title: string; url: string | null }) {
  return (
    <tr>
      <td style={s.pageHeading}>
        <PageLink title={title} url={url} />
      </td>
    </tr>
  );
}

function Fixed({ f }: { f: DigestResolvedItem }) {
  return (
    <ItemRow>
      <Text style={s.itemText}>
        <span style={{ ...s.badge, color: '#216e4e' }}>Fixed</span> <Code>{f.value}</Code> (
        {KIND_LABEL[f.kind]}) on <PageLink title={f.pageTitle} url={f.pageUrl} />
      </Text>
    </ItemRow>
  );
}

function More({ shown, total, url }: { shown: number; total: number; url: string }) {
  if (total <= shown) return null;
  return (
    <Text style={s.itemDetail}>
      and {total - shown} more on the{' '}
      <Link href={url} style={s.link}>
        dashboard
      </Link>
    </Text>
  );
}

function SpaceSection({ space, dashboardUrl }: { space: DigestSpace; dashboardUrl: string }) {
  return (
    <Section style={s.section}>
      <Heading as="h2" style={s.h2}>
        {space.key} — {space.name}
        <span style={{ ...s.muted, fontWeight: 400 }}> · {plural(space.openCount, 'open', 'open')}</span>
      </Heading>
      {space.newCount > 0 ? (
        <>
          <Heading as="h3" style={s.h3}>
            New ({space.newCount})
          </Heading>
          <List>
            {byPage(space.newFindings).map((page) => (
              <Fragment key={page.pageId}>
                <PageHeading title={page.title} url={page.url} />
                {page.items.map((f) => (
                  <NewFinding key={f.fingerprint} f={f} />
                ))}
              </Fragment>
            ))}
          </List>
          <More shown={space.newFindings.length} total={space.newCount} url={dashboardUrl} />
        </>
      ) : null}
      {space.resolvedCount > 0 ? (
        <>
          <Heading as="h3" style={s.h3}>
            Fixed ({space.resolvedCount})
          </Heading>
          <List>
            {space.resolved.map((f) => (
              <Fixed key={f.fingerprint} f={f} />
            ))}
          </List>
          <More shown={space.resolved.length} total={space.resolvedCount} url={dashboardUrl} />
        </>
      ) : null}
    </Section>
  );
}

function MostAffected({ pages }: { pages: AffectedPage[] }) {
  return (
    <Section style={s.section}>
      <Heading as="h2" style={s.h2}>
        Most affected pages
      </Heading>
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
        <thead>
          <tr>
            <th style={s.th}>Page</th>
            <th style={{ ...s.th, textAlign: 'right' }}>Errors</th>
            <th style={{ ...s.th, textAlign: 'right' }}>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {pages.map((p) => (
            <tr key={p.pageId}>
              <td style={s.td}>
                <PageLink title={p.title} url={p.url} /> <span style={s.muted}>{p.spaceKey}</span>
              </td>
              <td style={{ ...s.tdNum, color: p.errors > 0 ? SEVERITY_COLOR.error : '#172b4d' }}>
                {p.errors}
              </td>
              <td style={s.tdNum}>{p.warnings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function CoverageSection({ digest }: { digest: Digest }) {
  const c = digest.coverage;
  const lines: ReactNode[] = [];
  if (c.newlyUnscannedRegions.length > 0)
    lines.push(
      <>
        New scan problems in <Code>{c.newlyUnscannedRegions.join(', ')}</Code>: references there may not be
        checked.
      </>,
    );
  if (c.rescannedRegions.length > 0)
    lines.push(
      <>
        Scanning fully again: <Code>{c.rescannedRegions.join(', ')}</Code>
      </>,
    );
  for (const p of c.regionProblems)
    lines.push(
      <>
        <Code>{p.region}</Code> not fully scanned ({p.services.join(', ')})
      </>,
    );
  lines.push(
    <>
      {plural(c.unreferencedCount, 'resource is', 'resources are')} not named in any runbook
      {c.newlyUnreferencedCount > 0
        ? `, ${c.newlyUnreferencedCount} of them new since the last digest:`
        : '.'}
    </>,
  );
  return (
    <Section style={s.section}>
      <Heading as="h2" style={s.h2}>
        Coverage
      </Heading>
      <List>
        {lines.map((line, i) => (
          <ItemRow key={i}>
            <Text style={s.itemText}>{line}</Text>
          </ItemRow>
        ))}
        {c.newlyUnreferenced.map((r) => (
          <ItemRow key={`${r.account}/${r.region ?? ''}/${r.kind}/${r.id}`}>
            <Text style={s.itemDetail}>
              <Code>{r.id}</Code> {r.kind} · {r.account} · {r.region ?? 'global'}
            </Text>
          </ItemRow>
        ))}
      </List>
      <More shown={c.newlyUnreferenced.length} total={c.newlyUnreferencedCount} url={digest.dashboardUrl} />
    </Section>
  );
}

function Footer({ digest, optOutUrl }: { digest: Digest; optOutUrl: string | null }) {
  return (
    <Section style={s.footer}>
      <Hr style={s.hr} />
      <Text style={s.footerText}>
        A Confluence admin of {digest.installName} added you to RunbookGuard&apos;s weekly digest. It lists
        page titles, links and what was found; it never contains page content or credentials.
      </Text>
      {optOutUrl !== null ? (
        <Text style={s.footerText}>
          <Link href={optOutUrl} style={{ ...s.link, color: '#626f86' }}>
            Unsubscribe from this digest
          </Link>
        </Text>
      ) : null}
    </Section>
  );
}
