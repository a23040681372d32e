import { useState } from 'react';
import { Alert, Button, Card, Code, Group, LoadingOverlay, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuditLog, useAuditVerify } from '../api/admin';
import { useAuth } from '../components/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from '../components/format';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const [page, setPage] = useState(1);
  const log = useAuditLog(page, PAGE_SIZE);
  const verify = useAuditVerify();
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / PAGE_SIZE));
  const tz = session?.tenant?.timezone;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('audit.title')}</Title>
        <Button variant="light" leftSection={<IconShieldCheck size={16} />} loading={verify.isFetching}
          onClick={() => void verify.refetch()}>
          {t('audit.verify')}
        </Button>
      </Group>
      <ErrorAlert error={verify.error} />
      {verify.data ? (
        verify.data.ok ? (
          <Alert color="teal">{t('audit.verifyOk', { checked: verify.data.checked })}</Alert>
        ) : (
          <Alert color="red">
            {t('audit.verifyBroken', { seq: verify.data.brokenAt?.seq ?? '?', reason: verify.data.brokenAt?.reason ?? '' })}
          </Alert>
        )
      ) : null}
      <ErrorAlert error={log.error} />
      <Card pos="relative" p={{ base: 'xs', sm: 'md' }}>
        <LoadingOverlay visible={log.isFetching} />
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing={6} data-testid="audit-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.seq')}</Table.Th>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.entity')}</Table.Th>
                <Table.Th>{t('audit.requestId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(log.data?.items ?? []).map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{item.seq ?? '…'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.occurredAt, tz)}</Table.Td>
                  <Table.Td>{item.actorLabel ?? '—'}</Table.Td>
                  <Table.Td><Code>{item.action}</Code></Table.Td>
                  <Table.Td fz="xs">
                    {item.entityType ?? '—'}
                    {item.entityId ? <Text span c="dimmed" fz="xs" ff="monospace"> {item.entityId.slice(0, 8)}</Text> : null}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">{item.requestId ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {log.data && log.data.items.length === 0 ? <Text c="dimmed" p="sm">{t('audit.empty')}</Text> : null}
        {pages > 1 ? <Pagination mt="md" total={pages} value={page} onChange={setPage} size="sm" siblings={0} /> : null}
      </Card>
    </Stack>
  );
}
