import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyAnnouncements } from '../../api/sosialisasi';
import { formatDate } from '../../components/format';

/** On an employee's home: the announcements sent to them, and whether they read and acknowledged each. */
export function MyAnnouncements() {
  const { t } = useTranslation();
  const mine = useMyAnnouncements();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card data-testid="my-announcements">
      <Stack gap="xs">
        <Title order={3} size="h4">{t('sosialisasi.mine.title')}</Title>
        {items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/pengumuman/${a.id}`} fw={600}>{a.title}</Anchor>
              <Text size="xs" c="dimmed">{formatDate(a.publishedAt)}</Text>
            </div>
            <Badge color={a.acknowledgedAt ? 'teal' : a.readAt ? 'blue' : 'orange'} variant="light" style={{ flexShrink: 0 }}>
              {a.acknowledgedAt ? t('sosialisasi.mine.acknowledged') : a.readAt ? t('sosialisasi.mine.read') : t('sosialisasi.mine.unread')}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
