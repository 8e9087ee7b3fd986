/**
 * The backend's only logger. Forge collects console output; every line goes through here so the
 * redaction below applies everywhere: known secret values (from Forge environment variables) and
 * AWS key shapes are masked before anything is written.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Sink = (line: string) => void;

const AWS_ACCESS_KEY = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const RESEND_KEY = /\bre_[A-Za-z0-9_]{16,}\b/g;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  return out.replace(AWS_ACCESS_KEY, '[redacted]').replace(RESEND_KEY, '[redacted]');
}

export function createLogger(secrets: () => readonly string[], sink: Sink = (l) => console.log(l)): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ level, message, ...(fields ?? {}) });
    sink(redact(line, secrets()));
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

/** A short, secret-free description of an unknown error for the log. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'NonError', message: String(error) };
}
