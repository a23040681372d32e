import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconMessageReport } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApelReport } from '../../api/apel';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { ApelReportEditor } from './ApelReportEditor';
import { ApelStatusBadge } from './ApelStatusBadge';

/** One apel report: status, BKPSDM's note, details, daftar hadir, photos and the workflow buttons. */
export default function ApelReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const report = useApelReport(id);
  const tz = useAuth().session?.tenant?.timezone;

  if (report.isPending) return <PageLoader />;
  const r = report.data;
  const back = (
    <Anchor component={Link} to={r ? `/apel?campaign=${r.campaignId}` : '/apel'} size="sm">
      <Group gap={4}><IconArrowLeft size={14} />{t('apel.backToList')}</Group>
    </Anchor>
  );
  if (!r) {
    return (
      <Stack gap="md">
        {back}
        <ErrorAlert error={report.error} />
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} size="h3" style={{ wordBreak: 'break-word' }}>{t('apel.reportTitle', { unit: r.unitName })}</Title>
            <ApelStatusBadge status={r.status} size="md" />
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(r.heldOn)}
            {r.number ? ` · ${t('apel.number')} ${r.number}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {r.submittedAt ? t('apel.submittedAt', { time: formatDateTime(r.submittedAt, tz) }) : null}
            {r.reviewedAt ? ` · ${t('apel.reviewedAt', { time: formatDateTime(r.reviewedAt, tz) })}` : null}
          </Text>
        </div>
        {r.beritaAcaraUrl ? (
          <Button component="a" href={r.beritaAcaraUrl} download variant="light" leftSection={<IconDownload size={16} />}
            data-testid="berita-acara-link">
            {t('apel.download')}
          </Button>
        ) : null}
      </Group>
      {r.status === 'returned' && r.reviewNote ? (
        <Alert color="red" variant="light" icon={<IconMessageReport size={18} />} title={t('apel.reviewNote')}
          data-testid="apel-review-note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.reviewNote}</Text>
        </Alert>
      ) : null}
      {!r.can.edit && (r.status === 'submitted' || r.status === 'accepted') ? (
        <Text size="sm" c="dimmed">{t('apel.readOnly')}</Text>
      ) : null}
      <ApelReportEditor key={r.id} report={r} />
    </Stack>
  );
}
