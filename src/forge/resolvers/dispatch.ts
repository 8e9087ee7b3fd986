import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { ConfluenceError } from '../../confluence/client';
import { appendAudit } from '../../store/repos/audit';
import {
  fail,
  ok,
  resolverPayloads,
  type Envelope,
  type ResolverKey,
  type ResolverPayload,
  type ResolverResults,
} from '../../shared';
import type { AppDeps } from '../deps';
import { AppError } from '../errors';
import { describeError } from '../log';

/** Who is calling: Forge puts the user's account id into every UI invocation's context. */
export interface Caller {
  accountId: string | null;
}

export type ResolverImpls = {
  [K in ResolverKey]: (
    payload: ResolverPayload<K>,
    caller: Caller,
    deps: AppDeps,
  ) => Promise<ResolverResults[K]>;
};

type DefinitionsHandler = ReturnType<Resolver['getDefinitions']>;

/**
 * One Forge resolver function for every UI call. Each call: payload validated (zod), implementation
 * run, answer wrapped in the envelope. Nothing throws to the UI; unexpected errors are logged
 * (redacted) and answered INTERNAL without details; every FORBIDDEN is written to the audit log.
 */
export function buildResolver(
  impls: ResolverImpls,
  makeDeps: () => AppDeps | Promise<AppDeps>,
): DefinitionsHandler {
  const resolver = new Resolver();
  for (const key of Object.keys(resolverPayloads) as ResolverKey[]) {
    resolver.define(key, async (request: { payload: unknown; context: Record<string, unknown> }) => {
      let deps: AppDeps;
      try {
        deps = await makeDeps();
      } catch (error) {
        // e.g. RATE_LIMITED while an upgrade's migrations wait for DDL budget.
        if (error instanceof AppError) return fail(error.code, error.message);
        throw error;
      }
      return dispatch(key, request, impls, deps);
    });
  }
  const definitions = resolver.getDefinitions();
  return async (invocation, backend) => {
    const key = invocation.call.functionKey;
    if (!Object.prototype.hasOwnProperty.call(resolverPayloads, key)) {
      return fail('UNKNOWN_FUNCTION', `no resolver named ${JSON.stringify(key).slice(0, 80)}`);
    }
    return definitions(invocation, backend);
  };
}

export async function dispatch<K extends ResolverKey>(
  key: K,
  request: { payload: unknown; context: Record<string, unknown> },
  impls: ResolverImpls,
  deps: AppDeps,
): Promise<Envelope<ResolverResults[K]>> {
  const accountId = request.context.accountId;
  const caller: Caller = { accountId: typeof accountId === 'string' && accountId !== '' ? accountId : null };
  // zod cannot relate a generic key's schema to its inferred type; the contract file pins them together.
  const schema = resolverPayloads[key] as unknown as z.ZodType<ResolverPayload<K>>;
  const parsed = schema.safeParse(request.payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return fail('INVALID_PAYLOAD', `${where}${issue?.message ?? 'invalid payload'}`);
  }
  try {
    return ok(await impls[key](parsed.data, caller, deps));
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'FORBIDDEN') await auditDenied(deps, caller, key);
      return fail(error.code, error.message);
    }
    if (error instanceof ConfluenceError && error.status === 429) {
      return fail('RATE_LIMITED', 'Confluence is rate limiting requests; try again shortly.');
    }
    deps.log.error('resolver failed', { resolver: key, error: describeError(error) });
    return fail('INTERNAL', 'Something went wrong; the details are in the app log.');
  }
}

async function auditDenied(deps: AppDeps, caller: Caller, key: string): Promise<void> {
  try {
    await appendAudit(
      deps.db,
      { actor: caller.accountId, action: key, target: null, outcome: 'denied', detail: null },
      deps.now(),
    );
  } catch (error) {
    // The denial stands even if it could not be recorded; the log keeps the trace.
    deps.log.error('audit write failed', { resolver: key, error: describeError(error) });
  }
}
