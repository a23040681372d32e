import { useEffect, useState } from 'react';
import { Badge, Button, Collapse, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EMPLOYEE_CATEGORIES, JABATAN_CLASSES } from '../../../shared/enums.js';
import { useEnumOptions } from '../../components/labels';
import { UnitSelect } from '../../components/UnitSelect';
import { STATUSES, type useEmployeeFilters } from './useEmployeeFilters';

type Filters = ReturnType<typeof useEmployeeFilters>;

/** Number of secondary filters (everything but the search box) that differ from the defaults. */
export function activeFilterCount(query: Filters['query']): number {
  let n = 0;
  if (query.unitId) n += 1;
  if (query.category) n += 1;
  if (query.jabatanClass) n += 1;
  if (query.status && query.status !== 'active') n += 1;
  if (query.unitId && query.includeSubunits === 'false') n += 1;
  return n;
}

export function EmployeeFilters({ query, update, reset }: Filters) {
  const { t } = useTranslation();
  const categories = useEnumOptions('category', EMPLOYEE_CATEGORIES);
  const classes = useEnumOptions('jabatanClass', JABATAN_CLASSES);
  const statuses = useEnumOptions('status', STATUSES);
  const [search, setSearch] = useState(query.q ?? '');
  const [debounced] = useDebouncedValue(search, 350);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, { toggle }] = useDisclosure(false);
  const active = activeFilterCount(query);

  useEffect(() => {
    if ((query.q ?? '') !== debounced.trim()) update({ q: debounced.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    // Keep the box in sync when the URL changes from outside (back button, reset).
    if ((query.q ?? '') !== search.trim() && (query.q ?? '') !== debounced.trim()) setSearch(query.q ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.q]);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('employees.search')}
          placeholder={t('employees.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          style={{ flex: 1 }}
          inputMode="search"
        />
        {isPhone ? (
          <Button
            variant={open ? 'light' : 'default'}
            onClick={toggle}
            aria-expanded={open}
            aria-controls="employee-filters-more"
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            rightSection={active ? <Badge size="sm" circle>{active}</Badge> : undefined}
            style={{ flexShrink: 0 }}
          >
            {t('employees.filterToggle')}
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={!isPhone || open} id="employee-filters-more">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            <UnitSelect
              label={t('employees.unit')}
              value={query.unitId ?? null}
              onChange={(v) => update({ unitId: v })}
              clearable
              placeholder={t('common.all')}
            />
            <Select
              label={t('employees.category')}
              data={categories}
              value={query.category ?? null}
              onChange={(v) => update({ category: v })}
              clearable
              placeholder={t('common.all')}
            />
            <Select
              label={t('employees.jabatanClass')}
              data={classes}
              value={query.jabatanClass ?? null}
              onChange={(v) => update({ jabatanClass: v })}
              clearable
              placeholder={t('common.all')}
            />
            <Select
              label={t('employees.status')}
              data={statuses}
              value={query.status ?? 'active'}
              onChange={(v) => update({ status: v === 'active' ? null : v })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Switch
              label={t('employees.includeSubunits')}
              checked={query.includeSubunits !== 'false'}
              onChange={(e) => update({ includeSubunits: e.currentTarget.checked ? null : 'false' })}
              disabled={!query.unitId}
            />
            <div>
              <Button variant="subtle" size="compact-sm" onClick={() => { setSearch(''); reset(); }}>
                {t('employees.resetFilters')}
              </Button>
            </div>
          </SimpleGrid>
        </Stack>
      </Collapse>
    </Stack>
  );
}
