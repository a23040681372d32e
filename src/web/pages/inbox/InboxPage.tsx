import { Anchor, Badge, Button, Card, Group, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useInbox } from '../../api/inbox';
import type { InboxItemT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { InboxFilters } from './InboxFilters';
import { STATUS_COLORS } from './inboxEnums';
import { useInboxFilters } from './useInboxFilters';

/** /pengaduan: the Satgas inbox with URL filters; a table on desktop, cards on phones. */
export default function InboxPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const filters = useInboxFilters();
  const list = useInbox(filters.query);
  const data = list.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('inbox.title')}</Title>
        {can('report.enter') ? (
          <Button component={Link} to="/pengaduan/baru" leftSection={<IconPlus size={16} />} variant="light">{t('inbox.enter')}</Button>
        ) : null}
      </Group>
      <InboxFilters filters={filters} />
      <ErrorAlert error={list.error} />
      {list.isPending ? <PageLoader /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed">{t('common.total', { formatted: formatNumber(data.total) })}</Text>
          {data.items.length === 0 ? <Text c="dimmed">{t('inbox.empty')}</Text> : null}
          <Stack gap="xs" hiddenFrom="md">
            {data.items.map((item) => <InboxCard key={item.id} item={item} />)}
          </Stack>
          {data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={900} visibleFrom="md">
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  {(['number', 'received', 'status', 'channel', 'mode', 'reported', 'act', 'activity'] as const).map((c) => <Table.Th key={c}>{t(`inbox.cols.${c}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id} data-testid="inbox-row">
                    <Table.Td><Anchor component={Link} to={`/pengaduan/${item.id}`} ff="monospace">{item.number}</Anchor></Table.Td>
                    <Table.Td>{formatDate(item.receivedOn)}</Table.Td>
                    <Table.Td><StatusBadge status={item.status} /></Table.Td>
                    <Table.Td>{t(`inbox.channel.${item.channel}`)}</Table.Td>
                    <Table.Td>{t(`reports.identityMode.${item.identityMode}`)}</Table.Td>
                    <Table.Td>{item.reportedName ?? '—'}</Table.Td>
                    <Table.Td maw={280}>
                      <Text size="sm" lineClamp={2}>{item.actKind ? t(`reports.actKind.${item.actKind}`) : '—'}</Text>
                      {item.warnings.length > 0 ? <Badge size="xs" color="yellow" variant="light">{t('inbox.warnings')}: {item.warnings.length}</Badge> : null}
                    </Table.Td>
                    <Table.Td>{item.reporterActivityOn ? formatDate(item.reporterActivityOn) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          ) : null}
          {data.total > data.pageSize ? (
            <Pagination total={Math.ceil(data.total / data.pageSize)} value={filters.page} onChange={(p) => filters.update({ page: String(p) })} />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

export function StatusBadge({ status }: { status: InboxItemT['status'] }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLORS[status]} variant="light">{t(`inbox.status.${status}`)}</Badge>;
}

function InboxCard({ item }: { item: InboxItemT }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="sm" component={Link} to={`/pengaduan/${item.id}`} data-testid="inbox-card">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} ff="monospace">{item.number}</Text>
        <StatusBadge status={item.status} />
      </Group>
      <Text size="sm">{item.reportedName ?? '—'}</Text>
      <Text size="sm" c="dimmed" lineClamp={2}>{item.actKind ? t(`reports.actKind.${item.actKind}`) : '—'}</Text>
      <Text size="xs" c="dimmed">
        {formatDate(item.receivedOn)} · {t(`inbox.channel.${item.channel}`)} · {t(`reports.identityMode.${item.identityMode}`)}
      </Text>
      {item.reporterActivityOn ? <Text size="xs" c="blue">{t('inbox.reporterActivity', { date: formatDate(item.reporterActivityOn) })}</Text> : null}
    </Card>
  );
}
