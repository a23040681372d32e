import { useEffect, useState } from 'react';
import { Center, Container, Group, Paper, Select, Stack, Tabs, Title } from '@mantine/core';
import { IconId, IconUser } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublicTenants, useSession } from '../../api/session';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';
import { StaffLoginForm } from './StaffLoginForm';
import { OtpLoginForm } from './OtpLoginForm';

function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const tenants = usePublicTenants();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [tenant, setTenant] = useState<string | null>(null);
  const items = tenants.data?.items ?? [];
  const multiTenant = items.length > 1;

  useEffect(() => {
    if (tenant || items.length === 0) return;
    const current = session.data?.tenant?.slug;
    setTenant(items.find((i) => i.slug === current)?.slug ?? items[0]?.slug ?? null);
  }, [items, tenant, session.data?.tenant?.slug]);

  if (session.isPending) return <PageLoader />;
  if (session.data?.user) return <Navigate to={safeNext(params.get('next'))} replace />;

  const tenantSlug = multiTenant ? (tenant ?? undefined) : undefined;
  const onSuccess = () => navigate(safeNext(params.get('next')), { replace: true });

  return (
    <Container size={440} px="sm" py="xl">
      <Group justify="space-between" mb="lg">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'lg' }} radius="md">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('login.title')}
          </Title>
          {multiTenant ? (
            <Select
              label={t('login.tenant')}
              data={items.map((i) => ({ value: i.slug, label: i.name }))}
              value={tenant}
              onChange={setTenant}
              allowDeselect={false}
              searchable
            />
          ) : null}
          <Tabs defaultValue="staff" keepMounted={false}>
            <Tabs.List grow mb="md">
              <Tabs.Tab value="staff" leftSection={<IconUser size={16} />}>
                {t('login.staffTab')}
              </Tabs.Tab>
              <Tabs.Tab value="employee" leftSection={<IconId size={16} />}>
                {t('login.employeeTab')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="staff">
              <StaffLoginForm tenant={tenantSlug} onSuccess={onSuccess} />
            </Tabs.Panel>
            <Tabs.Panel value="employee">
              <OtpLoginForm tenant={tenantSlug} devOutbox={session.data?.devOutbox === true} onSuccess={onSuccess} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </Paper>
      <Center mt="md" />
    </Container>
  );
}
