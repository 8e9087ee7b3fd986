import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { customerActions } from '../../src/aws/actions';
import { ROLE_TEMPLATE_YAML } from '../../src/forge/setup/role-template';
import { setupInfo, STACK_NAME, TEMPLATE_URL_PLACEHOLDER } from '../../src/forge/setup/setup-info';

const root = path.resolve(__dirname, '../..');
const templateFile = readFileSync(path.join(root, 'cfn/runbookguard-role.yaml'), 'utf8');
const EXTERNAL_ID = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';
const VENDOR = 'arn:aws:iam::123456789012:user/runbookguard-vendor';
const TEMPLATE_URL = 'https://runbookguard-public.s3.eu-west-1.amazonaws.com/cfn/runbookguard-role.yaml';

test('the bundled template is byte for byte cfn/runbookguard-role.yaml (node scripts/build-role-template.mjs)', () => {
  expect(ROLE_TEMPLATE_YAML).toBe(templateFile);
  expect(() =>
    execFileSync(process.execPath, [path.join(root, 'scripts/build-role-template.mjs'), '--check']),
  ).not.toThrow();
});

test('the quick-create link pre-fills the template URL, the stack name and every template parameter', () => {
  const info = setupInfo(EXTERNAL_ID, {
    RG_VENDOR_PRINCIPAL_ARN: VENDOR,
    RG_ROLE_TEMPLATE_URL: TEMPLATE_URL,
  });
  expect(info.vendor).toEqual({ principalArn: VENDOR, account: '123456789012' });
  expect(info.template).toEqual({
    fileName: 'runbookguard-role.yaml',
    contentType: 'application/x-yaml',
    text: templateFile,
  });
  expect(info.actions).toEqual(customerActions());
  if (!info.quickCreate.available) throw new Error(info.quickCreate.reason);
  const url = new URL(info.quickCreate.url);
  expect(`${url.origin}${url.pathname}`).toBe('https://console.aws.amazon.com/cloudformation/home');
  const [route, query] = url.hash.slice(1).split('?');
  expect(route).toBe('/stacks/quickcreate');
  const params = new URLSearchParams(query);
  expect(params.get('templateURL')).toBe(TEMPLATE_URL);
  expect(params.get('stackName')).toBe(STACK_NAME);
  const parameters = Object.keys(
    (
      parseDocument(templateFile, {
        customTags: [
          { tag: '!Ref', resolve: (v: string) => v },
          { tag: '!GetAtt', resolve: (v: string) => v },
        ],
      }).toJS() as {
        Parameters: Record<string, unknown>;
      }
    ).Parameters,
  );
  expect(parameters.sort()).toEqual(['ExternalId', 'VendorPrincipalArn']);
  expect(params.get('param_ExternalId')).toBe(EXTERNAL_ID);
  expect(params.get('param_VendorPrincipalArn')).toBe(VENDOR);
  expect([...params.keys()].filter((k) => k.startsWith('param_')).sort()).toEqual(
    parameters.map((p) => `param_${p}`).sort(),
  );
});

test('without a usable template URL or vendor principal there is no link, and the reason says why', () => {
  const reason = (env: NodeJS.ProcessEnv) => {
    const q = setupInfo(EXTERNAL_ID, env).quickCreate;
    return q.available ? null : q.reason;
  };
  expect(reason({ RG_VENDOR_PRINCIPAL_ARN: VENDOR })).toMatch(/RG_ROLE_TEMPLATE_URL is not configured/);
  expect(reason({ RG_VENDOR_PRINCIPAL_ARN: VENDOR, RG_ROLE_TEMPLATE_URL: TEMPLATE_URL_PLACEHOLDER })).toMatch(
    /not configured/,
  );
  expect(
    reason({ RG_VENDOR_PRINCIPAL_ARN: VENDOR, RG_ROLE_TEMPLATE_URL: 'https://example.com/t.yaml' }),
  ).toMatch(/not an https Amazon S3 URL/);
  expect(
    reason({ RG_VENDOR_PRINCIPAL_ARN: VENDOR, RG_ROLE_TEMPLATE_URL: TEMPLATE_URL.replace('https', 'http') }),
  ).toMatch(/S3 URL/);
  expect(reason({ RG_ROLE_TEMPLATE_URL: TEMPLATE_URL })).toMatch(/RG_VENDOR_PRINCIPAL_ARN is not configured/);
  expect(
    reason({ RG_VENDOR_PRINCIPAL_ARN: 'arn:aws:iam::1:root', RG_ROLE_TEMPLATE_URL: TEMPLATE_URL }),
  ).toMatch(/not an IAM role or user ARN/);
  expect(setupInfo(EXTERNAL_ID, {}).vendor).toBeNull();
});
