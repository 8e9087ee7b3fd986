import { AsyncSelect } from '@atlaskit/select';
import { useEffect, useState } from 'react';
import type { PageChoice } from '../../src/shared/contract-scope';
import { call, errorMessage } from '../shared/api';

export interface PageOption {
  value: string;
  label: string;
}

const toOption = (p: PageChoice): PageOption => ({ value: p.id, label: p.title });
/** A chosen page Confluence did not name for this user (deleted, moved or restricted). */
const unnamed = (id: string): PageOption => ({ value: id, label: `Page ${id}` });

/**
 * Parent pages of the space's page trees, searched by title as the caller sees them. The stored value
 * stays the page ids; their titles are asked for once, on first show.
 */
export function PagePicker({
  inputId,
  spaceId,
  value,
  onChange,
  describedBy,
}: {
  inputId: string;
  spaceId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  describedBy?: string;
}) {
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [initial] = useState(value);

  useEffect(() => {
    if (initial.length === 0) return;
    let live = true;
    call('searchPages', { spaceId, ids: initial }).then(
      (answer) => live && setTitles(new Map(answer.pages.map((p) => [p.id, p.title]))),
      () => undefined, // Titles are a courtesy: the ids still show, as "Page <id>".
    );
    return () => {
      live = false;
    };
  }, [spaceId, initial]);

  const load = async (input: string): Promise<PageOption[]> => {
    const query = input.trim();
    try {
      const answer = await call('searchPages', { spaceId, ...(query === '' ? {} : { query }) });
      setFailure(null);
      return answer.pages.map(toOption);
    } catch (e) {
      setFailure(errorMessage(e));
      return [];
    }
  };

  return (
    <AsyncSelect<PageOption, true>
      inputId={inputId}
      isMulti
      cacheOptions
      // Chips show whole titles (Atlaskit cuts them at 180px); the field wraps them instead.
      styles={{ multiValue: (base: Record<string, unknown>) => ({ ...base, maxWidth: '100%' }) }}
      defaultOptions
      loadOptions={load}
      value={value.map((id) => {
        const title = titles.get(id);
        return title === undefined ? unnamed(id) : { value: id, label: title };
      })}
      onChange={(options) => {
        setTitles((t) => new Map([...t, ...options.map((o): [string, string] => [o.value, o.label])]));
        onChange(options.map((o) => o.value));
      }}
      placeholder="Search this space's pages by title"
      noOptionsMessage={({ inputValue }) =>
        failure !== null
          ? `Could not search pages: ${failure}`
          : inputValue.trim() === ''
            ? 'No pages'
            : `No page title matches “${inputValue.trim()}”`
      }
      loadingMessage={() => 'Searching pages…'}
      {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
    />
  );
}
