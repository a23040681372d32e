import { lazy, Suspense } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconHierarchy2, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEmployees, useEmployeeStats } from '../api/employees';
import { useUnits } from '../api/units';
import { isEmployeeOnly, useAuth } from '../components/auth';
import { formatNumber } from '../components/format';
import { useEnumLabel } from '../components/labels';
import { PageLoader } from '../components/PageLoader';
import { EmployeeHome } from './EmployeeHome';
import { MyPledges } from './pledges/MyPledges';
import { CampaignProgress } from './dashboard/CampaignProgress';
import { MyAnnouncements } from './sosialisasi/MyAnnouncements';

const EmployeeCharts = lazy(() => import('./dashboard/EmployeeCharts'));

function Stat({ label, value, loading }: { label: string; value: number | undefined; loading: boolean }) {
  return (
    <Card>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {loading ? '…' : value === undefined ? '—' : formatNumber(value)}
      </Text>
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { session, user, can } = useAuth();
  const label = useEnumLabel();
  const employeeOnly = isEmployeeOnly(session);
  const units = useUnits(can('unit.read') && !employeeOnly);
  const withStats = can('unit.read') && !employeeOnly;
  const stats = useEmployeeStats(withStats);
  const employees = useEmployees({ pageSize: 1 }, can('employee.read') && !withStats && !employeeOnly);
  const activeTotal = withStats ? stats.data?.total : employees.data?.total;

  if (employeeOnly) return <EmployeeHome />;

  return (
    <Stack gap="md">
      <Card>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('home.welcome', { name: user?.displayName ?? '' })}
          </Title>
          <Text c="dimmed">
            {t('home.tenant')}: {session?.tenant?.name ?? '—'}
          </Text>
          <Group gap="xs" aria-label={t('home.roles')}>
            {(user?.roles ?? []).map((role) => (
              <Badge key={role} variant="light">
                {label('role', role)}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
      {user?.employeeId && can('pledge.sign') ? <MyPledges /> : null}
      {user?.employeeId && can('sosialisasi.acknowledge') ? <MyAnnouncements /> : null}
      {can('campaign.read') ? <CampaignProgress /> : null}
      <SimpleGrid cols={2} spacing={{ base: 'sm', sm: 'md' }}>
        {can('unit.read') ? (
          <Stat label={t('home.units')} value={units.data?.items.length} loading={units.isPending} />
        ) : null}
        {can('employee.read') ? (
          <Stat
            label={t('home.employees')}
            value={activeTotal}
            loading={withStats ? stats.isPending : employees.isPending}
          />
        ) : null}
      </SimpleGrid>
      <Card>
        <Text fw={600} mb="xs">
          {t('home.quickLinks')}
        </Text>
        <Group gap="xs">
          {can('unit.read') ? (
            <Button component={Link} to="/units" variant="light" leftSection={<IconHierarchy2 size={16} />}>
              {t('nav.units')}
            </Button>
          ) : null}
          {can('employee.read') ? (
            <Button component={Link} to="/employees" variant="light" leftSection={<IconUsers size={16} />}>
              {t('nav.employees')}
            </Button>
          ) : null}
          {can('employee.import') ? (
            <Button component={Link} to="/import" variant="light" leftSection={<IconFileImport size={16} />}>
              {t('nav.import')}
            </Button>
          ) : null}
        </Group>
      </Card>
      {withStats ? (
        <Suspense fallback={<PageLoader />}>
          <Title order={3} size="h4" mt="xs">
            {t('dashboard.title')}
          </Title>
          <EmployeeCharts />
        </Suspense>
      ) : null}
    </Stack>
  );
}
