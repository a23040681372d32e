import { useEffect, useMemo, useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useEmployees } from '../api/employees';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  /** Restrict the search to this unit (and its sub-units). */
  unitId?: string;
  /** Label of the current value, shown before any search has run. */
  initialLabel?: string | null;
  disabled?: boolean;
}

/** Searchable employee Select backed by GET /api/employees?q=… (server-side search). */
export function EmployeePicker({ label, value, onChange, unitId, initialLabel, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [known, setKnown] = useState<Record<string, string>>({});

  useEffect(() => {
    if (value && initialLabel) setKnown((k) => (k[value] ? k : { ...k, [value]: initialLabel }));
  }, [value, initialLabel]);

  const selectedLabel = value ? known[value] : undefined;
  const q = debounced === selectedLabel ? '' : debounced.trim();
  const employees = useEmployees({ q: q || undefined, unitId, pageSize: 20, status: 'active' }, !disabled);

  const data = useMemo(() => {
    const options = new Map<string, string>();
    if (value && selectedLabel) options.set(value, selectedLabel);
    for (const e of employees.data?.items ?? []) options.set(e.id, `${e.name} (${e.idNumber})`);
    return [...options].map(([v, l]) => ({ value: v, label: l }));
  }, [employees.data, value, selectedLabel]);

  return (
    <Select
      label={label}
      placeholder={t('employees.searchPlaceholder')}
      data={data}
      value={value}
      onChange={(v, option) => {
        if (v && option) setKnown((k) => ({ ...k, [v]: option.label }));
        onChange(v);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={employees.isFetching ? t('app.loading') : t('employees.empty')}
      rightSection={employees.isFetching ? <Loader size="xs" /> : undefined}
      disabled={disabled}
    />
  );
}
