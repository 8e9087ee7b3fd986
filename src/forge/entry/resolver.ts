import { forgeDeps } from '../deps';
import { buildResolver } from '../resolvers/dispatch';
import { resolverImpls } from '../resolvers/impls';

/** manifest: function `resolver` — every Custom UI call (dashboard, settings, macro, byline). */
export const resolver = buildResolver(resolverImpls, forgeDeps);
