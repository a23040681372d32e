import { useState } from 'react';
import { Badge, Box, Button, Card, Group, Modal, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCorrectEvent, type CaseDetailT, type CaseEventT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { CaseErrorAlert, STATE_COLORS } from './caseUi';
import { CORRECTABLE_FIELDS, correctedLines, describeEvent, eventTitle, fieldLabel } from './eventText';

const plain = { whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const };
/**
 * Events not offered for correction: state transitions (the server refuses them), the system's own, and
 * bookkeeping whose effect a withdrawal would not undo (assignment, added subjects, evidence, reports).
 */
const NOT_CORRECTABLE = new Set(['correction', 'withdrawal', 'escalated', 'created', 'assign', 'subject_added', 'evidence_added', 'report_attached', 'merged_from']);
/** Long histories show the newest entries first and the rest on request (phones). */
const FIRST_SHOWN = 10;

/** The case history, newest first; corrections and withdrawals sit under the entry they concern. */
export function CaseTimeline({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const { can, session } = useAuth();
  const tz = session?.tenant?.timezone;
  const [target, setTarget] = useState<{ event: CaseEventT; kind: 'correction' | 'withdrawal' } | null>(null);
  const [showAll, setShowAll] = useState(false);
  const children = new Map<number, CaseEventT[]>();
  for (const e of detail.events) if (e.correctsSeq) children.set(e.correctsSeq, [...(children.get(e.correctsSeq) ?? []), e]);
  const top = detail.events.filter((e) => !e.correctsSeq).sort((a, b) => b.seq - a.seq);
  const mayCorrect = can('case.handle');
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('cases.timeline.title')}</Title>
        {top.length === 0 ? <Text size="sm" c="dimmed">{t('cases.timeline.empty')}</Text> : null}
        <Timeline bulletSize={18} lineWidth={2} active={-1}>
          {(showAll ? top : top.slice(0, FIRST_SHOWN)).map((e) => {
            const fixes = children.get(e.seq) ?? [];
            const withdrawn = fixes.some((f) => f.kind === 'withdrawal');
            const lines = describeEvent(t, e, detail).filter(([, v]) => v !== e.reason);
            const correctable = mayCorrect && !e.toState && !NOT_CORRECTABLE.has(e.kind) && !withdrawn;
            return (
              <Timeline.Item key={e.seq} data-testid="case-event"
                bullet={<Box w={8} h={8} style={{ borderRadius: 8, background: `var(--mantine-color-${e.toState ? STATE_COLORS[e.toState] : 'gray'}-6)` }} />}
                title={
                  <Group gap={6} wrap="wrap">
                    <Text fw={600} size="sm" td={withdrawn ? 'line-through' : undefined}>{eventTitle(t, e.kind)}</Text>
                    {withdrawn ? <Badge size="xs" color="red" variant="light">{t('cases.timeline.withdrawn')}</Badge> : null}
                    {!withdrawn && fixes.length ? <Badge size="xs" color="orange" variant="light">{t('cases.timeline.corrected')}</Badge> : null}
                  </Group>
                }>
                <Text size="xs" c="dimmed">#{e.seq} · {e.actor} · {formatDateTime(e.at, tz)}</Text>
                {e.toState && e.fromState ? (
                  <Text size="xs">{t('cases.timeline.stateChange', { from: t(`cases.state.${e.fromState}`), to: t(`cases.state.${e.toState}`) })}</Text>
                ) : null}
                <Box opacity={withdrawn ? 0.6 : 1}>
                  {e.reason ? <Text size="sm" style={plain}>{e.reason}</Text> : null}
                  {lines.map(([label, value], i) => (
                    <Text key={i} size="sm" style={plain} lineClamp={label === fieldLabel(t, 'statement') ? 6 : undefined}>
                      <Text span size="xs" c="dimmed">{label}: </Text>{value}
                    </Text>
                  ))}
                </Box>
                {fixes.map((f) => (
                  <Box key={f.seq} mt={6} pl="sm" style={{ borderLeft: `3px solid var(--mantine-color-${f.kind === 'withdrawal' ? 'red' : 'orange'}-4)` }} data-testid="case-correction">
                    <Text size="xs" fw={600}>{eventTitle(t, f.kind)} #{f.seq} · {f.actor} · {formatDateTime(f.at, tz)}</Text>
                    {f.reason ? <Text size="sm" style={plain}><Text span size="xs" c="dimmed">{t('cases.timeline.reason')}: </Text>{f.reason}</Text> : null}
                    {correctedLines(t, f).map(([label, value], i) => (
                      <Text key={i} size="sm" style={plain}><Text span size="xs" c="dimmed">{label}: </Text>{value}</Text>
                    ))}
                  </Box>
                ))}
                {correctable ? (
                  <Group gap={4} mt={4}>
                    <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setTarget({ event: e, kind: 'correction' })}>{t('cases.timeline.correct')}</Button>
                    <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconArrowBackUp size={12} />} onClick={() => setTarget({ event: e, kind: 'withdrawal' })}>{t('cases.timeline.withdraw')}</Button>
                  </Group>
                ) : null}
              </Timeline.Item>
            );
          })}
        </Timeline>
        {!showAll && top.length > FIRST_SHOWN ? (
          <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShowAll(true)}>
            {t('cases.timeline.showAll', { count: top.length })}
          </Button>
        ) : null}
      </Stack>
      {target ? <CorrectionModal detail={detail} target={target} onClose={() => setTarget(null)} onReload={onReload} /> : null}
    </Card>
  );
}

function CorrectionModal({ detail, target, onClose, onReload }: { detail: CaseDetailT; target: { event: CaseEventT; kind: 'correction' | 'withdrawal' }; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const correct = useCorrectEvent(detail.id, detail.version);
  const { event, kind } = target;
  const original = Object.fromEntries(
    CORRECTABLE_FIELDS.filter((k) => typeof event.data[k] === 'string' || typeof event.data[k] === 'number').map((k) => [k, String(event.data[k])]),
  );
  const [values, setValues] = useState<Record<string, string>>(original);
  const [explanation, setExplanation] = useState('');
  const [reason, setReason] = useState('');
  const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => v.trim() && v !== original[k]).map(([k, v]) => [k, v.trim()]));
  if (explanation.trim()) changed.keterangan = explanation.trim();
  const valid = reason.trim().length > 0 && (kind === 'withdrawal' || Object.keys(changed).length > 0);
  const submit = () =>
    correct.mutate({ correctsSeq: event.seq, kind, reason: reason.trim(), corrected: kind === 'correction' ? changed : {} }, {
      onSuccess: () => { notifySuccess(t('common.saved')); onClose(); },
    });
  return (
    <Modal opened onClose={onClose} fullScreen={isPhone} size="lg"
      title={t(kind === 'correction' ? 'cases.timeline.correctionTitle' : 'cases.timeline.withdrawalTitle', { seq: event.seq })}>
      <form onSubmit={(e) => { e.preventDefault(); if (valid) submit(); }}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>{eventTitle(t, event.kind)}</Text>
          <Text size="xs" c="dimmed">{t(kind === 'correction' ? 'cases.timeline.correctionHint' : 'cases.timeline.withdrawalHint')}</Text>
          {kind === 'correction' ? (
            <>
              {Object.keys(original).map((k) => {
                const long = ['body', 'message', 'note', 'statement', 'refusalNote', 'description'].includes(k);
                const Field = long ? Textarea : TextInput;
                return (
                  <Field key={k} label={fieldLabel(t, k)} value={values[k] ?? ''} {...(/^\d{4}-\d{2}-\d{2}$/.test(original[k] ?? '') ? { type: 'date' } : {})} onChange={(e: React.ChangeEvent<HTMLInputElement & HTMLTextAreaElement>) => {
                      const value = e.currentTarget.value;
                      setValues((v) => ({ ...v, [k]: value }));
                    }}
                    {...(long ? { autosize: true, minRows: 2 } : {})} maxLength={10_000} />
                );
              })}
              <Textarea label={fieldLabel(t, 'keterangan')} autosize minRows={2} maxLength={10_000} value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} />
            </>
          ) : null}
          <Textarea label={t('cases.timeline.reason')} required autosize minRows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          {kind === 'correction' && reason.trim() && Object.keys(changed).length === 0 ? <Text size="xs" c="dimmed">{t('cases.timeline.unchanged')}</Text> : null}
          <CaseErrorAlert error={correct.error} onReload={() => { correct.reset(); onReload(); }} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>{t('cases.actions.cancel')}</Button>
            <Button type="submit" color={kind === 'withdrawal' ? 'red' : undefined} disabled={!valid} loading={correct.isPending}>
              {t(kind === 'correction' ? 'cases.timeline.correct' : 'cases.timeline.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
