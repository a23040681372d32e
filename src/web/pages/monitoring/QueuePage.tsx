/** /pengawasan: the review queue, riskiest first; filters live in the URL so a reviewer can share a view. */
import { Anchor, Button, Card, Group, NumberInput, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCamera, IconDownload, IconFileImport, IconListSearch, IconUserCheck } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, REVIEW_STATUSES } from '../../../shared/contracts/monitoring.contract.js';
import { useElections } from '../../api/campaigns';
import { labelsUrl, useCaptureQueue, type CaptureItemT, type CaptureQueryT } from '../../api/monitoring';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { FindingBadges, HighlightedText, ScoreBadge, SignalBadges, StatusBadge } from './CaptureParts';

export default function QueuePage() {
  const { t } = useTranslation();
  const { can, session } = useAuth();
  const [params, setParams] = useSearchParams();
  const elections = useElections();
  const page = Number(params.get('hal') ?? 1) || 1;
  const pageSize = 20;
  const query: CaptureQueryT = {
    status: (params.get('status') as CaptureQueryT['status']) ?? 'pending',
    electionEventId: params.get('pemilihan') ?? undefined,
    platform: (params.get('platform') as CaptureQueryT['platform']) ?? undefined,
    minScore: params.get('skor') ? Number(params.get('skor')) : undefined,
    q: params.get('q') ?? undefined,
    sort: (params.get('urut') as CaptureQueryT['sort']) ?? 'risk',
    page,
    pageSize,
  };
  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('hal' in patch)) next.delete('hal');
    setParams(next, { replace: true });
  };
  const queue = useCaptureQueue(query);
  const data = queue.data;
  const tz = session?.tenant?.timezone;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('monitoring.queue.title')}</Title>
          <Text size="sm" c="dimmed">{t('monitoring.queue.intro')}</Text>
        </div>
        <Group gap="xs">
          {can('monitoring.capture') ? <Button component={Link} to="/pengawasan/tangkap" leftSection={<IconCamera size={16} />}>{t('monitoring.queue.capture')}</Button> : null}
          {can('monitoring.capture') ? <Button component={Link} to="/pengawasan/impor" variant="light" leftSection={<IconFileImport size={16} />}>{t('monitoring.queue.import')}</Button> : null}
          {can('monitoring.watchlist') ? <Button component={Link} to="/pengawasan/watchlist" variant="light" leftSection={<IconListSearch size={16} />}>{t('monitoring.queue.watchlist')}</Button> : null}
          <Button component={Link} to="/pengawasan/akun" variant="subtle" leftSection={<IconUserCheck size={16} />}>{t('monitoring.queue.accounts')}</Button>
          {can('monitoring.review') ? <Button component="a" href={labelsUrl(query.electionEventId)} variant="subtle" leftSection={<IconDownload size={16} />}>{t('monitoring.queue.exportLabels')}</Button> : null}
        </Group>
      </Group>
      <Card withBorder radius="md" p="sm">
        <SimpleGrid cols={{ base: 2, md: 6 }} spacing="xs">
          <Select label={t('monitoring.queue.filters.status')} data={[...REVIEW_STATUSES, 'all'].map((s) => ({ value: s, label: t(`monitoring.status.${s}`) }))} value={query.status ?? 'pending'} onChange={(v) => update({ status: v })} allowDeselect={false} comboboxProps={{ withinPortal: true }} data-testid="filter-status" />
          <Select label={t('monitoring.queue.filters.election')} clearable data={(elections.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} value={query.electionEventId ?? null} onChange={(v) => update({ pemilihan: v })} comboboxProps={{ withinPortal: true }} />
          <Select label={t('monitoring.queue.filters.platform')} clearable data={PLATFORMS.map((p) => ({ value: p, label: t(`monitoring.platform.${p}`) }))} value={query.platform ?? null} onChange={(v) => update({ platform: v })} comboboxProps={{ withinPortal: true }} />
          <NumberInput label={t('monitoring.queue.filters.minScore')} min={0} max={100} value={query.minScore ?? ''} onChange={(v) => update({ skor: v === '' ? null : String(v) })} />
          <TextInput label={t('monitoring.queue.filters.q')} defaultValue={query.q ?? ''} onKeyDown={(e) => e.key === 'Enter' && update({ q: e.currentTarget.value.trim() })} onBlur={(e) => update({ q: e.currentTarget.value.trim() })} />
          <Select label={t('monitoring.queue.filters.sort')} data={(['risk', 'recent'] as const).map((s) => ({ value: s, label: t(`monitoring.queue.sort.${s}`) }))} value={query.sort ?? 'risk'} onChange={(v) => update({ urut: v })} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
        </SimpleGrid>
      </Card>
      <ErrorAlert error={queue.error} />
      {queue.isPending ? <PageLoader /> : null}
      {data ? (
        <>
          <Text size="sm" c="dimmed">{t('common.total', { formatted: formatNumber(data.total) })}</Text>
          {data.items.length === 0 ? <Text c="dimmed">{t('monitoring.queue.empty')}</Text> : null}
          <Stack gap="sm" data-testid="capture-queue">
            {data.items.map((item, i) => <QueueCard key={item.id} item={item} rank={(page - 1) * pageSize + i + 1} timeZone={tz} />)}
          </Stack>
          {data.total > data.pageSize ? <Pagination total={Math.ceil(data.total / data.pageSize)} value={page} onChange={(p) => update({ hal: String(p) })} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function QueueCard({ item, rank, timeZone }: { item: CaptureItemT; rank: number; timeZone?: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="sm" data-testid="queue-item" data-capture-id={item.id} data-score={item.score}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" ff="monospace">#{rank}</Text>
            <ScoreBadge score={item.score} />
          </Group>
          <StatusBadge status={item.reviewStatus} />
        </Group>
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate>@{item.accountHandle}{item.accountName ? ` · ${item.accountName}` : ''}</Text>
          <Text size="xs" c="dimmed" truncate>
            {item.employee ? `${item.employee.name}${item.employeeConfirmed ? '' : ` (${t('monitoring.queue.suggested')})`}` : t('monitoring.queue.noEmployee')}
          </Text>
        </div>
        <FindingBadges item={item} />
        <SignalBadges signals={item.signals} />
        <HighlightedText text={item.text} reasons={item.reasons} lineClamp={6} />
        {item.textTruncated ? <Text size="xs" c="dimmed">{t('monitoring.queue.truncated')}</Text> : null}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">{t('monitoring.queue.posted', { date: formatDateTime(item.postedAt, timeZone) })}{item.fileCount ? ` · ${t('monitoring.queue.files', { count: item.fileCount })}` : ''}</Text>
          <Anchor component={Link} to={`/pengawasan/${item.id}`} size="sm" fw={600} data-testid="queue-open">{t('monitoring.queue.open')}</Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
