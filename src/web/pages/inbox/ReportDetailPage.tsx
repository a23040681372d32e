import { Anchor, Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReportDetail } from '../../api/inbox';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { EvidenceList } from './EvidenceList';
import { IdentityPanel } from './IdentityPanel';
import { StatusBadge } from './InboxPage';
import { ReportActions } from './ReportActions';
import { ReportConversation } from './ReportConversation';
import { ReportFacts } from './ReportFacts';
import { ReportToCase } from '../cases/ReportToCase';
import { ReportTriage } from './ReportTriage';

/** /pengaduan/:id: facts, evidence, conversation and notes; actions and the identity panel at the side. */
export default function ReportDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useReportDetail(id);
  const report = detail.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/pengaduan" size="sm"><IconArrowLeft size={14} /> {t('inbox.detail.back')}</Anchor>
      {detail.isPending ? <PageLoader /> : null}
      <ErrorAlert error={detail.error} />
      {report ? (
        <>
          <Group justify="space-between" align="flex-end" gap="xs">
            <div>
              <Title order={2} ff="monospace" data-testid="report-number">{report.number}</Title>
              <Text size="sm" c="dimmed">{formatDate(report.receivedOn)} · {t(`inbox.channel.${report.channel}`)}</Text>
            </div>
            <Group gap="xs">
              <Badge variant="outline">{t(`reports.identityMode.${report.identityMode}`)}</Badge>
              <StatusBadge status={report.status} />
            </Group>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="md">
                <ReportFacts report={report} />
                <EvidenceList report={report} />
                <ReportConversation report={report} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                <ReportActions report={report} />
                <ReportTriage report={report} />
                <ReportToCase report={report} />
                <IdentityPanel report={report} />
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}
