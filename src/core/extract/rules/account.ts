import { isPlaceholderAccount } from '../placeholders';
import { candidate, claim, type ExtractionRule, type RuleOutput } from './rule';

// "Account: 210987654321", "AWS account ID 2109-8765-4321", "| Account | 210987654321 |".
const AFTER_ACCOUNT_WORD =
  /\baccount(?:\s+(?:id|number|no\.?|#))?\b[\s:=#|—–-]{0,6}(?:is\s+)?(\d{4}-?\d{4}-?\d{4})(?![\d-]|\.\d)/gi;
const SIGNIN_URL = /(?<![\w-])(\d{12})\.signin\.aws\.amazon\.com[^\s"'<>|`]*/gi;

function push(out: RuleOutput, digits: string, start: number, end: number): void {
  const value = digits.replace(/-/g, '');
  out.candidates.push(
    candidate({
      type: 'aws-account',
      value,
      start,
      end,
      placeholder: isPlaceholderAccount(value),
      acceptsCommandRegion: false,
      acceptsContextRegion: false,
    }),
  );
}

/** Account ids stated as such; a bare 12-digit number elsewhere is too ambiguous to count. */
export const accountRule: ExtractionRule = {
  id: 'aws-account',
  types: ['aws-account'],
  description: '12 digits (or 1234-5678-9012) right after the word "account", and console sign-in URLs',
  gate: /account|\.signin\.aws/i,
  find(text, out) {
    SIGNIN_URL.lastIndex = 0;
    for (let m = SIGNIN_URL.exec(text); m; m = SIGNIN_URL.exec(text)) {
      push(out, m[1] ?? '', m.index, m.index + 12);
      out.candidates.push(claim(m.index + 12, m.index + m[0].length));
    }
    AFTER_ACCOUNT_WORD.lastIndex = 0;
    for (let m = AFTER_ACCOUNT_WORD.exec(text); m; m = AFTER_ACCOUNT_WORD.exec(text)) {
      const digits = m[1] ?? '';
      const start = m.index + m[0].length - digits.length;
      push(out, digits, start, start + digits.length);
    }
  },
  examples: {
    positive: [
      {
        text: 'Account: 210987654321 (prod)',
        expect: [{ type: 'aws-account', value: '210987654321', region: null }],
      },
      { text: 'the AWS account ID 2109-8765-4321', expect: [{ type: 'aws-account', value: '210987654321' }] },
      { text: 'Account ID | 345678901234', expect: [{ type: 'aws-account', value: '345678901234' }] },
      {
        text: 'https://345678901234.signin.aws.amazon.com/console',
        expect: [{ type: 'aws-account', value: '345678901234' }],
      },
      {
        text: 'Account: 123456789012',
        expect: [{ type: 'aws-account', value: '123456789012', placeholder: true }],
      },
    ],
    negative: ['order 210987654321 was refunded', 'call +44 2109 8765 4321', 'account 12345678901234'],
  },
};
