import { Label } from '@atlaskit/form';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

/**
 * A labelled control with its helper text and, when there is one, its error: both tied to the
 * control by id (aria-describedby) so a screen reader reads them with the field.
 */
export function FieldRow({
  id,
  label,
  helper,
  error,
  children,
}: {
  id: string;
  label: string;
  helper?: ReactNode;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {helper !== undefined && (
        <Text size="small" color="color.text.subtle" id={`${id}-helper`}>
          {helper}
        </Text>
      )}
      {error ? (
        <Box id={`${id}-error`} role="alert">
          <Text size="small" color="color.text.danger">
            {error}
          </Text>
        </Box>
      ) : null}
    </Stack>
  );
}

/** The aria-describedby value for a FieldRow's control. */
export function describedBy(
  id: string,
  helper: boolean,
  error: string | null | undefined,
): string | undefined {
  const ids = [helper ? `${id}-helper` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
