import { useState } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDecideReveal, useRevealRequests } from '../../api/inbox';
import type { RevealViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';

const COLOR = { pending: 'yellow', approved: 'teal', rejected: 'red' } as const;

/** /pengaduan/identitas: the custodian decides on requests (sees the reason, never the report). */
export default function RevealRequestsPage() {
  const { t } = useTranslation();
  const list = useRevealRequests();
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" maw={760}>
      <Title order={2}>{t('inbox.reveals.title')}</Title>
      <Text size="sm" c="dimmed">{t('inbox.reveals.intro')}</Text>
      {list.isPending ? <PageLoader /> : null}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 ? <Text c="dimmed">{t('inbox.reveals.empty')}</Text> : null}
      {[...items].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending')).map((r) => <RevealCard key={r.id} reveal={r} />)}
    </Stack>
  );
}

function RevealCard({ reveal }: { reveal: RevealViewT }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const decide = useDecideReveal();
  const [note, setNote] = useState('');
  const run = (approve: boolean) => decide.mutate({ id: reveal.id, approve, note: note.trim() || null }, { onSuccess: () => notifySuccess(t('inbox.reveals.decided')) });
  return (
    <Card withBorder radius="md" p="md" data-testid="reveal-request">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700} ff="monospace">{t('inbox.reveals.report')} {reveal.reportNumber}</Text>
          <Badge color={COLOR[reveal.status]} variant="light">{t(`inbox.identity.${reveal.status}`)}</Badge>
        </Group>
        <Text size="sm">{t('inbox.reveals.requestedBy')}: {reveal.requestedBy} · {formatDateTime(reveal.createdAt)}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('inbox.reveals.reason')}: {reveal.reason}</Text>
        {reveal.decidedBy ? <Text size="xs" c="dimmed">{t('inbox.reveals.decidedBy')}: {reveal.decidedBy} · {formatDateTime(reveal.decidedAt)}{reveal.decisionNote ? ` — ${reveal.decisionNote}` : ''}</Text> : null}
        {reveal.status === 'pending' && can('report.reveal.approve') ? (
          <>
            <Textarea label={t('inbox.reveals.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
            <ErrorAlert error={decide.error} />
            <Group gap="sm">
              <Button color="teal" loading={decide.isPending} onClick={() => run(true)}>{t('inbox.reveals.approve')}</Button>
              <Button color="red" variant="light" loading={decide.isPending} onClick={() => run(false)}>{t('inbox.reveals.reject')}</Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
