import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { ApiError } from '../shared/api';

/**
 * Any FORBIDDEN answer (the caller lost site admin, or never had it) replaces the whole settings
 * page with the refusal, so no tab keeps showing data the backend has just refused.
 */
const ForbiddenContext = createContext<() => void>(() => undefined);

export function ForbiddenProvider({
  onForbidden,
  children,
}: {
  onForbidden: () => void;
  children: ReactNode;
}) {
  return <ForbiddenContext.Provider value={onForbidden}>{children}</ForbiddenContext.Provider>;
}

/** Reports a FORBIDDEN error (from a hook's state) to the page. */
export function useForbiddenWatch(error: ApiError | null | undefined): void {
  const report = useContext(ForbiddenContext);
  useEffect(() => {
    if (error?.code === 'FORBIDDEN') report();
  }, [error, report]);
}

/** For event handlers: returns a function that reports FORBIDDEN and says whether it was one. */
export function useForbiddenReport(): (error: unknown) => boolean {
  const report = useContext(ForbiddenContext);
  return (error: unknown) => {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') {
      report();
      return true;
    }
    return false;
  };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', 'Something went wrong. Try again.');
}
