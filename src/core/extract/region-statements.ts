import { REGION_SOURCE } from './regions';
import type { TextBlock } from './storage-walker';

// "Region: eu-west-1", "AWS region — us-east-1", "| Primary region | eu-central-1 |", "Region is eu-west-1".
const LABELLED = new RegExp(
  `^[\\s|*•>-]*(?:aws\\s+|primary\\s+|default\\s+|home\\s+)?region\\s*(?:[:=|—–-]+|\\s+is)\\s*[|\\s]*(${REGION_SOURCE})\\b`,
  'i',
);
// "All resources below are in eu-west-1", "Everything on this page lives in us-east-1".
const SENTENCE = new RegExp(
  `\\b(?:all(?:\\s+the)?\\s+resources|everything)(?:\\s+(?:below|on\\s+this\\s+page|in\\s+this\\s+section|here))?\\s+(?:are|is|live|lives|run|runs)\\s+in\\s+(${REGION_SOURCE})\\b`,
  'i',
);
const ANY_REGION = new RegExp(REGION_SOURCE, 'gi');
const DASH_DIGIT = /-\d/;
const MAY_STATE_REGION = /region|resources|everything/i;

/**
 * Region statements by section: section id (0 for the page) → region. The first statement in a
 * section wins; a line naming two regions ("primary eu-west-1, DR us-east-1") states none.
 */
export function findRegionStatements(blocks: readonly TextBlock[]): Map<number, string> {
  const statements = new Map<number, string>();
  for (const block of blocks) {
    if (block.spans.every((s) => s.kind === 'code-block')) continue;
    // Every statement holds a region code, and so a dash and a digit: the cheapest test first.
    if (!DASH_DIGIT.test(block.text) || !MAY_STATE_REGION.test(block.text)) continue;
    const section = block.sectionChain[block.sectionChain.length - 1] ?? 0;
    if (statements.has(section)) continue;
    for (const line of block.text.split('\n')) {
      if (line.length > 200) continue;
      const m = LABELLED.exec(line) ?? SENTENCE.exec(line);
      if (!m?.[1] || (line.match(ANY_REGION)?.length ?? 0) !== 1) continue;
      statements.set(section, m[1].toLowerCase());
      break;
    }
  }
  return statements;
}
