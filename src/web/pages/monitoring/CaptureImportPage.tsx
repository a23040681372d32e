/** /pengawasan/impor: bulk import of posts from a social-listening export (CSV or JSONL), with progress and per-row errors. */
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Code, FileButton, Group, Progress, Radio, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileUpload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useElections } from '../../api/campaigns';
import { useCaptureImport, useCaptureImports, useStartCaptureImport, type CaptureImportViewT } from '../../api/monitoring';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';

const STATUS_COLORS: Record<CaptureImportViewT['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', refused: 'orange', failed: 'red' };

export default function CaptureImportPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const elections = useElections();
  const events = elections.data?.items ?? [];
  const [eventId, setEventId] = useState<string | null>(null);
  const [contestId, setContestId] = useState<string | null>(null);
  const [mode, setMode] = useState<'skip_invalid' | 'all_or_nothing'>('skip_invalid');
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const [batchId, setBatchId] = useState<string | null>(null);
  const start = useStartCaptureImport();
  const batch = useCaptureImport(batchId);
  const history = useCaptureImports();
  const contests = events.find((e) => e.id === eventId)?.contests ?? [];

  useEffect(() => {
    const first = events[0];
    if (first && eventId === null) {
      setEventId(first.id);
      setContestId(first.contests[0]?.id ?? null);
    }
  }, [events, eventId]);

  const send = () => {
    if (!file) return;
    setPercent(0);
    start.mutate({ file, options: { mode, electionEventId: eventId, electionContestId: contestId }, onProgress: setPercent }, { onSuccess: (b) => setBatchId(b.id) });
  };
  const b = batch.data;

  return (
    <Stack gap="md" maw={960}>
      {can('monitoring.read') ? <Anchor component={Link} to="/pengawasan" size="sm"><IconArrowLeft size={14} /> {t('monitoring.backToQueue')}</Anchor> : null}
      <div>
        <Title order={2}>{t('monitoring.import.title')}</Title>
        <Text size="sm" c="dimmed">{t('monitoring.import.intro')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Text size="sm">{t('monitoring.import.columns')}</Text>
          <Code block>platform,url,handle,display_name,text,posted_at,act_kind,employee_nip</Code>
          <Text size="xs" c="dimmed">{t('monitoring.import.columnsHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('monitoring.form.election')} clearable data={events.map((e) => ({ value: e.id, label: e.name }))} value={eventId} onChange={(v) => { setEventId(v); setContestId(events.find((e) => e.id === v)?.contests[0]?.id ?? null); }} comboboxProps={{ withinPortal: true }} />
            <Select label={t('monitoring.form.contest')} clearable disabled={contests.length === 0} data={contests.map((c) => ({ value: c.id, label: c.name }))} value={contestId} onChange={setContestId} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <Radio.Group label={t('monitoring.import.mode.label')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
            <Stack gap={6} mt={4}>
              <Radio value="skip_invalid" label={t('monitoring.import.mode.skip_invalid')} />
              <Radio value="all_or_nothing" label={t('monitoring.import.mode.all_or_nothing')} />
            </Stack>
          </Radio.Group>
          <Group gap="xs">
            <FileButton accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson" onChange={setFile}>
              {(props) => <Button {...props} variant="light" leftSection={<IconFileUpload size={16} />}>{t('monitoring.import.choose')}</Button>}
            </FileButton>
            {file ? <Text size="sm">{file.name} · {formatNumber(Math.ceil(file.size / 1024))} KB</Text> : null}
          </Group>
          {start.isPending ? <Progress value={percent} animated /> : null}
          <ErrorAlert error={start.error} />
          <Button onClick={send} disabled={!file} loading={start.isPending} data-testid="import-start">{t('monitoring.import.start')}</Button>
        </Stack>
      </Card>

      {b ? <BatchView b={b} /> : null}

      <Card withBorder radius="md" p="md">
        <Stack gap="xs">
          <Title order={3} size="h4">{t('monitoring.import.history')}</Title>
          {(history.data?.items ?? []).length === 0 ? <Text size="sm" c="dimmed">{t('monitoring.import.noHistory')}</Text> : null}
          {(history.data?.items ?? []).map((h) => (
            <Group key={h.id} justify="space-between" gap="xs">
              <Anchor size="sm" onClick={() => setBatchId(h.id)}>{h.fileName}</Anchor>
              <Group gap={6}>
                <Text size="xs" c="dimmed">{formatDateTime(h.createdAt)} · {t('monitoring.import.rows', { total: h.totalRows, imported: h.importedRows, errors: h.errorRows })}</Text>
                <Badge size="sm" color={STATUS_COLORS[h.status]} variant="light">{t(`monitoring.import.status.${h.status}`)}</Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

function BatchView({ b }: { b: CaptureImportViewT }) {
  const { t } = useTranslation();
  const running = b.status === 'queued' || b.status === 'running';
  return (
    <Card withBorder radius="md" p="md" data-testid="import-batch">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">{b.fileName}</Title>
          <Badge color={STATUS_COLORS[b.status]} variant="light" data-testid="import-status">{t(`monitoring.import.status.${b.status}`)}</Badge>
        </Group>
        <Progress value={b.progress} animated={running} />
        <Text size="sm">{t('monitoring.import.rows', { total: b.totalRows, imported: b.importedRows, errors: b.errorRows })}</Text>
        {b.failureMessage ? <Alert color={b.status === 'failed' ? 'red' : 'orange'} variant="light">{b.failureMessage}</Alert> : null}
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>SHA-256 {b.fileSha256}</Text>
        {b.issues.length > 0 ? (
          <>
            <Title order={4} size="h5">{t('monitoring.import.issues')}</Title>
            {b.issuesTruncated ? <Text size="xs" c="dimmed">{t('monitoring.import.truncated')}</Text> : null}
            <Table.ScrollContainer minWidth={420}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr><Table.Th>{t('monitoring.import.row')}</Table.Th><Table.Th>{t('monitoring.import.column')}</Table.Th><Table.Th>{t('monitoring.import.message')}</Table.Th></Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.issues.map((i, k) => (
                    <Table.Tr key={k} data-testid="import-issue"><Table.Td>{i.row}</Table.Td><Table.Td>{i.column ?? '—'}</Table.Td><Table.Td>{i.message}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
