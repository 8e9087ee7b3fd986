import { AsyncSelect } from '@atlaskit/select';
import { useState } from 'react';
import type { SpaceChoice } from '../../src/shared/contract-scope';
import { call, errorMessage } from '../shared/api';

export interface SpaceOption {
  value: string;
  label: string;
}

/** How the picker names a space: "Payments (PAY)". */
export const spaceLabel = (s: Pick<SpaceChoice, 'key' | 'name'>): string => `${s.name} (${s.key})`;

/**
 * A search follows the answer's cursor this many times at most: on a very large site the first
 * answers may hold no match yet (each reads up to 1,000 spaces).
 */
const MAX_CALLS = 5;
const ENOUGH = 10;

/** Spaces matching `input` (or the first ones when empty), as the signed-in site admin sees them. */
export async function loadSpaceOptions(input: string): Promise<SpaceOption[]> {
  const query = input.trim();
  const found: SpaceChoice[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_CALLS; i++) {
    const answer: { spaces: SpaceChoice[]; nextCursor: string | null } = await call('searchSpaces', {
      ...(query === '' ? {} : { query }),
      ...(cursor === null ? {} : { cursor }),
    });
    found.push(...answer.spaces);
    cursor = answer.nextCursor;
    // Without a query the first page is enough: the admin narrows by typing.
    if (query === '' || cursor === null || found.length >= ENOUGH) break;
  }
  return found.map((s) => ({ value: s.id, label: spaceLabel(s) }));
}

/**
 * The covered spaces: any space of the site, searched by name or key (Confluence answers as the
 * caller). `value` keeps the chosen options with their labels.
 */
export function SpacePicker({
  inputId,
  value,
  onChange,
}: {
  inputId: string;
  value: SpaceOption[];
  onChange: (options: SpaceOption[]) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const load = async (input: string): Promise<SpaceOption[]> => {
    try {
      const options = await loadSpaceOptions(input);
      setFailure(null);
      return options;
    } catch (e) {
      setFailure(errorMessage(e));
      return [];
    }
  };
  return (
    <AsyncSelect<SpaceOption, true>
      inputId={inputId}
      isMulti
      cacheOptions
      // Chips show whole titles (Atlaskit cuts them at 180px); the field wraps them instead.
      styles={{ multiValue: (base: Record<string, unknown>) => ({ ...base, maxWidth: '100%' }) }}
      defaultOptions
      loadOptions={load}
      value={value}
      onChange={(options) => onChange([...options])}
      placeholder="Search spaces by name or key"
      noOptionsMessage={({ inputValue }) =>
        failure !== null
          ? `Could not search spaces: ${failure}`
          : inputValue.trim() === ''
            ? 'No spaces'
            : `No space matches “${inputValue.trim()}”`
      }
      loadingMessage={() => 'Searching spaces…'}
    />
  );
}
