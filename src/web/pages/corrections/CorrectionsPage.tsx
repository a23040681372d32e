import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCorrections, useResolveCorrection } from '../../api/campaigns';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';

type Filter = 'open' | 'resolved' | 'all';

/** "Laporan data salah" (employee.write): employees' reports of wrong master data, resolved by BKPSDM. */
export default function CorrectionsPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [status, setStatus] = useState<Filter>('open');
  const corrections = useCorrections(status);
  const resolve = useResolveCorrection();
  const items = corrections.data?.items ?? [];
  const tz = session?.tenant?.timezone;

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2} size="h3">{t('corrections.title')}</Title>
        <Text size="sm" c="dimmed">{t('corrections.intro')}</Text>
      </div>
      <SegmentedControl value={status} onChange={(v) => setStatus(v as Filter)} aria-label={t('corrections.show')}
        style={{ alignSelf: 'flex-start' }}
        data={[
          { value: 'open', label: t('corrections.open') },
          { value: 'resolved', label: t('corrections.done') },
          { value: 'all', label: t('corrections.all') },
        ]} />
      <ErrorAlert error={corrections.error} />
      {corrections.isPending ? <PageLoader /> : null}
      {corrections.data && items.length === 0 ? <Text c="dimmed">{t('corrections.empty')}</Text> : null}
      {items.map((c) => (
        <Card key={c.id} padding="sm" data-testid="correction">
          <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} size="sm">{c.employeeName}</Text>
              <Text size="xs" c="dimmed" ff="monospace">{c.idNumber}</Text>
              <Text size="xs">{c.unitName}</Text>
            </div>
            <Badge size="sm" variant="light" color={c.status === 'open' ? 'orange' : 'gray'} style={{ flexShrink: 0 }}>
              {c.status === 'open' ? t('corrections.open') : t('corrections.done')}
            </Badge>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{c.message}</Text>
          <Group justify="space-between" mt="xs" gap="xs">
            <Text size="xs" c="dimmed">{t('corrections.reportedAt', { time: formatDateTime(c.createdAt, tz) })}</Text>
            <Group gap="xs">
              <Anchor component={Link} to={`/employees?q=${encodeURIComponent(c.idNumber)}`} size="xs">
                {t('corrections.viewEmployee')}
              </Anchor>
              {c.status === 'open' ? (
                <Button size="xs" variant="light" leftSection={<IconCheck size={14} />}
                  loading={resolve.isPending && resolve.variables === c.id}
                  onClick={() => resolve.mutate(c.id, { onSuccess: () => notifySuccess(t('corrections.resolved')), onError: notifyError })}>
                  {t('corrections.resolve')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
