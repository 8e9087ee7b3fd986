import { SchemaNotReadyError } from '../../store/migrate';
import { forgeDeps } from '../deps';
import { AppError } from '../errors';
import { buildResolver } from '../resolvers/dispatch';
import { resolverImpls } from '../resolvers/impls';
import { ensureSchemaWith } from '../schema';

/**
 * manifest: function `resolver` — every Custom UI call (dashboard, settings, macro, byline). The
 * schema is ensured first (free once this container has seen it for this installation); while an
 * upgrade's migrations are still waiting for DDL budget, calls answer RATE_LIMITED.
 */
export const resolver = buildResolver(resolverImpls, async () => {
  const deps = forgeDeps();
  try {
    await ensureSchemaWith(deps);
  } catch (error) {
    if (error instanceof SchemaNotReadyError)
      throw new AppError('RATE_LIMITED', 'RunbookGuard is finishing an update; try again in a minute.');
    throw error;
  }
  return deps;
});
