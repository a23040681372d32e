import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../components/auth';
import { ReportForm } from './ReportForm';

/** /laporkan: the same form for a signed-in employee (POST /api/reports/internal, no proof of work). */
export default function InternalReportPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  return (
    <Stack gap="md" maw={680}>
      <div>
        <Title order={2}>{t('reports.title')}</Title>
        <Text size="sm" c="dimmed">{t('reports.intro')}</Text>
        <Text size="sm" c="dimmed">{t('reports.internalNote')}</Text>
      </div>
      <ReportForm internal tenant={session?.tenant?.slug} />
    </Stack>
  );
}
