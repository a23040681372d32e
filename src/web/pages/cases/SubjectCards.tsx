import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Collapse, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAddCaseSubject, type CaseDetailT, type CaseSubjectT } from '../../api/cases';
import { useAuth } from '../../components/auth';
import { formatDate } from '../../components/format';
import { useEnumLabel } from '../../components/labels';
import { notifySuccess } from '../../components/notify';
import { CaseErrorAlert } from './caseUi';
import { SubjectsEditor, type SubjectDraft } from './SubjectsEditor';

const plain = { whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const };
const ROMAN = ['', 'I', 'II'];
/** Subjects may be added while the facts are still being established (the server has the last word). */
const ADD_SUBJECT_STATES = ['registered', 'verification', 'clarification'];

export function SubjectCards({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">{t('cases.subjects.title')}</Title>
      {detail.subjects.length === 0 ? <Text size="sm" c="dimmed">{t('cases.subjects.none')}</Text> : null}
      {detail.subjects.map((s) => <SubjectCard key={s.id} s={s} />)}
      {can('case.handle') && ADD_SUBJECT_STATES.includes(detail.state) ? <AddSubject detail={detail} onReload={onReload} /> : null}
    </Stack>
  );
}

function Row({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div style={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div" style={plain}>{children}</Text>
    </div>
  );
}

function SubjectCard({ s }: { s: CaseSubjectT }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const trackColor = s.track === 'desa' ? 'orange' : s.track === 'non_asn' ? 'grape' : 'blue';
  const item = s.itemCode ?? s.proposedItemCode;
  return (
    <Card withBorder radius="md" p="md" data-testid="subject-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={700}>{s.name}</Text>
            <Text size="xs" c="dimmed" style={plain}>
              {[s.idNumber, s.position, s.unitName, s.category ? label('category', s.category) : null].filter(Boolean).join(' · ') || '—'}
            </Text>
          </div>
          <Badge color={trackColor} variant="light">{t(`cases.track.${s.track}`)}</Badge>
        </Group>
        {s.earlierCases.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('cases.subjects.repeat')} p="xs" data-testid="repeat-offender">
            <List size="sm">
              {s.earlierCases.map((c) => (
                <List.Item key={c.id}>
                  <Anchor component={Link} to={`/kasus/${c.id}`} size="sm" ff="monospace">{c.number}</Anchor>{' '}
                  — {c.closeReason ? t(`cases.closeReason.${c.closeReason}`) : t(`cases.state.${c.state}`)}
                  {c.sanction ? ` · ${t(`cases.sanction.${c.sanction}`, { defaultValue: c.sanction })}` : ''}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {s.track === 'desa' ? <Text size="sm" c="dimmed">{t('cases.subjects.desaHint')}</Text> : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" display={s.track === 'desa' ? 'none' : undefined}>
          <Row label={t('cases.subjects.item')}>
            {s.itemCode ? <>{s.itemCode}{s.tier ? ` · ${t(`cases.tier.${s.tier}`)}` : ''}</> : null}
            {!s.itemCode && s.proposedItemCode ? <Text span size="sm" c="dimmed">{t('cases.subjects.proposed', { code: s.proposedItemCode })}</Text> : null}
            {!item ? '—' : null}
            {s.overrideReason ? <Text size="xs" c="dimmed">{t('cases.subjects.override')}: {s.overrideReason}</Text> : null}
          </Row>
          <Row label={t('cases.subjects.finding')}>
            {s.finding ? (
              <>
                <Badge size="sm" color={s.finding === 'proven' ? 'red' : 'teal'} variant="light">{t(s.finding === 'proven' ? 'cases.subjects.proven' : 'cases.subjects.notProven')}</Badge>
                {s.findingReason ? <Text size="xs" c="dimmed" lineClamp={4}>{s.findingReason}</Text> : null}
              </>
            ) : '—'}
          </Row>
          <Row label={t('cases.subjects.recommended')}>{s.recommendedTier ? t(`cases.tier.${s.recommendedTier}`) : '—'}</Row>
          <Row label={t('cases.subjects.sanction')}>
            {s.skNumber ? (
              <>
                {s.sanction ? t(`cases.sanction.${s.sanction}`, { defaultValue: s.sanction }) : t('cases.subjects.noSanction')}
                <Text size="xs" c="dimmed">{t('cases.subjects.sk', { number: s.skNumber, date: formatDate(s.skDate) })}</Text>
              </>
            ) : '—'}
          </Row>
          {s.followUp ? (
            <Row label={t('cases.subjects.followUp')}>
              {t('cases.subjects.executed', { date: formatDate(s.followUp.executedOn) })} — {s.followUp.note}
              {s.followUp.idisRecordedOn ? <Text size="xs" c="dimmed">{t('cases.subjects.idis', { date: formatDate(s.followUp.idisRecordedOn) })}</Text> : null}
            </Row>
          ) : null}
          {s.progress.summonses.length > 0 || s.progress.clarified || s.progress.bapRecorded ? (
            <Row label={t('cases.subjects.summons')} wide>
              {s.progress.summonses.map((x, i) => (
                <Text key={i} size="sm">
                  {t('cases.subjects.summonsLine', { no: ROMAN[x.summonsNo] ?? x.summonsNo, date: formatDate(x.appearOn) })}
                  {x.attended === false ? <Text span c="red" size="sm"> — {t('cases.subjects.absent')}</Text> : null}
                </Text>
              ))}
              <Group gap={6}>
                {s.progress.clarified ? <Badge size="xs" color="teal" variant="light" leftSection={<IconCheck size={10} />}>{t('cases.subjects.clarified')}</Badge> : null}
                {s.progress.bapRecorded ? <Badge size="xs" color="teal" variant="light" leftSection={<IconCheck size={10} />}>{t('cases.subjects.bap')}</Badge> : null}
              </Group>
            </Row>
          ) : null}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function AddSubject({ detail, onReload }: { detail: CaseDetailT; onReload: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<SubjectDraft[]>([]);
  const add = useAddCaseSubject(detail.id, detail.version);
  const draft = drafts[0];
  return (
    <div>
      <Button variant="light" size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('cases.subjects.addToCase')}
      </Button>
      <Collapse expanded={open}>
        <Card withBorder radius="md" p="sm" mt="xs">
          <Stack gap="xs">
            <SubjectsEditor value={drafts} onChange={setDrafts} single />
            <CaseErrorAlert error={add.error} onReload={() => { add.reset(); onReload(); }} />
            <Button size="xs" disabled={!draft} loading={add.isPending} style={{ alignSelf: 'flex-start' }}
              onClick={() => draft && add.mutate(draft.input, { onSuccess: () => { setDrafts([]); setOpen(false); notifySuccess(t('cases.subjects.added')); } })}>
              {t('cases.subjects.add')}
            </Button>
          </Stack>
        </Card>
      </Collapse>
    </div>
  );
}
