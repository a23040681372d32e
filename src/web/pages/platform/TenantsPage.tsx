import { useState } from 'react';
import { Badge, Button, Card, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TIMEZONE_LABEL } from '../../../shared/enums.js';
import { useTenants } from '../../api/tenants';
import type { TenantViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { useEnumLabel } from '../../components/labels';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { TenantCreateForm } from './TenantCreateForm';

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={active ? 'teal' : 'gray'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

/** Platform page (tenant.manage): all instansi and the registration form. */
export default function TenantsPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const tenants = useTenants();
  const [adding, setAdding] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const items = tenants.data?.items ?? [];
  const tz = (v: TenantViewT['timezone']) => TIMEZONE_LABEL[v] ?? v;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <div>
          <Title order={2} size="h3">{t('tenants.title')}</Title>
          <Text size="sm" c="dimmed">{t('tenants.intro')}</Text>
        </div>
        <Button leftSection={<IconBuildingPlus size={16} />} onClick={() => setAdding(true)}>
          {t('tenants.register')}
        </Button>
      </Group>
      <ErrorAlert error={tenants.error} />
      {tenants.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('tenants.empty')}</Text>
      ) : isPhone ? (
        <Stack gap="xs" data-testid="tenant-list">
          {items.map((x) => (
            <Card key={x.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm" truncate title={x.name} style={{ minWidth: 0 }}>{x.name}</Text>
                <StatusBadge active={x.isActive} />
              </Group>
              <Text size="xs" ff="monospace" c="dimmed">{x.slug}</Text>
              <Text size="xs">
                {label('tenantKind', x.kind)} · {x.wilayahCode ?? '—'} · {tz(x.timezone)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatNumber(x.employeeCount)} {t('tenants.employees').toLowerCase()} · {formatNumber(x.unitCount)}{' '}
                {t('tenants.units').toLowerCase()}
              </Text>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card p="xs">
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="tenant-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tenants.name')}</Table.Th>
                  <Table.Th>{t('tenants.colSlug')}</Table.Th>
                  <Table.Th>{t('tenants.colKind')}</Table.Th>
                  <Table.Th>{t('tenants.colRegion')}</Table.Th>
                  <Table.Th>{t('tenants.timezone')}</Table.Th>
                  <Table.Th ta="right">{t('tenants.employees')}</Table.Th>
                  <Table.Th ta="right">{t('tenants.units')}</Table.Th>
                  <Table.Th>{t('tenants.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((x) => (
                  <Table.Tr key={x.id}>
                    <Table.Td fw={500}>{x.name}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">{x.slug}</Table.Td>
                    <Table.Td>{label('tenantKind', x.kind)}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">{x.wilayahCode ?? '—'}</Table.Td>
                    <Table.Td>{tz(x.timezone)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(x.employeeCount)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(x.unitCount)}</Table.Td>
                    <Table.Td w={1}><StatusBadge active={x.isActive} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Drawer opened={adding} onClose={() => setAdding(false)} position="right" size={isPhone ? '100%' : 'lg'}
        title={t('tenants.register')}>
        {adding ? (
          <TenantCreateForm
            onCancel={() => setAdding(false)}
            onCreated={(x) => { notifySuccess(t('tenants.created', { name: x.name })); setAdding(false); }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
