import Select from '@atlaskit/select';
import { useId } from 'react';
import { fieldLabelStyle } from './table-styles';

interface Option<T extends string> {
  label: string;
  value: T;
}

/** One labelled multi-select filter over a label map (value → words); empty means "any". */
export function MultiFilter<T extends string>({
  label,
  labels,
  value,
  onChange,
  placeholder = 'Any',
  width = 200,
  only,
}: {
  label: string;
  labels: Record<T, string>;
  value: T[];
  onChange: (next: T[]) => void;
  placeholder?: string;
  width?: number;
  /** Offer just these values (in this order) instead of every key of `labels`. */
  only?: readonly T[];
}) {
  const id = useId();
  const options: Option<T>[] = (only ?? (Object.keys(labels) as T[])).map((v) => ({
    value: v,
    label: labels[v],
  }));
  return (
    <div style={{ width }}>
      <label htmlFor={id} style={fieldLabelStyle}>
        {label}
      </label>
      <Select<Option<T>, true>
        inputId={id}
        isMulti
        isClearable
        spacing="compact"
        placeholder={placeholder}
        options={options}
        value={options.filter((o) => value.includes(o.value))}
        onChange={(next) => onChange(next.map((o) => o.value))}
      />
    </div>
  );
}

/** One labelled single-select; `null` is the "any" choice. */
export function SingleFilter<T extends string>({
  label,
  options,
  value,
  onChange,
  placeholder = 'Any',
  width = 200,
  clearable = true,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T | null;
  onChange: (next: T | null) => void;
  placeholder?: string;
  width?: number;
  clearable?: boolean;
}) {
  const id = useId();
  return (
    <div style={{ width }}>
      <label htmlFor={id} style={fieldLabelStyle}>
        {label}
      </label>
      <Select<Option<T>, false>
        inputId={id}
        isClearable={clearable}
        spacing="compact"
        placeholder={placeholder}
        options={options}
        value={options.find((o) => o.value === value) ?? null}
        onChange={(next) => onChange(next?.value ?? null)}
      />
    </div>
  );
}
