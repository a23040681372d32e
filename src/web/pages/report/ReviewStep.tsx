import { Alert, Anchor, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { draftWarnings, megabytes, type ReportDraft } from './reportForm';

export type SubmitPhase = 'idle' | 'solving' | 'uploading';

interface Props {
  draft: ReportDraft;
  goTo: (step: number) => void;
  phase: SubmitPhase;
  percent: number;
  error: unknown;
  onSubmit: () => void;
  /** Internal form: no proof of work. */
  internal?: boolean;
}

/** Step 5: what will be sent, the non-blocking warnings, the proof of work and the submit. */
export function ReviewStep({ draft, goTo, phase, percent, error, onSubmit, internal }: Props) {
  const { t } = useTranslation();
  const warnings = draftWarnings(draft);
  const r = draft.reported;
  const rows: [string, string, number][] = [
    [t('reports.review.identity'), draft.identityMode ? t(`reports.identityMode.${draft.identityMode}`) : '—', 0],
    [t('reports.review.reported'), [r.name, r.position, r.agency, r.idNumber].filter((s) => s.trim()).join(' · ') || '—', 1],
    [t('reports.review.act'), draft.actKind ? (draft.actKind === 'lainnya' ? draft.actKindOther || t('reports.actKind.lainnya') : t(`reports.actKind.${draft.actKind}`)) : '—', 2],
    [t('reports.review.when'), draft.actDate ? formatDate(draft.actDate) : '—', 2],
    [t('reports.review.discovered'), draft.discoveredOn ? formatDate(draft.discoveredOn) : '—', 2],
    [t('reports.review.place'), draft.place || '—', 2],
    [t('reports.review.description'), draft.description, 2],
    [t('reports.review.links'), draft.links.filter(Boolean).join('\n') || '—', 2],
    [t('reports.review.files'), draft.files.map((f) => `${f.name} (${megabytes(f.size)})`).join('\n') || '—', 3],
  ];
  const busy = phase !== 'idle';
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('reports.review.title')}</Title>
      {warnings.length > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('reports.review.warningsTitle')} data-testid="review-warnings">
          <List size="sm" spacing={4}>
            {warnings.map((code) => <List.Item key={code}>{t(`reports.warnings.${code}`)}</List.Item>)}
          </List>
        </Alert>
      ) : null}
      <Stack gap="xs" component="dl" m={0}>
        {rows.map(([label, value, step]) => (
          <div key={label}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text component="dt" size="sm" fw={600}>{label}</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => goTo(step)} disabled={busy}>{t('reports.review.edit')}</Anchor>
            </Group>
            <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Text>
          </div>
        ))}
      </Stack>
      {!internal ? <Text size="xs" c="dimmed">{t('reports.review.powNote')}</Text> : null}
      <ErrorAlert error={error} />
      {phase === 'solving' ? <Text size="sm" role="status">{t('reports.review.solving')}</Text> : null}
      {phase === 'uploading' ? (
        <Stack gap={4} role="status">
          <Text size="sm">{t('reports.review.uploading', { percent })}</Text>
          <Progress value={percent} size="lg" aria-label={t('reports.review.uploading', { percent })} />
        </Stack>
      ) : null}
      <Button size="lg" fullWidth leftSection={<IconSend size={20} />} onClick={onSubmit} loading={busy}>
        {t('reports.review.submit')}
      </Button>
    </Stack>
  );
}
