import { isPlaceholderAccount } from './placeholders';
import type { TextBlock } from './storage-walker';

/**
 * Documentation examples are recognised by their context as well as their shape: AWS reference
 * pages (and runbooks that quote them) introduce each example ("The following example…",
 * "Example 2:", "Command:" / "Output:"), number them under an "Examples" heading, use a
 * documentation account (123456789012) in the same command or output, and tell the reader what
 * to substitute ("replace my-cluster with …", "where my-cluster is …"). Ids in such examples
 * often look random (vpc-a01106c2), so their shape alone cannot tell.
 */
export interface ExampleContext {
  /** Per block (same index as the walker's blocks): true when every reference in it is an example. */
  wholeBlock: boolean[];
  /** Per block: ranges [start, end) holding a documentation account (an inline command). */
  ranges: Array<Array<[number, number]>>;
  /** Values the page says to substitute (lowercase). */
  substituted: Set<string>;
}

// "The following example…", "The following `describe-instances` example…", "This example…",
// "In this example", "Example 3:", "Example: …", "Sample output", "Example output".
const EXAMPLE_INTRO =
  /^\s*(?:\*{0,2}\s*)?(?:(?:the\s+following|this|in\s+this|in\s+the\s+following|the\s+next)\b[^.\n]{0,100}?\bexamples?\b|examples?\s*\d*\s*[:.)–—-]|(?:example|sample)\s+(?:output|response|request|command|policy|config(?:uration)?)\b)/i;
// Labels between an example's parts: "Command:", "Output:", "Response:", the reference pages' "Output::".
const PART_LABEL =
  /^\s*\**\s*(?:command|output|response|result|request|expected\s+output)\s*:{1,2}\s*\**\s*$/i;
const RST_LABEL = /^\s*(?:command|output)::\s*$/im;
const EXAMPLES_HEADING = /^\s*(?:examples?|example\s*\d+\b.*|code\s+examples?|sample\s+\w+)\s*$/i;

// "replace my-cluster with …", "replace `x` (the cluster) with", "where my-cluster is …", "substitute x for …".
const SUBSTITUTE =
  /\b(?:replace|substitute|swap)\s+(?:the\s+(?:value\s+|name\s+|placeholder\s+)?)?[`'"“]?([A-Za-z0-9][\w.:/-]*[A-Za-z0-9])[`'"”]?\s*(?:\([^)\n]{0,60}\)\s*)?(?:with|for|by)\b/gi;
const WHERE_IS =
  /\bwhere\s+[`'"“]?([A-Za-z0-9][\w.:/-]*[A-Za-z0-9])[`'"”]?\s+(?:is|are|stands\s+for|means)\b/gi;

const DESCRIBES_SLOT =
  /^\s*(?:your|yours|own|actual|the\s+(?:name|id|arn|actual|appropriate|correct|real|value|identifier|account|region|dns|endpoint|bucket|cluster|function|instance)\b|the\s+[\w-]+\s+(?:name|id|arn)\b|an?\s+(?:\w+\s+)?(?:name|id|value|bucket|cluster|instance|function)\b)/i;

const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;

const isCode = (b: TextBlock): boolean => b.spans.every((s) => s.kind === 'code-block');

/**
 * Where a documentation account sits outside a code block, the example is the inline command
 * or ARN holding it: the inline-code span. A paragraph may go on to name a real resource.
 */
function accountSpans(block: TextBlock): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const text = block.text;
  TWELVE_DIGITS.lastIndex = 0;
  for (let m = TWELVE_DIGITS.exec(text); m; m = TWELVE_DIGITS.exec(text)) {
    if (!isPlaceholderAccount(m[0])) continue;
    for (let i = 0; i < block.spans.length; i++) {
      const span = block.spans[i];
      const end = block.spans[i + 1]?.offset ?? text.length;
      if (!span || span.kind !== 'inline-code' || m.index < span.offset || m.index >= end) continue;
      ranges.push([span.offset, end]);
    }
  }
  return ranges;
}

function hasDocumentationAccount(text: string): boolean {
  TWELVE_DIGITS.lastIndex = 0;
  for (let m = TWELVE_DIGITS.exec(text); m; m = TWELVE_DIGITS.exec(text))
    if (isPlaceholderAccount(m[0])) return true;
  return false;
}

export function findExampleContext(blocks: readonly TextBlock[]): ExampleContext {
  const wholeBlock: boolean[] = [];
  const ranges: Array<Array<[number, number]>> = [];
  const substituted = new Set<string>();
  // An example run starts at an introduction and goes on through code blocks and part labels.
  let inExample = false;
  for (const block of blocks) {
    const code = isCode(block);
    const heading = block.headingPath[block.headingPath.length - 1] ?? '';
    const underExamples = EXAMPLES_HEADING.test(heading);
    const text = block.text;
    let example = false;
    if (code) {
      example = inExample || underExamples;
    } else if (PART_LABEL.test(text) || RST_LABEL.test(text)) {
      example = inExample || underExamples || RST_LABEL.test(text);
      inExample = example;
    } else {
      inExample = EXAMPLE_INTRO.test(text);
      example = inExample || underExamples;
    }
    // A documentation account makes its whole code block an example, and its line elsewhere.
    const hasDigits = /\d{12}/.test(text);
    if (code && hasDigits && hasDocumentationAccount(text)) example = true;
    wholeBlock.push(example);
    ranges.push(!code && hasDigits ? accountSpans(block) : []);

    if (!code && /replace|substitute|swap|where/i.test(text)) {
      for (const pattern of [SUBSTITUTE, WHERE_IS]) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
          const written = m[1] ?? '';
          // "replace it with", "where it is": pronouns and plain words name nothing; and
          // "replace orders-v1 with orders-v2" swaps two real names, so the cue must describe
          // what goes there ("with your cluster's name", "is the ID of the instance").
          if (written.length < 3 || !/[-_.\d]|[a-z][A-Z]/.test(written)) continue;
          if (!DESCRIBES_SLOT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
          substituted.add(written.toLowerCase());
        }
      }
    }
  }
  return { wholeBlock, ranges, substituted };
}

export function inExampleRange(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  for (const [start, end] of ranges) if (at >= start && at < end) return true;
  return false;
}

/**
 * Pages (storage format) whose references are all documentation examples, and pages whose
 * references are all real: the context rules' examples, run as tests.
 */
export const EXAMPLE_CONTEXT_EXAMPLES: { examples: readonly string[]; real: readonly string[] } = {
  examples: [
    // The reference pages' structure: an introduction, "Command:", "Output:".
    '<p>The following <code>describe-vpcs</code> example describes your VPCs.</p><p>Command:</p><pre>aws ec2 describe-vpcs --vpc-ids vpc-a01106c2</pre><p>Output:</p><pre>{"VpcId": "vpc-a01106c2", "SubnetId": "subnet-9d4a7b6c"}</pre>',
    '<h2>Example 2: To stop an instance</h2><pre>aws ec2 stop-instances --instance-ids i-0598c7d356eba48d7</pre>',
    '<h2>Examples</h2><pre>aws rds describe-db-instances --db-instance-identifier test-instance</pre>',
    // A documentation account in the same code block makes its neighbours examples.
    '<pre>{"OwnerId": "123456789012", "InstanceId": "i-0598c7d356eba48d7", "GroupId": "sg-903004f8"}</pre>',
    '<p>Use <code>arn:aws:lambda:us-west-2:123456789012:function:orders-api</code> as the target.</p>',
    // The page says what to substitute.
    '<p>Replace <code>billing-api-prod</code> with the name of your function.</p><pre>aws lambda get-function --function-name billing-api-prod</pre>',
    '<pre>aws eks update-kubeconfig --name ops-cluster-1</pre><p>where ops-cluster-1 is the name of your cluster.</p>',
  ],
  real: [
    '<p>Our bastion is i-04b3cea91ee9ade35; for example, ssh to it through SSM.</p>',
    '<p>Check the cluster:</p><pre>aws ecs describe-clusters --cluster checkout-prod</pre><p>Output:</p><pre>checkout-prod ACTIVE</pre>',
    '<p>Replace orders-v1 with orders-v2 in the task definition.</p><pre>aws lambda get-function --function-name orders-v1</pre>',
    '<p>The sample account 123456789012 appears in docs; our CI role is <code>arn:aws:iam::304958672011:role/deployer</code>.</p>',
  ],
};
