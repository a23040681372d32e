import { Anchor, Badge, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDevOutbox } from '../api/admin';
import { useSession } from '../api/session';
import { Brand } from '../components/Brand';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PageLoader } from '../components/PageLoader';

/** Dev outbox: public in dev so a demo employee can read their one-time code. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const outbox = useDevOutbox();
  const tz = session.data?.tenant?.timezone;
  const signedIn = Boolean(session.data?.user);

  return (
    <Container size="md" px="sm" py="md">
      <Group justify="space-between" mb="md">
        <Anchor component={Link} to={signedIn ? '/' : '/login'} underline="never" c="inherit">
          <Brand />
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">{t('outbox.title')}</Title>
          <Button variant="light" size="xs" leftSection={<IconRefresh size={14} />} loading={outbox.isFetching}
            onClick={() => void outbox.refetch()}>
            {t('common.refresh')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">{t('outbox.intro')}</Text>
        <ErrorAlert error={outbox.error} />
        {outbox.isPending ? <PageLoader /> : null}
        {outbox.data && outbox.data.items.length === 0 ? <Text c="dimmed">{t('outbox.empty')}</Text> : null}
        <Stack gap="sm" data-testid="dev-outbox">
          {(outbox.data?.items ?? []).map((mail) => (
            <Card key={mail.id} padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm">{mail.subject}</Text>
                <Badge size="xs" variant="light">{mail.status}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('outbox.to')}: {mail.to} · {formatDateTime(mail.createdAt, tz)}
              </Text>
              <Text component="pre" size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit' }}>
                {mail.body}
              </Text>
            </Card>
          ))}
        </Stack>
        <Anchor component={Link} to={signedIn ? '/' : '/login'} size="sm">
          {signedIn ? t('nav.home') : t('outbox.toLogin')}
        </Anchor>
      </Stack>
    </Container>
  );
}
