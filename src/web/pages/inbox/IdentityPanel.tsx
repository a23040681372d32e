import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconEye, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useReadIdentity, useRequestReveal } from '../../api/inbox';
import type { ReportDetailT, RevealIdentityT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';

const FIELDS = ['name', 'nik', 'address', 'occupation', 'phone', 'email'] as const;
const STATUS_COLOR = { pending: 'yellow', approved: 'teal', rejected: 'red' } as const;

/** Who reported: nothing for anonim, the open identity for terbuka, and the two-person reveal for rahasia. */
export function IdentityPanel({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const request = useRequestReveal(report.id);
  const read = useReadIdentity();
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<RevealIdentityT | null>(null);
  const pending = report.reveals.some((r) => r.status === 'pending');
  return (
    <Card withBorder radius="md" p="md" data-testid="identity-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('inbox.identity.title')}</Title>
        {report.identityMode === 'anonim' ? <Text size="sm">{t('inbox.identity.anonim')}</Text> : null}
        {report.reporterOpen ? <IdentityList identity={report.reporterOpen} /> : null}
        {report.hasSealedIdentity ? (
          <Alert color="gray" variant="light" icon={<IconLock size={18} />} title={t('inbox.identity.sealed')}>
            <Text size="sm">{t('inbox.identity.sealedHint')}</Text>
          </Alert>
        ) : null}
        {report.hasContact ? <Text size="xs" c="dimmed">{t('inbox.identity.contact')}</Text> : null}
        {report.reveals.map((r) => (
          <Stack key={r.id} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed">{r.requestedBy} · {formatDateTime(r.createdAt)}</Text>
              <Badge size="sm" color={STATUS_COLOR[r.status]} variant="light">{t(`inbox.identity.${r.status}`)}</Badge>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.reason}</Text>
            {r.decidedBy ? <Text size="xs" c="dimmed">{t('inbox.reveals.decidedBy')}: {r.decidedBy}{r.decisionNote ? ` — ${r.decisionNote}` : ''}</Text> : null}
            {r.status === 'approved' && r.isMine ? (
              <>
                <Text size="xs" c="orange">{t('inbox.identity.viewAudited')}</Text>
                {shown?.readVia === r.id ? (
                  <>
                    <IdentityList identity={shown} />
                    <Button size="xs" variant="default" onClick={() => setShown(null)}>{t('inbox.identity.hide')}</Button>
                  </>
                ) : (
                  <Button size="xs" leftSection={<IconEye size={14} />} loading={read.isPending} onClick={() => read.mutate(r.id, { onSuccess: setShown })}>
                    {t('inbox.identity.view')}
                  </Button>
                )}
              </>
            ) : null}
          </Stack>
        ))}
        <ErrorAlert error={read.error} />
        {report.can.requestReveal && !pending ? (
          <>
            <Textarea label={t('inbox.identity.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            <ErrorAlert error={request.error} />
            <Button variant="light" disabled={reason.trim().length < 20} loading={request.isPending} onClick={() => request.mutate(reason.trim(), { onSuccess: () => setReason('') })}>
              {t('inbox.identity.request')}
            </Button>
          </>
        ) : null}
        {pending ? <Text size="sm" c="dimmed">{t('inbox.identity.requested')}</Text> : null}
      </Stack>
    </Card>
  );
}

function IdentityList({ identity }: { identity: Partial<Record<(typeof FIELDS)[number], string | null | undefined>> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} component="dl" m={0}>
      {FIELDS.filter((f) => identity[f]).map((f) => (
        <Group key={f} gap="xs" wrap="nowrap" align="flex-start">
          <Text component="dt" size="xs" c="dimmed" w={80}>{t(`inbox.identity.${f}`)}</Text>
          <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>{identity[f]}</Text>
        </Group>
      ))}
    </Stack>
  );
}
