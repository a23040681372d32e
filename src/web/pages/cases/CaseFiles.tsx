/** The case's evidence (with upload), its generated documents (with re-issue) and its linked reports. */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Card, CopyButton, FileButton, Group, Menu, Progress, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconChevronDown, IconCopy, IconDownload, IconPaperclip, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CaseDocumentKind } from '../../../shared/case-workflow.js';
import { caseDocumentUrl, caseEvidenceUrl, useReissueDocument, useUploadCaseEvidence, type CaseDetailT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { EVIDENCE_ACCEPT, megabytes } from '../report/reportForm';

const shortHash = (sha: string) => `${sha.slice(0, 12)}…${sha.slice(-6)}`;

function HashLine({ sha }: { sha: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed" ff="monospace" title={sha}>SHA-256 {shortHash(sha)}</Text>
      <CopyButton value={sha}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('cases.evidence.copied') : t('cases.evidence.copyHash')} withArrow>
            <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('cases.evidence.copyHash')}>
              {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

export function CaseEvidence({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  const { can, session } = useAuth();
  const upload = useUploadCaseEvidence(detail.id);
  const [files, setFiles] = useState<File[]>([]);
  const [description, setDescription] = useState('');
  const [percent, setPercent] = useState(0);
  const send = () => {
    setPercent(0);
    upload.mutate({ files, description: description.trim(), onProgress: setPercent }, {
      onSuccess: () => { setFiles([]); setDescription(''); notifySuccess(t('cases.evidence.uploaded')); },
    });
  };
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('cases.evidence.title')}</Title>
        {detail.evidence.length === 0 ? <Text size="sm" c="dimmed">{t('cases.evidence.none')}</Text> : null}
        {detail.evidence.map((ev) => (
          <Group key={ev.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start" data-testid="case-evidence">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{ev.description}</Text>
              <Group gap={4}>
                <Badge size="xs" variant="light">{ev.source === 'report' && ev.reportNumber ? t('cases.evidence.fromReport', { number: ev.reportNumber }) : t(`cases.evidenceSource.${ev.source}`)}</Badge>
                <Text size="xs" c="dimmed">{[ev.mimeType, ev.size ? megabytes(ev.size) : null, formatDateTime(ev.addedAt, session?.tenant?.timezone)].filter(Boolean).join(' · ')}</Text>
              </Group>
              <HashLine sha={ev.sha256} />
            </div>
            <Tooltip label={t('cases.evidence.download')} withArrow>
              <ActionIcon component="a" href={caseEvidenceUrl(detail.id, ev.id)} download variant="light" aria-label={`${t('cases.evidence.download')}: ${ev.description}`}>
                <IconDownload size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {detail.evidence.length > 0 ? <Text size="xs" c="dimmed">{t('cases.evidence.audited')}</Text> : null}
        {can('case.handle') ? (
          <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <TextInput label={t('cases.evidence.description')} placeholder={t('cases.evidence.descriptionHint')} maxLength={500} value={description}
              onChange={(e) => setDescription(e.currentTarget.value)} />
            <Group gap="xs">
              <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={setFiles}>
                {(props) => <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />}>{t('cases.evidence.pick')}</Button>}
              </FileButton>
              {files.length ? <Text size="xs" c="dimmed">{t('cases.evidence.chosen', { count: files.length })}</Text> : null}
            </Group>
            <Button size="xs" variant="light" disabled={files.length === 0} loading={upload.isPending} onClick={send} style={{ alignSelf: 'flex-start' }}>
              {t('cases.evidence.upload')}
            </Button>
            {upload.isPending ? <Progress value={percent} /> : null}
            <ErrorAlert error={upload.error} />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

export function CaseDocuments({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  const { can, session } = useAuth();
  const reissue = useReissueDocument(detail.id);
  // Re-issue what exists: each (kind, subject) pair once, from the current case data.
  const pairs = new Map<string, { kind: CaseDocumentKind; subjectId: string | null; label: string }>();
  for (const d of detail.documents) {
    const subjectId = d.subjectName ? (detail.subjects.find((s) => s.name === d.subjectName)?.id ?? null) : null;
    const label = d.subjectName ? `${t(`cases.document.${d.kind}`)} — ${d.subjectName}` : t(`cases.document.${d.kind}`);
    pairs.set(`${d.kind}:${subjectId ?? ''}`, { kind: d.kind, subjectId, label });
  }
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">{t('cases.documents.title')}</Title>
          {can('case.handle') && pairs.size > 0 ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="subtle" rightSection={<IconChevronDown size={12} />} leftSection={<IconRefresh size={12} />} loading={reissue.isPending}>
                  {t('cases.documents.reissue')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('cases.documents.reissueHint')}</Menu.Label>
                {[...pairs.values()].map((p) => (
                  <Menu.Item key={`${p.kind}:${p.subjectId}`} onClick={() => reissue.mutate({ kind: p.kind, subjectId: p.subjectId }, { onSuccess: (doc) => notifySuccess(t('cases.documents.reissued', { number: doc.number })) })}>
                    {p.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
        {detail.documents.length === 0 ? <Text size="sm" c="dimmed">{t('cases.documents.none')}</Text> : null}
        {[...detail.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((d) => (
          <Group key={d.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start" data-testid="case-document">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>{t(`cases.document.${d.kind}`)}{d.subjectName ? ` — ${d.subjectName}` : ''}</Text>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{d.number}</Text>
              <Text size="xs" c="dimmed">{formatDateTime(d.createdAt, session?.tenant?.timezone)}</Text>
            </div>
            <Tooltip label={t('cases.documents.download')} withArrow>
              <ActionIcon component="a" href={caseDocumentUrl(detail.id, d.id)} download variant="light" aria-label={`${t('cases.documents.download')}: ${d.number}`}>
                <IconDownload size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        <ErrorAlert error={reissue.error} />
      </Stack>
    </Card>
  );
}

export function CaseReports({ detail }: { detail: CaseDetailT }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">{t('cases.detail.reports')}</Title>
        {detail.reports.length === 0 ? <Text size="sm" c="dimmed">{t('cases.detail.noReports')}</Text> : null}
        {detail.reports.map((r) => (
          <Group key={r.id} gap="xs" wrap="wrap">
            {can('report.read') ? (
              <Anchor component={Link} to={`/pengaduan/${r.id}`} ff="monospace" size="sm">{r.number}</Anchor>
            ) : <Text ff="monospace" size="sm">{r.number}</Text>}
            <Badge size="xs" variant="outline">{t(`reports.identityMode.${r.identityMode}`, { defaultValue: r.identityMode })}</Badge>
            <Text size="xs" c="dimmed">{t('cases.detail.receivedOn', { date: formatDate(r.receivedOn) })}</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
