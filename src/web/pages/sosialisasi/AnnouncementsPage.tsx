import { Anchor, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAnnouncements } from '../../api/sosialisasi';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { AnnouncementForm } from './AnnouncementForm';

/** /sosialisasi: announcements with their read and acknowledgement rates (a unit head: their subtree). */
export default function AnnouncementsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useAnnouncements();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('sosialisasi.title')}</Title>
        <Text size="sm" c="dimmed">{t('sosialisasi.intro')}</Text>
      </div>
      {can('sosialisasi.manage') ? <AnnouncementForm /> : null}
      <Card>
        <Stack gap="sm">
          <Title order={3} size="h4">{t('sosialisasi.list')}</Title>
          <ErrorAlert error={list.error} />
          {list.isPending ? <PageLoader /> : null}
          {list.data?.items.length === 0 ? <Text size="sm" c="dimmed">{t('sosialisasi.empty')}</Text> : null}
          {list.data?.items.map((a) => (
            <Card key={a.id} withBorder p="sm" data-testid="announcement-row">
              <Group justify="space-between" align="flex-start" gap="xs">
                <div style={{ flex: '1 1 260px', minWidth: 0 }}>
                  <Anchor component={Link} to={`/sosialisasi/${a.id}`} fw={600}>{a.title}</Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(a.publishedAt)}{a.reference ? ` · ${a.reference}` : ''} · {a.targetUnitNames.length ? a.targetUnitNames.join(', ') : t('sosialisasi.everyone')}
                  </Text>
                </div>
                {a.hasQuiz ? <Badge variant="light">{t('sosialisasi.quiz')}</Badge> : null}
              </Group>
              <Progress.Root size="lg" mt="xs" aria-label={t('sosialisasi.counts', { read: a.read, ack: a.acknowledged, target: a.target })}>
                <Progress.Section value={a.target ? (a.acknowledged / a.target) * 100 : 0} color="teal" />
                <Progress.Section value={a.target ? ((a.read - a.acknowledged) / a.target) * 100 : 0} color="teal.2" />
              </Progress.Root>
              <Text size="xs" mt={4}>{t('sosialisasi.counts', { read: a.read, ack: a.acknowledged, target: a.target })}</Text>
              {a.notices ? (
                <Text size="xs" c="dimmed" data-testid="announcement-notices">
                  {t(a.notices.done ? 'sosialisasi.noticesDone' : 'sosialisasi.noticesSending', { sent: a.notices.sent, without: a.notices.withoutEmail })}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
