import { buildDigest, SPACES_SHOWN, type DigestPage } from '../../src/core/digest';
import type { Finding } from '../../src/core/match';
import { renderDigest } from '../../src/email/render';
import { finding, input } from '../digest/support';

// Gmail clips a message past 102 KB ("[Message clipped]"), hiding the footer and its unsubscribe
// link. A busy week in a big install must stay under it.
const GMAIL_CLIP_BYTES = 102 * 1024;

describe('digest size', () => {
  it("a week with changes in 40 spaces stays under Gmail's clipping size", async () => {
    const pages: DigestPage[] = [];
    const findings: Finding[] = [];
    for (let s = 0; s < 40; s++)
      for (let p = 0; p < 4; p++) {
        const id = `${s}-${p}`;
        pages.push({
          pageId: id,
          title: `Runbook ${id} — restoring the service after a regional failover, step by step`,
          spaceKey: `SPACE${s}`,
          spaceName: `Space number ${s}`,
          url: `https://acme.atlassian.net/wiki/spaces/SPACE${s}/pages/${id}`,
        });
        for (let f = 0; f < 5; f++)
          findings.push(
            finding(id, `i-0${String(s).padStart(2, '0')}${p}${f}aaaaaaaaaaaa`, 'dangling', 'error'),
          );
      }
    const digest = buildDigest(input({ pages, findings }));
    const { html, text } = await renderDigest(digest, 'https://install.example/opt-out?token=abc.def');
    expect(digest.spaces).toHaveLength(SPACES_SHOWN);
    expect(digest.moreSpaces).toEqual({
      count: 40 - SPACES_SHOWN,
      newFindings: (40 - SPACES_SHOWN) * 20,
      resolved: 0,
    });
    expect(text).toContain(
      `${40 - SPACES_SHOWN} more spaces changed: ${(40 - SPACES_SHOWN) * 20} new, 0 fixed.`,
    );
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES);
    expect(html).toContain('opt-out?token=abc.def');
  });
});
