import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEmployee } from '../api/employees';
import { useAuth } from '../components/auth';
import { EmployeeFields } from '../components/EmployeeFields';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { MyPledges } from './pledges/MyPledges';
import { MyAnnouncements } from './sosialisasi/MyAnnouncements';

/** "Beranda pegawai": a pegawai's own data. */
export function EmployeeHome() {
  const { t } = useTranslation();
  const { user, session } = useAuth();
  const employee = useEmployee(user?.employeeId);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('employeeHome.title')}
      </Title>
      <Text c="dimmed">
        {t('home.welcome', { name: user?.displayName ?? '' })} · {session?.tenant?.name}
      </Text>
      {user?.employeeId ? <MyPledges /> : null}
      {user?.employeeId ? <MyAnnouncements /> : null}
      {!user?.employeeId ? (
        <Alert color="yellow">{t('employeeHome.noEmployee')}</Alert>
      ) : employee.isPending ? (
        <PageLoader />
      ) : employee.error ? (
        <ErrorAlert error={employee.error} />
      ) : employee.data ? (
        <Card>
          <Text size="sm" c="dimmed" mb="md">
            {t('employeeHome.intro')}
          </Text>
          <EmployeeFields employee={employee.data} />
        </Card>
      ) : null}
    </Stack>
  );
}
