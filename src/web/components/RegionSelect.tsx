import { useMemo, useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../api/tenants';
import type { RegionT } from '../api/types';

interface Props {
  label: string;
  value: string | null;
  onChange: (code: string | null, region: RegionT | null) => void;
  error?: React.ReactNode;
  description?: React.ReactNode;
}

const regionLabel = (r: RegionT) =>
  r.code.includes('.') ? `${r.name}, ${r.provinceName} (${r.code})` : `${r.name} (${r.code})`;

/** Searchable Kemendagri region Select backed by GET /api/reference/regions?q=… (debounced server search). */
export function RegionSelect({ label, value, onChange, error, description }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [selected, setSelected] = useState<RegionT | null>(null);
  const q = selected && debounced === regionLabel(selected) ? '' : debounced.trim();
  const regions = useRegions(q, q.length >= 2);

  const data = useMemo(() => {
    const options = new Map<string, RegionT>();
    if (selected && selected.code === value) options.set(selected.code, selected);
    for (const r of regions.data?.items ?? []) options.set(r.code, r);
    return [...options.values()].map((r) => ({ value: r.code, label: regionLabel(r) }));
  }, [regions.data, selected, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('tenants.regionPlaceholder')}
      data={data}
      value={value}
      onChange={(code) => {
        const region =
          (regions.data?.items ?? []).find((r) => r.code === code) ?? (selected?.code === code ? selected : null);
        setSelected(region);
        onChange(code, region);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q.length < 2 ? undefined : regions.isFetching ? t('app.loading') : t('tenants.regionEmpty')}
      rightSection={regions.isFetching ? <Loader size="xs" /> : undefined}
      error={error}
    />
  );
}
