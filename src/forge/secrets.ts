/**
 * Vendor secrets come only from Forge encrypted environment variables (`forge variables set
 * --encrypt`). They are read here and nowhere else, never stored, returned or logged.
 */
export const SECRET_ENV_VARS = [
  'RG_AWS_ACCESS_KEY_ID',
  'RG_AWS_SECRET_ACCESS_KEY',
  'RG_RESEND_API_KEY',
] as const;
export type SecretName = (typeof SECRET_ENV_VARS)[number];

export function readSecret(name: SecretName, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Every secret value currently set, for the logger's redaction. */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return SECRET_ENV_VARS.map((n) => readSecret(n, env)).filter((v): v is string => v !== undefined);
}
