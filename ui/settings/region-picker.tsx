import { Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { AWS_REGIONS } from './regions';

interface Option {
  label: string;
  value: string;
}

const OPTIONS: Option[] = AWS_REGIONS.map((r) => ({ label: `${r.name} · ${r.id}`, value: r.id }));

const radioStyles = xcss({ display: 'flex', alignItems: 'center', gap: 'space.100' });
const selectStyles = xcss({ maxWidth: '640px' });

/**
 * The regions RunbookGuard reads in one account: every region the account has enabled (null, the
 * default) or a chosen list. Native radios keep the choice keyboard-reachable with visible focus.
 */
export function RegionPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string[] | null;
  onChange: (regions: string[] | null) => void;
  error?: string | null;
}) {
  const chosen = value ?? [];
  const known = new Set(OPTIONS.map((o) => o.value));
  // Regions saved earlier that this list does not name still show (and can be removed).
  const options = [...OPTIONS, ...chosen.filter((r) => !known.has(r)).map((r) => ({ label: r, value: r }))];
  return (
    <Stack space="space.100" role="radiogroup" aria-labelledby={`${id}-legend`}>
      <Text weight="medium" id={`${id}-legend`}>
        Regions to read
      </Text>
      <Box as="label" xcss={radioStyles}>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value === null}
          onChange={() => onChange(null)}
          style={{ accentColor: token('color.background.selected.bold'), margin: 0 }}
        />
        <Text>All regions the account has enabled</Text>
      </Box>
      <Box as="label" xcss={radioStyles}>
        <input
          type="radio"
          name={`${id}-mode`}
          checked={value !== null}
          onChange={() => onChange(value ?? [])}
          style={{ accentColor: token('color.background.selected.bold'), margin: 0 }}
        />
        <Text>Only these regions</Text>
      </Box>
      {value !== null && (
        <Stack space="space.050">
          <Label htmlFor={`${id}-select`}>Regions</Label>
          <Box xcss={selectStyles}>
            <Select<Option, true>
              inputId={`${id}-select`}
              isMulti
              options={options}
              value={options.filter((o) => chosen.includes(o.value))}
              onChange={(selected) => onChange(selected.map((o) => o.value))}
              placeholder="Choose regions"
              isInvalid={Boolean(error)}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </Box>
        </Stack>
      )}
      {error ? (
        <Inline>
          <Box id={`${id}-error`} role="alert">
            <Text size="small" color="color.text.danger">
              {error}
            </Text>
          </Box>
        </Inline>
      ) : null}
    </Stack>
  );
}
