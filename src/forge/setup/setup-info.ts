import { customerActions } from '../../aws/actions';
import type { SetupInfoView } from '../../shared';
import { ROLE_TEMPLATE_YAML } from './role-template';

/**
 * Operator configuration (plain Forge environment variables, not secrets):
 * - RG_VENDOR_PRINCIPAL_ARN: the IAM user or role whose keys are RG_AWS_ACCESS_KEY_ID/…; customers'
 *   roles trust it (template parameter VendorPrincipalArn).
 * - RG_ROLE_TEMPLATE_URL: where the vendor publishes cfn/runbookguard-role.yaml in S3, for the
 *   CloudFormation quick-create link (the console only takes templates from S3).
 */
export const SETUP_ENV = {
  vendorPrincipal: 'RG_VENDOR_PRINCIPAL_ARN',
  templateUrl: 'RG_ROLE_TEMPLATE_URL',
} as const;

/** The documented placeholder: not a real bucket, so it never yields a link. */
export const TEMPLATE_URL_PLACEHOLDER = 'https://<bucket>.s3.amazonaws.com/runbookguard-role.yaml';
export const STACK_NAME = 'RunbookGuardReadOnlyRole';
const PRINCIPAL = /^arn:aws[a-z-]*:iam::(\d{12}):(?:role|user)\/[\w+=,.@/-]+$/;
// S3 object URLs, virtual-hosted or path style, any region.
const S3_URL = /^https:\/\/([a-z0-9.-]+\.)?s3([.-][a-z0-9-]+)?\.amazonaws\.com\/[^\s<>]+$/;
const QUICK_CREATE = 'https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate';

export function setupInfo(externalId: string, env: NodeJS.ProcessEnv = process.env): SetupInfoView {
  const principal = env[SETUP_ENV.vendorPrincipal]?.trim() ?? '';
  const account = PRINCIPAL.exec(principal)?.[1];
  const vendor = account === undefined ? null : { principalArn: principal, account };
  const templateUrl = env[SETUP_ENV.templateUrl]?.trim() ?? '';
  return {
    externalId,
    vendor,
    stackName: STACK_NAME,
    template: {
      fileName: 'runbookguard-role.yaml',
      contentType: 'application/x-yaml',
      text: ROLE_TEMPLATE_YAML,
    },
    quickCreate: quickCreate(externalId, vendor?.principalArn ?? null, templateUrl, principal !== ''),
    actions: customerActions(),
  };
}

function quickCreate(
  externalId: string,
  principalArn: string | null,
  templateUrl: string,
  principalSet: boolean,
): SetupInfoView['quickCreate'] {
  if (principalArn === null)
    return {
      available: false,
      reason: principalSet
        ? `${SETUP_ENV.vendorPrincipal} is not an IAM role or user ARN.`
        : `${SETUP_ENV.vendorPrincipal} is not configured.`,
    };
  if (templateUrl === '' || templateUrl === TEMPLATE_URL_PLACEHOLDER)
    return { available: false, reason: `${SETUP_ENV.templateUrl} is not configured.` };
  if (!S3_URL.test(templateUrl))
    return { available: false, reason: `${SETUP_ENV.templateUrl} is not an https Amazon S3 URL.` };
  // The hash part is the console's own router: its query takes URL-encoded values.
  const query = new URLSearchParams({
    templateURL: templateUrl,
    stackName: STACK_NAME,
    param_ExternalId: externalId,
    param_VendorPrincipalArn: principalArn,
  });
  return { available: true, url: `${QUICK_CREATE}?${query.toString()}` };
}
