import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { view } from '@forge/bridge';
import type { HostContext } from './context';

/**
 * Design tokens in the host's colour mode. Forge's host applies its theme once theming is enabled;
 * setting the Atlaskit theme ourselves as well keeps tokens defined wherever the host does not.
 */
export async function applyTheme(context: HostContext): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Older hosts have no theming call; the tokens below still apply.
  }
  const mode = context.theme?.colorMode;
  await setGlobalTheme({
    light: 'light',
    dark: 'dark',
    colorMode: mode === 'dark' || mode === 'light' ? mode : 'auto',
  });
}
