import '@atlaskit/css-reset';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostContext, type HostContext } from './context';
import { ErrorBoundary } from './states';
import { applyTheme } from './theme';

/** Every resource's entry: theme from the host first (no flash of the wrong mode), then the app. */
export async function mount(render: (context: HostContext) => ReactNode): Promise<void> {
  const element = document.getElementById('root');
  if (element === null) throw new Error('index.html has no #root');
  const context = await hostContext().catch((): HostContext => ({}));
  await applyTheme(context);
  createRoot(element).render(
    <StrictMode>
      <ErrorBoundary>{render(context)}</ErrorBoundary>
    </StrictMode>,
  );
}
