import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { recapFileUrl, useRecaps, type RecapViewT } from '../../api/recaps';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { RecapForm } from './RecapForm';
import { RecapSettingsCard } from './RecapSettingsCard';

const STATUS_COLOR: Record<RecapViewT['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

function RecapRow({ r }: { r: RecapViewT }) {
  const { t } = useTranslation();
  const busy = r.status === 'queued' || r.status === 'running';
  return (
    <Card withBorder p="sm" data-testid="recap-row">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{r.title}</Text>
            <Badge color={STATUS_COLOR[r.status]} variant="light" data-testid="recap-status">{t(`recaps.status.${r.status}`)}</Badge>
            {r.isScheduled ? <Badge variant="outline" color="gray">{t('recaps.scheduled')}</Badge> : null}
          </Group>
          <Text size="sm">{r.subject}</Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(r.createdAt)} · {t('recaps.by', { name: r.createdByName })}
          </Text>
          {r.error ? <Text size="sm" c="red.7">{r.error}</Text> : null}
        </div>
        {r.status === 'done' ? (
          <Group gap="xs">
            <Button component="a" href={recapFileUrl(r.id, 'pdf')} download size="xs" variant="light" leftSection={<IconDownload size={14} />}>{t('recaps.pdf')}</Button>
            <Button component="a" href={recapFileUrl(r.id, 'xlsx')} download size="xs" variant="default" leftSection={<IconDownload size={14} />}>{t('recaps.xlsx')}</Button>
          </Group>
        ) : null}
      </Group>
      {busy ? <Progress value={r.progress} animated mt="xs" aria-label={`${r.title}: ${r.progress}%`} data-testid="recap-progress" /> : null}
    </Card>
  );
}

/** /rekap: ask for a recap, watch it being made, download it later. */
export default function RecapsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const recaps = useRecaps();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('recaps.title')}</Title>
        <Text size="sm" c="dimmed">{t('recaps.intro')}</Text>
      </div>
      {can('recap.generate') ? <RecapForm /> : null}
      <Card>
        <Stack gap="sm">
          <Title order={3} size="h4">{t('recaps.list')}</Title>
          <ErrorAlert error={recaps.error} />
          {recaps.isPending ? <PageLoader /> : null}
          {recaps.data?.items.length === 0 ? <Text size="sm" c="dimmed">{t('recaps.empty')}</Text> : null}
          {recaps.data?.items.map((r) => <RecapRow key={r.id} r={r} />)}
        </Stack>
      </Card>
      {can('recap.settings') ? <RecapSettingsCard /> : null}
    </Stack>
  );
}
