import { useMemo } from 'react';
import { MultiSelect, Select } from '@mantine/core';
import { useUnits } from '../api/units';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Unit ids that may not be chosen (e.g. a unit's own subtree). */
  exclude?: Set<string>;
  clearable?: boolean;
  placeholder?: string;
  required?: boolean;
  error?: React.ReactNode;
}

function useUnitOptions(exclude?: Set<string>) {
  const units = useUnits();
  const data = useMemo(
    () =>
      (units.data?.items ?? [])
        .filter((u) => !exclude?.has(u.id))
        .map((u) => ({ value: u.id, label: u.code ? `${u.name} (${u.code})` : u.name }))
        .sort((a, b) => a.label.localeCompare(b.label, 'id')),
    [units.data, exclude],
  );
  return { units, data };
}

/** Searchable Select over all visible units. */
export function UnitSelect({ label, value, onChange, exclude, clearable, placeholder, required, error }: Props) {
  const { units, data } = useUnitOptions(exclude);
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={clearable}
      placeholder={placeholder}
      required={required}
      error={error}
      limit={100}
      disabled={units.isPending}
    />
  );
}

interface MultiProps {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  description?: React.ReactNode;
  placeholder?: string;
  error?: React.ReactNode;
  disabled?: boolean;
}

/** Searchable MultiSelect over all visible units (e.g. a campaign's target units). */
export function UnitMultiSelect({ label, value, onChange, description, placeholder, error, disabled }: MultiProps) {
  const { units, data } = useUnitOptions();
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      placeholder={placeholder}
      error={error}
      limit={100}
      hidePickedOptions
      disabled={disabled || units.isPending}
    />
  );
}
