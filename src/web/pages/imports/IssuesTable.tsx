import { useState } from 'react';
import { Badge, Card, Group, Pagination, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useImportIssues } from '../../api/imports';
import type { ImportIssueViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';

const PAGE_SIZE = 50;
type Severity = 'all' | 'error' | 'warning';

export function IssuesTable({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [severity, setSeverity] = useState<Severity>('all');
  const issues = useImportIssues(importId, { page, pageSize: PAGE_SIZE, severity }, true);
  const total = issues.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const items = issues.data?.items ?? [];

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{t('imports.issues')}</Text>
        <SegmentedControl
          size="xs"
          aria-label={t('imports.severityFilter')}
          value={severity}
          onChange={(v) => { setSeverity(v as Severity); setPage(1); }}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'error', label: t('imports.error') },
            { value: 'warning', label: t('imports.warning') },
          ]}
        />
      </Group>
      <ErrorAlert error={issues.error} />
      {isPhone ? (
        <Stack gap="xs" data-testid="import-issues">
          {items.map((issue, i) => (
            <IssueCard key={`${issue.rowNumber}-${issue.column ?? ''}-${i}`} issue={issue} />
          ))}
          {issues.data && items.length === 0 ? <Text c="dimmed" size="sm">{t('imports.noIssues')}</Text> : null}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={6} data-testid="import-issues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('imports.row')}</Table.Th>
                <Table.Th>{t('imports.column')}</Table.Th>
                <Table.Th>{t('imports.value')}</Table.Th>
                <Table.Th>{t('imports.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((issue, i) => (
                <Table.Tr key={`${issue.rowNumber}-${issue.column ?? ''}-${i}`}>
                  <Table.Td>{issue.rowNumber}</Table.Td>
                  <Table.Td>{issue.column ?? '—'}</Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>{issue.value ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <SeverityBadge severity={issue.severity} />
                      <Text size="sm">{issue.reason}</Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
              {issues.data && issues.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm">{t('imports.noIssues')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={0} /> : null}
    </Stack>
  );
}

function SeverityBadge({ severity }: { severity: ImportIssueViewT['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" style={{ flexShrink: 0, minWidth: 'max-content' }} color={severity === 'error' ? 'red' : 'yellow'} variant="light">
      {severity === 'error' ? t('imports.error') : t('imports.warning')}
    </Badge>
  );
}

/** One finding as a stacked card (phones). */
function IssueCard({ issue }: { issue: ImportIssueViewT }) {
  const { t } = useTranslation();
  return (
    <Card padding="xs" withBorder>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={600}>
          {t('imports.row')} {issue.rowNumber}
          {issue.column ? <Text span size="sm" c="dimmed" fw={400}> · {issue.column}</Text> : null}
        </Text>
        <SeverityBadge severity={issue.severity} />
      </Group>
      <Text size="sm" mt={4}>{issue.reason}</Text>
      {issue.value ? (
        <Text size="xs" ff="monospace" c="dimmed" mt={2} style={{ wordBreak: 'break-all' }}>
          {t('imports.value')}: {issue.value}
        </Text>
      ) : null}
    </Card>
  );
}
