import { useState } from 'react';
import { Anchor, Badge, Button, Card, FileButton, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { evidenceUrl, useStaffEvidence } from '../../api/inbox';
import type { ReportDetailT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { EVIDENCE_ACCEPT, megabytes } from '../report/reportForm';

/** Evidence as downloads only (never previewed from Netra's origin); originals are audited on the server. */
export function EvidenceList({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const add = useStaffEvidence(report.id);
  const [percent, setPercent] = useState(0);
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('inbox.detail.evidence')}</Title>
        {report.files.length === 0 ? <Text size="sm" c="dimmed">{t('inbox.detail.noEvidence')}</Text> : null}
        {report.files.map((f, i) => (
          <Group key={f.fileId} justify="space-between" wrap="wrap" gap="xs" data-testid="evidence-file">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>#{i + 1} · {f.mimeType} · {megabytes(f.size)}</Text>
              <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>SHA-256 {f.sha256}</Text>
              <Group gap={4}>
                <Badge size="xs" variant="light">{f.fromReporter ? t('inbox.detail.fromReporter') : t('inbox.detail.fromStaff')}</Badge>
                <Text size="xs" c="dimmed">{formatDate(f.addedOn)}</Text>
              </Group>
            </div>
            <Group gap="xs">
              {f.cleanCopy === 'ready' ? (
                <Anchor href={evidenceUrl(report.id, f.fileId, 'clean')} download size="sm"><IconDownload size={14} /> {t('inbox.detail.downloadClean')}</Anchor>
              ) : null}
              {f.cleanCopy === 'failed' ? (
                // A sentence that wraps on a phone, not an upper-case badge that would be cut off.
                <Text size="xs" c="red.8" fw={600} title={t('inbox.detail.cleanFailedHint')} data-testid="evidence-clean-failed">{t('inbox.detail.cleanFailed')}</Text>
              ) : null}
              {f.cleanCopy === 'processing' ? (
                <Badge size="sm" color="yellow" variant="light" title={t('inbox.detail.cleanProcessingHint')} data-testid="evidence-processing">{t('inbox.detail.cleanProcessing')}</Badge>
              ) : null}
              <Anchor href={evidenceUrl(report.id, f.fileId, 'original')} download size="sm" title={t('inbox.detail.originalAudited')}>
                <IconDownload size={14} /> {t('inbox.detail.downloadOriginal')}
              </Anchor>
            </Group>
          </Group>
        ))}
        {report.files.length > 0 ? <Text size="xs" c="dimmed">{t('inbox.detail.originalAudited')}</Text> : null}
        {report.can.note ? (
          <>
            <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={(files) => { setPercent(0); add.mutate({ files, onProgress: setPercent }); }}>
              {(props) => <Button {...props} variant="light" size="xs" leftSection={<IconPaperclip size={14} />} loading={add.isPending} style={{ alignSelf: 'flex-start' }}>{t('inbox.detail.addEvidence')}</Button>}
            </FileButton>
            {add.isPending ? <Progress value={percent} /> : null}
            <ErrorAlert error={add.error} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
