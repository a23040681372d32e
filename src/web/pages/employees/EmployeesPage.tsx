import { useState } from 'react';
import { ActionIcon, Button, Card, Group, LoadingOverlay, Pagination, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { employeeExportUrl, useEmployees } from '../../api/employees';
import type { EmployeeViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { EmployeeCreateDrawer } from './EmployeeCreateDrawer';
import { EmployeeDrawer } from './EmployeeDrawer';
import { EmployeeFilters } from './EmployeeFilters';
import { EmployeeList } from './EmployeeList';
import { PAGE_SIZES, useEmployeeFilters } from './useEmployeeFilters';

export default function EmployeesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const filters = useEmployeeFilters();
  const { query, update } = filters;
  const employees = useEmployees(query);
  const [open, setOpen] = useState<EmployeeViewT | null>(null);
  const [adding, setAdding] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const total = employees.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} size="h3">
          {t('employees.title')}
        </Title>
        <Group gap="xs">
          {can('employee.write') ? (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
              {t('employees.add')}
            </Button>
          ) : null}
          {can('employee.export') ? (
            isPhone ? (
              <ActionIcon
                component="a"
                href={employeeExportUrl(query)}
                download
                variant="light"
                size="input-sm"
                aria-label={t('employees.export')}
                title={t('employees.export')}
              >
                <IconDownload size={18} />
              </ActionIcon>
            ) : (
              <Button
                component="a"
                href={employeeExportUrl(query)}
                download
                variant="light"
                leftSection={<IconDownload size={16} />}
              >
                {t('employees.export')}
              </Button>
            )
          ) : null}
        </Group>
      </Group>
      <Card>
        <EmployeeFilters {...filters} />
      </Card>
      <ErrorAlert error={employees.error} />
      <Card pos="relative" p={{ base: 'xs', sm: 'md' }}>
        <LoadingOverlay visible={employees.isFetching} overlayProps={{ blur: 1 }} />
        {employees.data ? <EmployeeList items={employees.data.items} onOpen={setOpen} /> : <Text mih={80} />}
        <Group justify="space-between" mt="md" gap="xs">
          <Text size="sm" c="dimmed">
            {t('common.total', { formatted: formatNumber(total) })}
          </Text>
          <Group gap="xs">
            <Select
              label={t('employees.pageSize')}
              data={[...PAGE_SIZES]}
              value={String(query.pageSize)}
              onChange={(v) => update({ pageSize: v })}
              allowDeselect={false}
              w={120}
              size="xs"
            />
            <Pagination
              total={pages}
              value={Math.min(query.page, pages)}
              onChange={(p) => update({ page: String(p) })}
              size="sm"
              siblings={0}
              mt="lg"
            />
          </Group>
        </Group>
      </Card>
      <EmployeeDrawer employee={open} onClose={() => setOpen(null)} />
      {can('employee.write') ? (
        <EmployeeCreateDrawer opened={adding} onClose={() => setAdding(false)} initialUnitId={query.unitId} />
      ) : null}
    </Stack>
  );
}
