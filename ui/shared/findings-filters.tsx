import { memo } from 'react';
import type { SpaceView } from '../../src/shared/contract';
import { MultiFilter, SingleFilter } from './filter-select';
import type { Filters } from './findings-table';
import { DEFAULT_STATUSES } from './finding-statuses';
import { KIND_LABELS, REFERENCE_TYPE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './format';

type Sort = Filters['sort'];

/** The findings table's selects: space (unless the table is fixed to one), kind, severity, type, state, order. */
/** Memoised: rows arriving re-render the table, not these six selects. */
export default memo(function FindingFilters({
  filters,
  update,
  spaces,
}: {
  filters: Filters;
  update: (next: Partial<Filters>) => void;
  /** null: no space filter (the table is fixed to one space). */
  spaces: SpaceView[] | null;
}) {
  return (
    <>
      {spaces !== null && (
        <SingleFilter
          label="Space"
          placeholder="All spaces"
          options={spaces.map((s) => ({ value: s.id, label: s.name }))}
          value={filters.spaceId}
          onChange={(spaceId) => update({ spaceId })}
        />
      )}
      <MultiFilter
        label="Kind"
        labels={KIND_LABELS}
        value={filters.kinds}
        onChange={(kinds) => update({ kinds })}
      />
      <MultiFilter
        label="Severity"
        labels={SEVERITY_LABELS}
        value={filters.severities}
        onChange={(severities) => update({ severities })}
        width={180}
      />
      <MultiFilter
        label="Reference type"
        labels={REFERENCE_TYPE_LABELS}
        value={filters.types}
        onChange={(types) => update({ types })}
      />
      <MultiFilter
        label="State"
        labels={STATUS_LABELS}
        value={filters.statuses}
        onChange={(next) => update({ statuses: next.length > 0 ? next : DEFAULT_STATUSES })}
        width={260}
      />
      <SingleFilter<Sort>
        label="Order"
        clearable={false}
        options={[
          { value: 'severity', label: 'Most severe first' },
          { value: 'page', label: 'Grouped by page' },
        ]}
        value={filters.sort}
        onChange={(sort) => update({ sort: sort ?? 'severity' })}
        width={180}
      />
    </>
  );
});
