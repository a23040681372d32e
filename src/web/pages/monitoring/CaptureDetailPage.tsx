/** /pengawasan/:id: one capture with its reasons, files and revisions; review it or open a case. */
import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBriefcase, IconDownload, IconExternalLink, IconPaperclip, IconUserCheck } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { captureFileUrl, useAddCaptureFiles, useCapture, useEditCapture, useOpenCase, useReviewCapture, type CaptureDetailT } from '../../api/monitoring';
import { fieldErrors } from '../../api/fieldErrors';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { EVIDENCE_ACCEPT, megabytes } from '../report/reportForm';
import { FindingBadges, HighlightedText, ReasonList, ScoreBadge, SignalBadges, StatusBadge } from './CaptureParts';

export default function CaptureDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const capture = useCapture(id);
  const d = capture.data;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to="/pengawasan" size="sm"><IconArrowLeft size={14} /> {t('monitoring.backToQueue')}</Anchor>
      <ErrorAlert error={capture.error} />
      {capture.isPending ? <PageLoader /> : null}
      {d ? <CaptureView d={d} /> : null}
    </Stack>
  );
}

function CaptureView({ d }: { d: CaptureDetailT }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  const tz = session?.tenant?.timezone;
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ScoreBadge score={d.score} size="xl" />
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>@{d.accountHandle}</Title>
            <Text size="sm" c="dimmed">{d.accountName ?? ''}</Text>
          </div>
        </Group>
        <Group gap="xs">
          <StatusBadge status={d.reviewStatus} />
          {d.case ? <Button component={Link} to={`/kasus/${d.case.id}`} size="xs" variant="light" leftSection={<IconBriefcase size={14} />}>{t('monitoring.detail.caseLink', { number: d.case.number })}</Button> : null}
        </Group>
      </Group>

      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <FindingBadges item={d} />
          <SignalBadges signals={d.signals} />
          <HighlightedText text={d.text} reasons={d.reasons} />
          <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="text-sha">SHA-256 {d.textSha256}</Text>
          <Title order={3} size="h5">{t('monitoring.detail.reasons')}</Title>
          <ReasonList reasons={d.reasons} />
          {d.suggestedItem ? <Text size="sm"><b>{t('monitoring.queue.item', { code: d.suggestedItem.code })}</b> — {d.suggestedItem.reason}</Text> : null}
          <Text size="xs" c="dimmed">{t('monitoring.detail.model', { version: d.modelVersion })}{d.watchlistVersion ? ` · ${t('monitoring.detail.watchlist', { version: d.watchlistVersion })}` : ` · ${t('monitoring.detail.noWatchlist')}`}</Text>
        </Stack>
      </Card>

      <Facts d={d} timeZone={tz} />
      {d.allowed.review || d.allowed.openCase ? <ReviewPanel d={d} /> : null}
      <Files d={d} />
      <Revisions d={d} timeZone={tz} />
      {d.possibleDuplicates.length > 0 ? (
        <Card withBorder radius="md" p="md">
          <Stack gap="xs">
            <Title order={3} size="h4">{t('monitoring.detail.duplicates')}</Title>
            {d.possibleDuplicates.map((x) => (
              <Group key={x.id} gap="xs" justify="space-between">
                <Anchor component={Link} to={`/pengawasan/${x.id}`} size="sm">@{x.accountHandle} · {formatDateTime(x.capturedAt, tz)}</Anchor>
                <Group gap={4}><ScoreBadge score={x.score} size="md" /><StatusBadge status={x.reviewStatus} /></Group>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </>
  );
}

function Facts({ d, timeZone }: { d: CaptureDetailT; timeZone?: string }) {
  const { t } = useTranslation();
  const edit = useEditCapture(d.id);
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{value}</Text>
    </div>
  );
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('monitoring.detail.facts')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {/* The server accepts only http(s); a link is still made only from one (defence in depth against javascript:). */}
          {row(t('monitoring.form.url'), /^https?:\/\//i.test(d.url) ? <Anchor href={d.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">{d.url} <IconExternalLink size={12} /></Anchor> : d.url)}
          {row(t('monitoring.form.postedAt'), formatDateTime(d.postedAt, timeZone))}
          {row(t('monitoring.detail.captured'), `${formatDateTime(d.capturedAt, timeZone)} · ${d.capturedBy ?? t('monitoring.detail.system')} · ${t(`monitoring.source.${d.source}`)}`)}
          {row(t('monitoring.form.election'), d.electionName ?? '—')}
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed">{t('monitoring.form.employee')}</Text>
          {d.employee ? (
            <Group gap="xs">
              <Text size="sm">{d.employee.name} ({d.employee.idNumber}) · {d.employee.unitName ?? '—'}</Text>
              {d.employeeConfirmed ? <Badge size="sm" color="teal" variant="light">{t('monitoring.detail.confirmed')}</Badge> : <Badge size="sm" color="yellow" variant="light">{t('monitoring.queue.suggested')}</Badge>}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">{t('monitoring.queue.noEmployee')}</Text>
          )}
        </div>
        {d.employee && !d.employeeConfirmed && d.allowed.edit ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Stack gap="xs">
              <Text size="sm">{t('monitoring.detail.unconfirmed')}</Text>
              <Group gap="xs">
                <Button size="xs" leftSection={<IconUserCheck size={14} />} loading={edit.isPending} data-testid="confirm-employee"
                  onClick={() => edit.mutate({ employeeConfirmed: true, reason: t('monitoring.detail.confirmReason'), expectedRevision: d.revision }, { onSuccess: () => notifySuccess(t('monitoring.detail.confirmedDone')) })}>
                  {t('monitoring.detail.confirmEmployee')}
                </Button>
                <Button size="xs" variant="subtle" color="gray" loading={edit.isPending}
                  onClick={() => edit.mutate({ employeeId: null, reason: t('monitoring.detail.rejectReason'), expectedRevision: d.revision })}>
                  {t('monitoring.detail.rejectEmployee')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <ErrorAlert error={edit.error} />
      </Stack>
    </Card>
  );
}

function ReviewPanel({ d }: { d: CaptureDetailT }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const review = useReviewCapture(d.id);
  const openCase = useOpenCase(d.id);
  const [decision, setDecision] = useState<'relevant' | 'not_relevant' | 'duplicate'>(d.reviewStatus === 'pending' ? 'relevant' : (d.reviewStatus as 'relevant'));
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState<string | null>(d.possibleDuplicates[0]?.id ?? null);
  const errors = fieldErrors(review.error);
  const submit = () =>
    review.mutate({ decision, reason: reason.trim(), duplicateOfId: decision === 'duplicate' ? duplicateOf : null, expectedRevision: d.revision }, {
      onSuccess: () => { setReason(''); notifySuccess(t('monitoring.detail.review.saved')); },
    });
  const open = () =>
    openCase.mutate({ expectedRevision: d.revision, alsoCaptureIds: [] }, {
      onSuccess: (res) => { notifySuccess(t('monitoring.detail.caseOpened', { number: res.caseNumber })); void navigate(`/kasus/${res.caseId}`); },
    });
  return (
    <Card withBorder radius="md" p="md" data-testid="review-panel">
      <Stack gap="sm">
        {d.allowed.review ? (
          <>
            <Title order={3} size="h4">{t('monitoring.detail.review.title')}</Title>
            {d.review ? <Text size="xs" c="dimmed">{t('monitoring.detail.review.last', { status: t(`monitoring.status.${d.review.status}`), by: d.review.by ?? '—', reason: d.review.reason })}</Text> : null}
            <SegmentedControl fullWidth data={(['relevant', 'not_relevant', 'duplicate'] as const).map((v) => ({ value: v, label: t(`monitoring.status.${v}`) }))} value={decision} onChange={(v) => setDecision(v as typeof decision)} data-testid="review-decision" />
            {decision === 'duplicate' ? (
              <Select label={t('monitoring.detail.review.duplicateOf')} data={d.possibleDuplicates.map((x) => ({ value: x.id, label: `@${x.accountHandle} · ${x.score.toFixed(1)}` }))} value={duplicateOf} onChange={setDuplicateOf} error={errors.duplicateOfId} nothingFoundMessage={t('monitoring.detail.review.noDuplicates')} comboboxProps={{ withinPortal: true }} />
            ) : null}
            <Textarea label={t('monitoring.detail.review.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={1000} data-testid="review-reason" />
            <ErrorAlert error={review.error} />
            <Button onClick={submit} loading={review.isPending} disabled={reason.trim().length < 3} data-testid="review-submit">{t('monitoring.detail.review.submit')}</Button>
          </>
        ) : null}
        {d.allowed.openCase ? (
          <>
            <Text size="sm" c="dimmed">{t('monitoring.detail.openCaseHint')}</Text>
            <ErrorAlert error={openCase.error} />
            <Button color="red" variant="light" leftSection={<IconBriefcase size={16} />} onClick={open} loading={openCase.isPending} data-testid="open-case">{t('monitoring.detail.openCase')}</Button>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function Files({ d }: { d: CaptureDetailT }) {
  const { t } = useTranslation();
  const add = useAddCaptureFiles(d.id);
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('monitoring.form.files')}</Title>
        {d.files.length === 0 ? <Text size="sm" c="dimmed">{t('monitoring.detail.noFiles')}</Text> : null}
        {d.files.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="capture-file">
            <div style={{ minWidth: 0 }}>
              <Text size="sm">{f.mimeType} · {megabytes(f.size)}</Text>
              <Text size="xs" c="dimmed" ff="monospace" title={f.sha256} truncate>SHA-256 {f.sha256}</Text>
            </div>
            <Group gap={4} wrap="nowrap">
              {f.hasCleanCopy ? <Button component="a" href={captureFileUrl(d.id, f.id, 'clean')} size="xs" variant="light" leftSection={<IconDownload size={14} />}>{t('monitoring.detail.download')}</Button> : null}
              <Button component="a" href={captureFileUrl(d.id, f.id, 'original')} size="xs" variant="subtle">{t('monitoring.detail.original')}</Button>
            </Group>
          </Group>
        ))}
        {d.allowed.edit ? (
          <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={(files) => files.length && add.mutate(files, { onSuccess: () => notifySuccess(t('monitoring.detail.filesAdded')) })}>
            {(props) => <Button {...props} variant="subtle" size="xs" leftSection={<IconPaperclip size={14} />} loading={add.isPending}>{t('monitoring.form.addFiles')}</Button>}
          </FileButton>
        ) : null}
        <ErrorAlert error={add.error} />
      </Stack>
    </Card>
  );
}

function Revisions({ d, timeZone }: { d: CaptureDetailT; timeZone?: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('monitoring.detail.revisions')}</Title>
        <Timeline active={d.revisions.length - 1} bulletSize={18} lineWidth={2}>
          {d.revisions.map((r) => (
            <Timeline.Item key={r.revision} title={r.revision === 1 ? t('monitoring.detail.originalRevision') : t('monitoring.detail.revision', { n: r.revision })} data-testid="revision">
              <Text size="xs" c="dimmed">{formatDateTime(r.editedAt, timeZone)} · {r.editedBy ?? t('monitoring.detail.system')} · {t('monitoring.detail.scoreWas', { score: r.score.toFixed(1) })}</Text>
              {r.reason ? <Text size="sm">{r.reason}</Text> : null}
              <Text size="xs" c="dimmed" ff="monospace" truncate title={r.textSha256}>SHA-256 {r.textSha256}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}
