import { buildDigest } from '../../src/core/digest';
import { demoDigest } from '../../src/cli/commands/digest';
import { renderDigest } from '../../src/email/render';
import { finding, input, SECRET_CONTEXT } from '../digest/support';

describe('renderDigest', () => {
  it('is mail-client safe: tables, inline styles, no <style>, no scripts, no external resources', async () => {
    const { html } = await renderDigest(await demoDigest(), 'https://example.invalid/optout?t=abc');
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(html).toContain('role="presentation"');
    expect(html).not.toMatch(/<style|<script|<link|<img|<iframe|@import|javascript:/i);
    expect(html).not.toMatch(/\sclass=/);
    // Every URL is a link a person clicks (page, dashboard, opt-out), never something a client loads.
    const loaded = [...html.matchAll(/\s(src|background)="([^"]+)"/g)];
    expect(loaded).toEqual([]);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs)
      expect(href).toMatch(/^https:\/\/(acme\.atlassian\.net\/wiki\/|example\.invalid\/optout)/);
    expect(html).toContain('href="https://example.invalid/optout?t=abc"');
  });

  it('keeps page bodies and secrets out of both parts', async () => {
    const digest = buildDigest(input({ findings: [finding('1', 'i-0aaaaaaaaaaaaaaa1')] }));
    const { html, text } = await renderDigest(digest, null);
    for (const part of [html, text]) {
      expect(part).not.toContain('hunter2');
      expect(part).not.toContain(SECRET_CONTEXT);
      expect(part).toContain('i-0aaaaaaaaaaaaaaa1');
      expect(part).toContain('https://acme.atlassian.net/wiki/spaces/OPS/pages/1');
    }
    expect(text).not.toContain('Unsubscribe');
  });

  it('escapes what pages control (titles, values) instead of letting it become markup', async () => {
    const f = finding('9', '<img src=x onerror=alert(1)>');
    const digest = buildDigest(
      input({
        findings: [f],
        pages: [
          {
            pageId: '9',
            title: '<script>alert(1)</script>',
            spaceKey: 'X',
            spaceName: 'X',
            url: 'https://acme.atlassian.net/wiki/x',
          },
        ],
      }),
    );
    const { html } = await renderDigest(digest, null);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;');
  });

  it('says a quiet week is quiet in both parts', async () => {
    const first = buildDigest(input({ findings: [finding('1', 'i-0aaaaaaaaaaaaaaa1')] }));
    const quiet = buildDigest(
      input({ previous: first.nextState, findings: [finding('1', 'i-0aaaaaaaaaaaaaaa1')] }),
    );
    const { html, text } = await renderDigest(quiet, null);
    expect(quiet.quiet).toBe(true);
    expect(html).toContain('Nothing changed in your runbooks since the last digest.');
    expect(text).toContain('Nothing changed in your runbooks since the last digest.');
  });
});
