import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentityProvider, DeserializeMiddleware, MiddlewareStack } from '@smithy/types';

/** The SDK clients for one (credentials, region). Global services use their home region's set. */
export interface AwsClients {
  ec2: EC2Client;
  rds: RDSClient;
  elb: ElasticLoadBalancingClient;
  elbv2: ElasticLoadBalancingV2Client;
  elasticache: ElastiCacheClient;
  ecs: ECSClient;
  eks: EKSClient;
  lambda: LambdaClient;
  s3: S3Client;
  route53: Route53Client;
}

export interface ClientSettings {
  /** Explicit endpoint (tests, bench). Otherwise the SDK reads AWS_ENDPOINT_URL[_SERVICE] itself. */
  endpoint?: string;
  /** Path-style S3 URLs, needed when a custom endpoint cannot take bucket subdomains. */
  s3ForcePathStyle?: boolean;
  /** Total attempts per call including the first; bounded so a dead service fails in seconds. */
  maxAttempts?: number;
  retryMode?: 'standard' | 'adaptive';
  requestTimeoutMs?: number;
  /** Test seam: a fake HTTP handler in place of the network. */
  requestHandler?: EC2ClientConfig['requestHandler'];
  /** Called for every HTTP attempt (retries included): the bench counts calls with it. */
  onAttempt?: (commandName: string, clientName: string) => void;
}

export const DEFAULT_MAX_ATTEMPTS = 4;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

function countAttempts<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  onAttempt: (commandName: string, clientName: string) => void,
): void {
  // The deserialize step runs below the retry middleware, so it sees every attempt.
  const middleware: DeserializeMiddleware<I, O> = (next, context) => (args) => {
    onAttempt(String(context.commandName ?? 'unknown'), String(context.clientName ?? 'unknown'));
    return next(args);
  };
  stack.add(middleware, { step: 'deserialize', name: 'runbookguardAttemptCounter' });
}

export function createAwsClients(
  region: string,
  credentials: AwsCredentialIdentityProvider | undefined,
  settings: ClientSettings = {},
): AwsClients {
  const config = {
    region,
    // undefined lets the SDK use the standard credential chain (env, profile, SSO, IMDS…).
    ...(credentials ? { credentials } : {}),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    // Adaptive adds client-side rate limiting on top of standard retries once AWS throttles us.
    retryMode: settings.retryMode ?? 'adaptive',
    requestHandler: settings.requestHandler ?? {
      requestTimeout: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      connectionTimeout: 5_000,
    },
  };
  const clients: AwsClients = {
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    elb: new ElasticLoadBalancingClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    elasticache: new ElastiCacheClient(config),
    ecs: new ECSClient(config),
    eks: new EKSClient(config),
    lambda: new LambdaClient(config),
    s3: new S3Client({ ...config, forcePathStyle: settings.s3ForcePathStyle ?? Boolean(settings.endpoint) }),
    route53: new Route53Client(config),
  };
  const onAttempt = settings.onAttempt;
  if (onAttempt) {
    for (const client of Object.values(clients) as AwsClients[keyof AwsClients][]) {
      countAttempts(client.middlewareStack as MiddlewareStack<object, object>, onAttempt);
    }
  }
  return clients;
}

export function destroyAwsClients(clients: AwsClients): void {
  for (const client of Object.values(clients) as AwsClients[keyof AwsClients][]) client.destroy();
}
