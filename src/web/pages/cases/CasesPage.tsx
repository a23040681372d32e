import { useEffect, useState } from 'react';
import { Anchor, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_STATES } from '../../../shared/case-workflow.js';
import { caseExportUrl, useCases, type CaseListItemT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { DueInfo, EscalationIcon, StateBadge } from './caseUi';
import { CASE_TABS, useCaseFilters } from './useCaseFilters';

/** /kasus: the Satgas work box — tabs, step filter and search in the URL; a table on desktop, cards on phones. */
export default function CasesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const filters = useCaseFilters();
  const list = useCases(filters.query);
  const data = list.data;
  const [q, setQ] = useState(filters.q);
  const [debounced] = useDebouncedValue(q, 350);
  useEffect(() => {
    if (debounced !== filters.q) filters.update({ q: debounced });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs">
        <div>
          <Title order={2}>{t('cases.list.title')}</Title>
          <Text size="sm" c="dimmed">{t('cases.list.intro')}</Text>
        </div>
        <Group gap="xs">
          {can('case.handle') ? (
            <Button component={Link} to="/kasus/baru" leftSection={<IconPlus size={16} />}>{t('cases.list.create')}</Button>
          ) : null}
          <Button component="a" href={caseExportUrl(filters.exportState, 'xlsx')} download variant="default" leftSection={<IconDownload size={16} />}>
            {t('cases.list.exportXlsx')}
          </Button>
          <Button component="a" href={caseExportUrl(filters.exportState, 'csv')} download variant="default" leftSection={<IconDownload size={16} />}>
            {t('cases.list.exportCsv')}
          </Button>
        </Group>
      </Group>
      <Tabs variant="pills" radius="xl" value={filters.tab} onChange={(v) => filters.update({ tab: v === 'open' ? null : v })} keepMounted={false}>
        <Tabs.List>
          {CASE_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`case-tab-${tab}`}>{t(`cases.list.tabs.${tab}`)}</Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('cases.list.q')} placeholder={t('cases.list.qPlaceholder')} leftSection={<IconSearch size={16} />}
          value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select label={t('cases.list.stateFilter')} placeholder={t('cases.list.stateAny')} clearable
          data={CASE_STATES.map((s) => ({ value: s, label: t(`cases.state.${s}`) }))}
          value={filters.state} onChange={(v) => filters.update({ state: v })} comboboxProps={{ withinPortal: true }} />
      </SimpleGrid>
      <ErrorAlert error={list.error} />
      {list.isPending ? <PageLoader /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed">{t('common.total', { formatted: formatNumber(data.total) })}</Text>
          {data.items.length === 0 ? <Text c="dimmed">{t('cases.list.empty')}</Text> : null}
          <Stack gap="xs" hiddenFrom="md">
            {data.items.map((item) => <CaseCard key={item.id} item={item} />)}
          </Stack>
          {data.items.length > 0 ? (
            <Table.ScrollContainer minWidth={960} visibleFrom="md">
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    {(['number', 'title', 'subjects', 'state', 'due', 'escalation', 'assignee'] as const).map((c) => (
                      <Table.Th key={c}>{t(`cases.list.cols.${c}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((item) => (
                    <Table.Tr key={item.id} data-testid="case-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/kasus/${item.id}`} ff="monospace" fw={600}>{item.number}</Anchor>
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" lineClamp={2}>{item.title}</Text>
                        <Text size="xs" c="dimmed">{t(`cases.origin.${item.origin}`)}</Text>
                      </Table.Td>
                      <Table.Td maw={220}><Text size="sm" lineClamp={2}>{item.subjects.join(', ') || '—'}</Text></Table.Td>
                      <Table.Td><StateBadge state={item.state} closeReason={item.closeReason} /></Table.Td>
                      <Table.Td><DueInfo dueOn={item.dueOn} overdueDays={item.overdueDays} /></Table.Td>
                      <Table.Td><EscalationIcon level={item.escalationLevel} /></Table.Td>
                      <Table.Td>{item.assignee?.name ?? <Text size="sm" c="dimmed">{t('cases.unassigned')}</Text>}</Table.Td>
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

function CaseCard({ item }: { item: CaseListItemT }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="sm" component={Link} to={`/kasus/${item.id}`} data-testid="case-card">
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Text fw={700} ff="monospace" size="sm">{item.number}</Text>
        <Group gap={6} wrap="nowrap">
          {item.escalationLevel > 0 ? <EscalationIcon level={item.escalationLevel} /> : null}
          <StateBadge state={item.state} closeReason={item.closeReason} size="sm" />
        </Group>
      </Group>
      <Text size="sm" fw={500} lineClamp={2}>{item.title}</Text>
      <Text size="sm" c="dimmed" lineClamp={1}>{item.subjects.join(', ') || '—'}</Text>
      <Group justify="space-between" gap="xs" mt={4}>
        <DueInfo dueOn={item.dueOn} overdueDays={item.overdueDays} compact />
        <Text size="xs" c="dimmed">{item.assignee?.name ?? t('cases.unassigned')}</Text>
      </Group>
    </Card>
  );
}
