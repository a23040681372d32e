import { Anchor, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApelReports } from '../../api/apel';
import type { ApelSummaryT } from '../../api/types';
import { CampaignPicker, useCampaignChoice } from '../../components/CampaignPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { useAuth } from '../../components/auth';
import { ApelStatusBadge } from './ApelStatusBadge';
import { PendingUnits } from './PendingUnits';

const ORDER: Record<ApelSummaryT['status'], number> = { submitted: 0, returned: 1, draft: 2, accepted: 3 };

function Counts({ report }: { report: ApelSummaryT }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed">
      {t('apel.attendanceShort', { present: report.counts.hadir, total: report.counts.total })} ·{' '}
      {t('apel.photosShort', { count: report.photoCount })}
    </Text>
  );
}

function ReportCard({ report }: { report: ApelSummaryT }) {
  const { t } = useTranslation();
  return (
    <Card component={Link} to={`/apel/${report.id}`} p="sm" withBorder data-apel-id={report.id}
      style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Text fw={600} size="sm" style={{ minWidth: 0, wordBreak: 'break-word' }}>{report.unitName}</Text>
        <ApelStatusBadge status={report.status} />
      </Group>
      <Text size="sm">{formatDate(report.heldOn)}</Text>
      {report.number ? <Text size="xs">{t('apel.number')}: {report.number}</Text> : null}
      <Counts report={report} />
    </Card>
  );
}

function ReportTable({ items }: { items: ApelSummaryT[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apel.unit')}</Table.Th>
            <Table.Th>{t('apel.heldOn')}</Table.Th>
            <Table.Th>{t('apel.statusCol')}</Table.Th>
            <Table.Th>{t('apel.number')}</Table.Th>
            <Table.Th>{t('apel.presence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id} data-apel-id={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/apel/${r.id}`} size="sm">{r.unitName}</Anchor>
              </Table.Td>
              <Table.Td>{formatDate(r.heldOn)}</Table.Td>
              <Table.Td><ApelStatusBadge status={r.status} /></Table.Td>
              <Table.Td>{r.number ?? '—'}</Table.Td>
              <Table.Td><Counts report={r} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Apel reports of the chosen campaign, and (for those who report) the units still without one. */
export default function ApelListPage() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const { campaigns, items, campaign, campaignId } = useCampaignChoice(params.get('campaign'));
  const reports = useApelReports(campaignId);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  const pick = (id: string) => setParams({ campaign: id }, { replace: true });
  // Waiting for review first, then returned, drafts, accepted; newest change first within each.
  const list = [...(reports.data?.items ?? [])].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || b.updatedAt.localeCompare(a.updatedAt),
  );

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{t('apel.title')}</Title>
        <Text size="sm" c="dimmed">{t('apel.intro')}</Text>
      </div>
      <ErrorAlert error={campaigns.error} />
      {campaigns.isPending ? <PageLoader /> : null}
      {!campaigns.isPending && !campaign ? <Text c="dimmed">{t('apel.noCampaign')}</Text> : null}
      <CampaignPicker items={items} value={campaignId} onChange={pick} />
      {campaign ? (
        <>
          {can('apel.report') && reports.data ? (
            <PendingUnits campaign={campaign} reports={reports.data.items} openByDefault={Boolean(user?.scopeUnitId)} />
          ) : null}
          <Card p="sm">
            <Text fw={600} mb="xs">{t('apel.reports')}</Text>
            <ErrorAlert error={reports.error} />
            {reports.isPending ? <PageLoader /> : null}
            {reports.data && list.length === 0 ? <Text c="dimmed" size="sm">{t('apel.empty')}</Text> : null}
            {list.length > 0 && isPhone ? (
              <Stack gap="xs" data-testid="apel-reports">{list.map((r) => <ReportCard key={r.id} report={r} />)}</Stack>
            ) : null}
            {list.length > 0 && !isPhone ? (
              <div data-testid="apel-reports"><ReportTable items={list} /></div>
            ) : null}
          </Card>
        </>
      ) : null}
    </Stack>
  );
}
