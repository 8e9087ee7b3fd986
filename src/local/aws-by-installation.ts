import { overrideAwsPort, type AwsPort } from '../forge/aws';
import { currentScope } from './runtime';

/**
 * Each local installation's AWS (a snapshot, a test double, or null for the real SDK, e.g. moto):
 * the app asks src/forge/aws.ts for its port, and this answers with the invoking installation's.
 * Outside any invocation the most recently registered installation answers.
 */
const ports = new Map<string, AwsPort | null>();

function portForCurrentInvocation(): AwsPort | null {
  const id = currentScope()?.appContext.installationId;
  if (id !== undefined && ports.has(id)) return ports.get(id) ?? null;
  const last = [...ports.values()].at(-1);
  return last ?? null;
}

export function registerInstallationAws(installationId: string, port: AwsPort | null): () => void {
  ports.delete(installationId);
  ports.set(installationId, port);
  overrideAwsPort(portForCurrentInvocation);
  return () => {
    if (ports.get(installationId) === port) ports.delete(installationId);
    if (ports.size === 0) overrideAwsPort(null);
  };
}
