import Heading from '@atlaskit/heading';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the browser's own <dialog>: showModal() makes the rest of the page inert (focus
 * stays inside), Escape closes it, and focus returns to the opener. @atlaskit/modal-dialog is not
 * used because its bundled portal needs React 18's react-dom, which breaks under React 19.
 */
export function SettingsDialog({
  title,
  onClose,
  children,
  footer,
  width = 560,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  width?: number;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', ''); // jsdom has no showModal
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="rg-settings-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      style={{
        width: `min(${width}px, calc(100vw - 32px))`,
        padding: 0,
        // Lets a region list's menu open past the dialog's edge instead of scrolling inside it.
        overflow: 'visible',
        border: 'none',
        borderRadius: token('radius.large'),
        background: token('elevation.surface.overlay'),
        color: token('color.text'),
        boxShadow: token('elevation.shadow.overlay'),
      }}
    >
      <style>{`.rg-settings-dialog::backdrop{background:${token('color.blanket')}}`}</style>
      <Box padding="space.300">
        <Stack space="space.200">
          <Heading size="medium" as="h2" id={titleId}>
            {title}
          </Heading>
          {children}
          <Inline space="space.100" alignInline="end">
            {footer}
          </Inline>
        </Stack>
      </Box>
    </dialog>
  );
}
