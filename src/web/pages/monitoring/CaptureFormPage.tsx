/**
 * /pengawasan/tangkap: capture a post on a phone. One column at 360 px; the employee is suggested from
 * the register of declared accounts (or the display name) and only counts once the capturer confirms.
 */
import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Button, Card, Checkbox, FileButton, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconCamera, IconInfoCircle, IconPaperclip, IconX } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAPTURE_ACT_KINDS, MAX_CAPTURE_TEXT, PLATFORMS, type CaptureActKind, type Platform } from '../../../shared/contracts/monitoring.contract.js';
import { useElections } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import { useCreateCapture, useEmployeeSuggestions, type CaptureDetailT } from '../../api/monitoring';
import { useAuth } from '../../components/auth';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { EVIDENCE_ACCEPT, megabytes } from '../report/reportForm';
import { FindingBadges, HighlightedText, ScoreBadge, SignalBadges } from './CaptureParts';

/** "2026-11-24T09:15" in the browser's zone, for a datetime-local input. */
function localNow(): string {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface Draft {
  eventId: string | null;
  contestId: string | null;
  platform: Platform;
  url: string;
  handle: string;
  name: string;
  employeeId: string | null;
  employeeLabel: string | null;
  confirmed: boolean;
  text: string;
  actKind: CaptureActKind;
  postedAt: string;
}

export default function CaptureFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const elections = useElections();
  const create = useCreateCapture();
  const [files, setFiles] = useState<File[]>([]);
  const [percent, setPercent] = useState(0);
  const [result, setResult] = useState<CaptureDetailT | null>(null);
  const [d, setD] = useState<Draft>({ eventId: null, contestId: null, platform: 'facebook', url: '', handle: '', name: '', employeeId: null, employeeLabel: null, confirmed: false, text: '', actKind: 'post', postedAt: localNow() });
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }));
  const events = elections.data?.items ?? [];
  const contests = events.find((e) => e.id === d.eventId)?.contests ?? [];
  const suggestions = useEmployeeSuggestions(d.platform, d.handle, d.name);
  const errors = fieldErrors(create.error);

  // The latest election (and its first contest) is the one being watched, unless the user picks another.
  useEffect(() => {
    const first = events[0];
    if (first && d.eventId === null) set({ eventId: first.id, contestId: first.contests[0]?.id ?? null });
  }, [events, d.eventId]);

  const chooseEmployee = (id: string | null, label: string | null) => set({ employeeId: id, employeeLabel: label, confirmed: false });

  const submit = () => {
    setPercent(0);
    create.mutate(
      {
        body: {
          platform: d.platform,
          url: d.url.trim(),
          accountHandle: d.handle.trim(),
          accountName: d.name.trim() || null,
          employeeId: d.employeeId,
          employeeConfirmed: Boolean(d.employeeId) && d.confirmed,
          text: d.text,
          actKind: d.actKind,
          postedAt: d.postedAt ? new Date(d.postedAt).toISOString() : '',
          electionEventId: d.eventId,
          electionContestId: d.contestId,
        },
        files,
        onProgress: setPercent,
      },
      {
        onSuccess: (detail) => {
          notifySuccess(t('monitoring.form.done', { score: detail.score.toFixed(1) }));
          if (can('monitoring.read')) void navigate(`/pengawasan/${detail.id}`);
          else setResult(detail);
        },
      },
    );
  };

  if (result) {
    return (
      <Stack gap="md" maw={720}>
        <Title order={2}>{t('monitoring.form.result')}</Title>
        <Card withBorder radius="md" p="md" data-testid="capture-result">
          <Stack gap="xs">
            <Group gap="xs"><ScoreBadge score={result.score} /><FindingBadges item={result} /></Group>
            <SignalBadges signals={result.signals} />
            <HighlightedText text={result.text} reasons={result.reasons} />
            <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>SHA-256 {result.textSha256}</Text>
          </Stack>
        </Card>
        <Button onClick={() => { setResult(null); setFiles([]); set({ url: '', text: '', handle: '', name: '', employeeId: null, employeeLabel: null, confirmed: false, postedAt: localNow() }); create.reset(); }}>{t('monitoring.form.again')}</Button>
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={720}>
      {can('monitoring.read') ? <Anchor component={Link} to="/pengawasan" size="sm"><IconArrowLeft size={14} /> {t('monitoring.backToQueue')}</Anchor> : null}
      <div>
        <Title order={2}>{t('monitoring.form.title')}</Title>
        <Text size="sm" c="dimmed">{t('monitoring.form.intro')}</Text>
      </div>
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>{t('monitoring.form.legal')}</Alert>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('monitoring.form.election')} clearable data={events.map((e) => ({ value: e.id, label: e.name }))} value={d.eventId} onChange={(v) => set({ eventId: v, contestId: events.find((e) => e.id === v)?.contests[0]?.id ?? null })} error={errors.electionEventId} comboboxProps={{ withinPortal: true }} />
            <Select label={t('monitoring.form.contest')} clearable disabled={contests.length === 0} data={contests.map((c) => ({ value: c.id, label: c.name }))} value={d.contestId} onChange={(v) => set({ contestId: v })} error={errors.electionContestId} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('monitoring.form.platform')} required data={PLATFORMS.map((p) => ({ value: p, label: t(`monitoring.platform.${p}`) }))} value={d.platform} onChange={(v) => v && set({ platform: v as Platform })} allowDeselect={false} error={errors.platform} comboboxProps={{ withinPortal: true }} data-testid="capture-platform" />
            <Select label={t('monitoring.form.actKind')} required data={CAPTURE_ACT_KINDS.map((k) => ({ value: k, label: t(`monitoring.actKind.${k}`) }))} value={d.actKind} onChange={(v) => v && set({ actKind: v as CaptureActKind })} allowDeselect={false} error={errors.actKind} comboboxProps={{ withinPortal: true }} data-testid="capture-act" />
          </SimpleGrid>
          <TextInput label={t('monitoring.form.url')} description={t('monitoring.form.urlHint')} required type="url" inputMode="url" value={d.url} onChange={(e) => set({ url: e.currentTarget.value })} error={errors.url} maxLength={2000} data-testid="capture-url" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('monitoring.form.handle')} required value={d.handle} onChange={(e) => set({ handle: e.currentTarget.value })} error={errors.accountHandle} maxLength={101} autoCapitalize="none" data-testid="capture-handle" />
            <TextInput label={t('monitoring.form.name')} value={d.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.accountName} maxLength={200} data-testid="capture-name" />
          </SimpleGrid>
          <TextInput type="datetime-local" label={t('monitoring.form.postedAt')} description={t('monitoring.form.postedHint')} required value={d.postedAt} max={localNow()} onChange={(e) => set({ postedAt: e.currentTarget.value })} error={errors.postedAt} data-testid="capture-posted" />
          <Textarea label={t('monitoring.form.text')} description={t('monitoring.form.textHint')} required autosize minRows={4} maxRows={14} value={d.text} onChange={(e) => set({ text: e.currentTarget.value })} error={errors.text} maxLength={MAX_CAPTURE_TEXT} data-testid="capture-text-input" />
        </Stack>
      </Card>

      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('monitoring.form.employee')}</Title>
          <Text size="xs" c="dimmed">{t('monitoring.form.employeeHint')}</Text>
          {(suggestions.data?.items ?? []).length > 0 ? (
            <Stack gap={6} data-testid="employee-suggestions">
              <Text size="sm" fw={500}>{t('monitoring.form.suggestions')}</Text>
              {suggestions.data!.items.map((s) => (
                <Paper key={s.employee.id} withBorder p="xs" radius="sm">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} truncate>{s.employee.name}</Text>
                      <Text size="xs" c="dimmed" truncate>{s.employee.idNumber} · {s.employee.unitName ?? '—'}</Text>
                      <Text size="xs" c={s.matchedBy === 'declared_account' ? 'teal' : 'dimmed'}>{t(`monitoring.form.matchedBy.${s.matchedBy}`)}</Text>
                    </div>
                    <Button size="xs" variant={d.employeeId === s.employee.id ? 'filled' : 'light'} onClick={() => chooseEmployee(s.employee.id, `${s.employee.name} (${s.employee.idNumber})`)} data-testid="suggestion-choose">
                      {d.employeeId === s.employee.id ? t('monitoring.form.chosen') : t('monitoring.form.choose')}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : null}
          <EmployeePicker label={t('monitoring.form.employeeSearch')} value={d.employeeId} initialLabel={d.employeeLabel} onChange={(v) => chooseEmployee(v, null)} />
          {d.employeeId ? (
            <Checkbox label={t('monitoring.form.confirm')} description={t('monitoring.form.confirmHint')} checked={d.confirmed} onChange={(e) => set({ confirmed: e.currentTarget.checked })} data-testid="capture-confirm" />
          ) : null}
        </Stack>
      </Card>

      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('monitoring.form.files')}</Title>
          <Text size="xs" c="dimmed">{t('monitoring.form.filesHint')}</Text>
          <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={(picked) => setFiles((prev) => [...prev, ...picked].slice(0, 10))}>
            {(props) => <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />}>{t('monitoring.form.addFiles')}</Button>}
          </FileButton>
          {files.map((f, i) => (
            <Group key={`${f.name}-${i}`} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" truncate>{f.name} · {megabytes(f.size)}</Text>
              <ActionIcon variant="subtle" color="gray" aria-label={t('monitoring.form.removeFile')} onClick={() => setFiles((prev) => prev.filter((_, j) => j !== i))}><IconX size={14} /></ActionIcon>
            </Group>
          ))}
        </Stack>
      </Card>

      <ErrorAlert error={create.error} />
      {create.isPending && files.length ? <Progress value={percent} animated /> : null}
      <Button size="md" leftSection={<IconCamera size={18} />} loading={create.isPending} onClick={submit} disabled={!d.url.trim() || !d.handle.trim() || !d.text.trim() || !d.postedAt} data-testid="capture-submit">
        {t('monitoring.form.submit')}
      </Button>
    </Stack>
  );
}
