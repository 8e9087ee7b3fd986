/**
 * What RunbookGuard keeps about a site, for the settings page's "What we store" panel. Plain data,
 * no platform imports; test/forge/what-we-store.test.ts holds docs/security.md's data
 * classification table to exactly these rows, so the page and the document cannot drift apart.
 */
export interface StoredItem {
  item: string;
  stored: boolean;
  detail: string;
}

export const WHAT_WE_STORE: readonly StoredItem[] = [
  {
    item: 'Page id, space id, title and version',
    stored: true,
    detail: 'Forge SQL (rg_pages); shown only to users who can view the page.',
  },
  {
    item: 'AWS references found on pages, with a short context snippet',
    stored: true,
    detail: 'Forge SQL (rg_pages, rg_references); passwords and tokens next to endpoints are redacted first.',
  },
  {
    item: 'Inventory snapshot: resource ids, names, tags, DNS names',
    stored: true,
    detail: 'Forge SQL (rg_snapshots*); metadata only, never object contents or secrets.',
  },
  {
    item: 'Findings and their history (who suppressed one, and why)',
    stored: true,
    detail: 'Forge SQL (rg_findings); resolved findings are deleted after 90 days.',
  },
  {
    item: 'Audit log (who, what, when, outcome)',
    stored: true,
    detail: 'Forge SQL (rg_audit_log); kept 400 days.',
  },
  {
    item: 'Scan runs and their progress',
    stored: true,
    detail: 'Forge SQL (rg_scan_*); ids, cursors and counts only, deleted with the run after 90 days.',
  },
  {
    item: 'External ID and connected role ARNs',
    stored: true,
    detail: 'Forge KVS; the External ID is not a secret, and it is never editable.',
  },
  {
    item: 'Digest settings: recipient e-mail addresses, weekday, "send when quiet"',
    stored: true,
    detail: 'Forge KVS; addresses go to Resend only to deliver the digest.',
  },
  {
    item: 'Digest bookkeeping: last digest sent, unsubscribed addresses, the link-signing key',
    stored: true,
    detail: 'Forge KVS; the signing key never leaves the app.',
  },
  {
    item: 'Scan scope: covered spaces, labels, page trees, paused spaces',
    stored: true,
    detail: 'Forge KVS (site scope) and Forge SQL (rg_space_scopes); who changed it is in the audit log.',
  },
  {
    item: "Each page's owner and last editor (account ids) and when it was checked",
    stored: true,
    detail: 'Forge SQL (rg_page_people); shown only to admins of that space, dropped with the page.',
  },
  {
    item: 'Personal digest subscriptions: account id, own pages or a space, e-mail address',
    stored: true,
    detail: 'Forge SQL (rg_digest_subscriptions); the address is the one the person entered.',
  },
  {
    item: 'Page bodies',
    stored: false,
    detail: 'Read during a scan; only the extracted references are kept.',
  },
  {
    item: 'AWS credentials',
    stored: false,
    detail: 'Temporary role credentials live in memory for one invocation.',
  },
  {
    item: "The vendor's AWS keys and the Resend API key",
    stored: false,
    detail: 'Forge encrypted environment variables only; never returned or logged.',
  },
];
