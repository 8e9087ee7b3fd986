import type { SpaceFindingView } from '../../src/shared/contract-scope';

const KIND_WORDS: Record<SpaceFindingView['kind'], string> = {
  missing: 'no longer exists',
  'wrong-region': 'is in another region',
  'not-running': 'is not running',
  dangling: 'points at nothing (dangling DNS)',
  unverifiable: 'could not be verified',
};

/**
 * A finding as a few lines to paste into a Jira issue or a Slack message: what is wrong, where,
 * whom to ask, and the link. Plain text only: no markup that one tool renders and the other shows.
 */
export function findingText(f: SpaceFindingView): string {
  const where = f.entity.region === null ? '' : ` (${f.entity.region})`;
  const people = [
    f.owner === null ? null : `owner ${f.owner.displayName}`,
    f.lastEditor === null ? null : `last edited by ${f.lastEditor.displayName}`,
  ].filter((x) => x !== null);
  return [
    `[RunbookGuard] ${f.severity.toUpperCase()}: ${f.entity.value}${where} ${KIND_WORDS[f.kind]}`,
    `Runbook: ${f.pageTitle}${people.length > 0 ? ` (${people.join(', ')})` : ''}`,
    f.message,
    f.pageUrl,
  ].join('\n');
}

/**
 * Copies text: the async Clipboard API where the frame may use it, else a hidden textarea and
 * execCommand (Forge frames may lack the clipboard-write permission). False when neither worked.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard !== undefined) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the fallback
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
