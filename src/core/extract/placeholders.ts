/**
 * Documentation placeholders and examples. They are kept (flagged) so the UI can explain them,
 * but a placeholder is never matched against an inventory and never becomes a finding.
 */
const PLACEHOLDER_IDS = new Set([
  'i-1234567890abcdef0',
  'i-0123456789abcdef0',
  'i-abcd1234',
  'i-12345678',
  'i-1234567890abcdef',
  'sg-12345678',
  'sg-abcd1234',
  'sg-0123456789abcdef0',
  'sg-1234567890abcdef0',
  'sg-903004f8',
  'subnet-12345678',
  'subnet-abcd1234',
  'subnet-0123456789abcdef0',
  'subnet-1234567890abcdef0',
  'vpc-12345678',
  'vpc-abcd1234',
  'vpc-0123456789abcdef0',
  'vpc-1234567890abcdef0',
  'vpc-1a2b3c4d',
  'i-1a2b3c4d',
  'sg-1a2b3c4d',
  'subnet-1a2b3c4d',
]);

const PLACEHOLDER_ACCOUNTS = new Set([
  '123456789012',
  '111122223333',
  '444455556666',
  '555555555555',
  '000000000000',
  '999999999999',
  '012345678901',
  '111111111111',
  '123412341234',
]);

const PLACEHOLDER_NAMES = new Set([
  'amzn-s3-demo-bucket',
  'amzn-s3-demo-bucket1',
  'amzn-s3-demo-bucket2',
  'doc-example-bucket',
  'my-bucket',
  'mybucket',
  'example-bucket',
  'your-bucket',
  'your-bucket-name',
  'bucket-name',
  'my-cluster',
  'mycluster',
  'my-function',
  'my-function-name',
  'myfunction',
  'mydbinstance',
  'my-db-instance',
  'mydb',
  'my-load-balancer',
  'my-loadbalancer',
  'my-cache-cluster',
  'my-redis-cluster',
  'cluster-name',
  'function-name',
  'db-instance-identifier',
]);

/** Ids whose hex part is a single repeated character (i-00000000, vpc-fffffffffffffffff). */
function isRepeatedHex(id: string): boolean {
  const hex = id.slice(id.indexOf('-') + 1);
  for (let i = 1; i < hex.length; i++) if (hex[i] !== hex[0]) return false;
  return true;
}

export function isPlaceholderId(id: string): boolean {
  return PLACEHOLDER_IDS.has(id) || isRepeatedHex(id);
}

export function isPlaceholderAccount(account: string): boolean {
  return PLACEHOLDER_ACCOUNTS.has(account);
}

export function isPlaceholderName(name: string): boolean {
  return PLACEHOLDER_NAMES.has(name.toLowerCase());
}

/**
 * Template syntax: a value written as `<instance-id>`, `{{cluster}}`, `${BUCKET}`, `$CLUSTER`
 * or `YOUR_BUCKET` is a slot to fill in, not a resource, and is not extracted at all.
 */
export function isTemplateSlot(value: string): boolean {
  return /[<>{}$%]/.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value) || /xxx/i.test(value);
}
