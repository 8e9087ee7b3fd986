import { IconButton } from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, type ReactNode } from 'react';

function CloseGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 4l8 8M12 4l-8 8" style={{ stroke: 'currentColor' }} strokeWidth="1.6" />
    </svg>
  );
}

/**
 * A modal dialog on the browser's own <dialog>: showModal() makes the rest of the frame inert (focus
 * stays inside), Escape closes it, and focus goes back to the opener. @atlaskit/modal-dialog is
 * not used: its bundled portal needs React 18's react-dom and breaks under React 19.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  width = 720,
  menusOverflow = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
  /** Lets a select's menu open past the dialog's edge instead of scrolling inside it (short dialogs). */
  menusOverflow?: boolean;
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
      className="rg-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      style={{
        width: `min(${width}px, calc(100vw - 32px))`,
        ...(menusOverflow ? { overflow: 'visible' } : { maxHeight: 'calc(100vh - 48px)' }),
        padding: 0,
        border: 'none',
        borderRadius: token('radius.large'),
        background: token('elevation.surface.overlay'),
        color: token('color.text'),
        boxShadow: token('elevation.shadow.overlay'),
      }}
    >
      <style>{`.rg-dialog::backdrop{background:${token('color.blanket')}}`}</style>
      <Box padding="space.300">
        <Stack space="space.200">
          <Inline space="space.200" spread="space-between" alignBlock="start">
            <Heading size="medium" as="h2" id={titleId}>
              {title}
            </Heading>
            <IconButton icon={CloseGlyph} label="Close" appearance="subtle" onClick={onClose} />
          </Inline>
          {children}
          {footer !== undefined && (
            <Inline space="space.100" alignInline="end">
              {footer}
            </Inline>
          )}
        </Stack>
      </Box>
    </dialog>
  );
}
