import { render } from '@react-email/render';
import { createElement } from 'react';
import type { Digest } from '../core/digest';
import { DigestEmail } from './digest-email';
import { renderDigestText } from './text';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** HTML and plain-text parts of one recipient's digest (or a preview, with no opt-out link). */
export async function renderDigest(digest: Digest, optOutUrl: string | null = null): Promise<RenderedDigest> {
  const html = await render(createElement(DigestEmail, { digest, optOutUrl }));
  return { subject: digest.subject, html, text: renderDigestText(digest, optOutUrl) };
}
