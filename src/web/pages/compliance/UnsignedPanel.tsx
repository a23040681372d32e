import { useState } from 'react';
import { Badge, Group, LoadingOverlay, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnsigned } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';

const PAGE_SIZE = 20;

interface Props {
  campaignId: string;
  unitId: string;
  unitName: string;
  /** Hide the heading (when a Drawer already shows it). */
  compact?: boolean;
}

/** The drill-down: targeted employees in the unit's subtree who have not signed, page by page. */
export function UnsignedPanel({ campaignId, unitId, unitName, compact }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useUnsigned(campaignId, unitId, page, PAGE_SIZE);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="xs" pos="relative" data-testid="unsigned-list">
      {compact ? null : <Text fw={600} style={{ wordBreak: 'break-word' }}>{t('compliance.unsignedTitle', { unit: unitName })}</Text>}
      <ErrorAlert error={list.error} />
      {list.isPending ? <PageLoader /> : null}
      {list.data ? (
        <>
          <Text size="xs" c="dimmed">{t('common.total', { formatted: formatNumber(list.data.total) })}</Text>
          {list.data.total === 0 ? <Text size="sm" c="dimmed">{t('compliance.unsignedEmpty')}</Text> : null}
          <LoadingOverlay visible={list.isFetching && list.isPlaceholderData} />
          {list.data.items.map((e) => (
            <div key={e.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', paddingTop: 6 }} data-employee-id={e.id}>
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500} style={{ minWidth: 0, wordBreak: 'break-word' }}>{e.name}</Text>
                {e.hasEmail ? null : <Badge size="xs" color="gray" variant="outline" style={{ flexShrink: 0 }}>{t('compliance.noEmail')}</Badge>}
              </Group>
              <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {e.idNumber}{e.jabatanName ? ` · ${e.jabatanName}` : ''}
              </Text>
              {e.unitId !== unitId ? <Text size="xs" c="dimmed">{e.unitName}</Text> : null}
            </div>
          ))}
          {pages > 1 ? (
            <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={0} mt="xs" />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
