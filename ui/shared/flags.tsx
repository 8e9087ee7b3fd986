import { IconButton } from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useMemo, useState } from 'react';

interface FlagMessage {
  id: number;
  title: string;
  description?: string;
}

export interface FlagsHandle {
  items: FlagMessage[];
  show: (flag: Omit<FlagMessage, 'id'>) => void;
  dismiss: (id: number) => void;
}

const AUTO_DISMISS_MS = 8000;
let nextId = 1;

/** Success messages after an action, dismissing themselves after a few seconds. */
export function useFlags(): FlagsHandle {
  const [items, setItems] = useState<FlagMessage[]>([]);
  const show = useCallback(
    (flag: Omit<FlagMessage, 'id'>) => setItems((f) => [{ ...flag, id: nextId++ }, ...f]),
    [],
  );
  const dismiss = useCallback((id: number) => setItems((f) => f.filter((x) => x.id !== id)), []);
  return useMemo(() => ({ items, show, dismiss }), [items, show, dismiss]);
}

const flagBox = xcss({
  backgroundColor: 'elevation.surface.overlay',
  boxShadow: 'elevation.shadow.overlay',
  borderRadius: 'radius.medium',
  padding: 'space.200',
  width: '360px',
});

function SuccessIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" style={{ flexShrink: 0 }}>
      <circle cx="12" cy="12" r="10" style={{ fill: token('color.icon.success') }} />
      <path
        d="M7.5 12.5l3 3 6-6.5"
        fill="none"
        style={{ stroke: token('color.icon.inverse') }}
        strokeWidth="2.2"
      />
    </svg>
  );
}

function CloseGlyph() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M4 4l8 8M12 4l-8 8" style={{ stroke: 'currentColor' }} strokeWidth="1.6" />
    </svg>
  );
}

function Flag({ flag, onDismiss }: { flag: FlagMessage; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(flag.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [flag.id, onDismiss]);
  return (
    <Box xcss={flagBox}>
      <Inline space="space.150" alignBlock="start" spread="space-between">
        <Inline space="space.150" alignBlock="start">
          <SuccessIcon />
          <Stack space="space.050">
            <Text weight="semibold">{flag.title}</Text>
            {flag.description !== undefined && <Text size="small">{flag.description}</Text>}
          </Stack>
        </Inline>
        <IconButton
          icon={CloseGlyph}
          label="Dismiss"
          appearance="subtle"
          spacing="compact"
          onClick={() => onDismiss(flag.id)}
        />
      </Inline>
    </Box>
  );
}

/**
 * Atlaskit-looking flags in the frame's bottom-left corner, announced politely. (@atlaskit/flag
 * would add about 60 KB gzipped to the first load for this one use.)
 */
export function Flags({ flags }: { flags: FlagsHandle }) {
  return (
    <div
      role="status"
      aria-live="polite"
      style={{
        position: 'fixed',
        insetInlineStart: token('space.300'),
        insetBlockEnd: token('space.300'),
        zIndex: 600,
      }}
    >
      <Stack space="space.100">
        {flags.items.map((f) => (
          <Flag key={f.id} flag={f} onDismiss={flags.dismiss} />
        ))}
      </Stack>
    </div>
  );
}
