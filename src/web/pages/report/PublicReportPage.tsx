import { Anchor, Container, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublicTenants, useSession } from '../../api/session';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ReportForm } from './ReportForm';

/** Public /lapor: no login, no app shell, phone-first. */
export default function PublicReportPage() {
  const { t } = useTranslation();
  useSession(); // issues the CSRF cookie the upload echoes
  const tenants = usePublicTenants();
  const items = tenants.data?.items ?? [];
  const [tenant, setTenant] = useState<string | null>(null);
  const chosen = items.length === 1 ? items[0]!.slug : tenant ?? undefined;
  return (
    <Container size={640} px="sm" py="md">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">{t('reports.title')}</Title>
          <Text size="sm" c="dimmed">{t('reports.intro')}</Text>
          <Anchor component={Link} to="/lapor/cek" size="sm">{t('reports.checkLink')}</Anchor>
        </div>
        {items.length > 1 ? (
          <Select label={t('receiptPortal.tenant')} data={items.map((i) => ({ value: i.slug, label: i.name }))} value={tenant} onChange={setTenant} size="md" />
        ) : null}
        <ReportForm tenant={chosen} />
      </Stack>
    </Container>
  );
}
