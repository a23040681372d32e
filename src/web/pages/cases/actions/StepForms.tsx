/** Forms for clarification and examination: summonses, statements, absences, the Tim Pemeriksa and the BAP. */
import { useState } from 'react';
import { ActionIcon, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../report/reportForm';
import { filled, FormFooter, handledSubjects, opt, SubjectSelect, submitWith, type ActionFormProps } from './formKit';

const TIME = /^\d{2}[.:]\d{2}$/;

function SummonsNoInput({ value, onChange }: { value: 1 | 2; onChange: (v: 1 | 2) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{t('cases.actions.summonsNo')}</Text>
      <SegmentedControl value={String(value)} onChange={(v) => onChange(v === '2' ? 2 : 1)}
        data={[{ value: '1', label: t('cases.actions.summonsI') }, { value: '2', label: t('cases.actions.summonsII') }]} />
    </div>
  );
}

/** The next summons of a subject: II when a first one was ignored. */
const nextSummons = (summonses: { summonsNo: number; attended: boolean | null }[]): 1 | 2 =>
  summonses.some((x) => x.summonsNo === 1 && x.attended === false) && !summonses.some((x) => x.summonsNo === 2) ? 2 : 1;

export function SummonForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail);
  const [subjectId, setSubjectId] = useState<string | null>(subjects.length === 1 ? subjects[0]!.id : null);
  const subject = subjects.find((s) => s.id === subjectId);
  const [no, setNo] = useState<1 | 2>(subject ? nextSummons(subject.progress.summonses) : 1);
  const [appearOn, setAppearOn] = useState('');
  const [appearTime, setAppearTime] = useState('09.00');
  const [place, setPlace] = useState('');
  const valid = Boolean(subjectId) && Boolean(appearOn) && TIME.test(appearTime) && filled(place);
  return (
    <form onSubmit={submitWith(valid, () => subjectId && onSubmit({ action: 'summon', subjectId, summonsNo: no, appearOn, appearTime, place: place.trim() }))}>
      <Stack gap="sm">
        <SubjectSelect subjects={subjects} value={subjectId} onChange={(id) => {
          setSubjectId(id);
          const s = subjects.find((x) => x.id === id);
          if (s) setNo(nextSummons(s.progress.summonses));
        }} />
        <SummonsNoInput value={no} onChange={setNo} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('cases.actions.appearOn')} required value={appearOn} onChange={(e) => setAppearOn(e.currentTarget.value)} />
          <TextInput label={t('cases.actions.appearTime')} description={t('cases.actions.appearTimeHint')} required value={appearTime}
            onChange={(e) => setAppearTime(e.currentTarget.value)} error={appearTime && !TIME.test(appearTime) ? t('cases.actions.appearTimeHint') : undefined} maxLength={5} />
        </SimpleGrid>
        <TextInput label={t('cases.actions.place')} required maxLength={300} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function ClarificationForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail);
  const [subjectId, setSubjectId] = useState<string | null>(subjects.length === 1 ? subjects[0]!.id : null);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [statement, setStatement] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const valid = Boolean(subjectId) && Boolean(heldOn) && filled(statement);
  return (
    <form onSubmit={submitWith(valid, () => subjectId && onSubmit({ action: 'record_clarification', subjectId, heldOn, statement: statement.trim(), attendees: attendees.map((a) => a.trim()).filter(Boolean) }))}>
      <Stack gap="sm">
        <SubjectSelect subjects={subjects} value={subjectId} onChange={setSubjectId} />
        <TextInput type="date" label={t('cases.actions.heldOn')} required max={todayIso()} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} />
        <Textarea label={t('cases.actions.statement')} required autosize minRows={5} maxLength={20_000} value={statement} onChange={(e) => setStatement(e.currentTarget.value)} />
        <TagsInput label={t('cases.actions.attendees')} description={t('cases.actions.attendeesHint')} value={attendees} onChange={setAttendees} maxTags={20} clearable />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function AbsenceForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  // Only subjects who have been summoned can be absent.
  const subjects = handledSubjects(detail).filter((s) => s.progress.summonses.length > 0);
  const [subjectId, setSubjectId] = useState<string | null>(subjects.length === 1 ? subjects[0]!.id : null);
  const last = (id: string | null): 1 | 2 => {
    const s = subjects.find((x) => x.id === id);
    return s?.progress.summonses.some((x) => x.summonsNo === 2) ? 2 : 1;
  };
  const [no, setNo] = useState<1 | 2>(last(subjectId));
  const [note, setNote] = useState('');
  if (subjects.length === 0) return <Text size="sm" c="dimmed">{t('cases.actions.noSubjects')}</Text>;
  const valid = Boolean(subjectId);
  return (
    <form onSubmit={submitWith(valid, () => subjectId && onSubmit({ action: 'record_absence', subjectId, summonsNo: no, note: opt(note) }))}>
      <Stack gap="sm">
        <SubjectSelect subjects={subjects} value={subjectId} onChange={(id) => { setSubjectId(id); setNo(last(id)); }} />
        <SummonsNoInput value={no} onChange={setNo} />
        <Textarea label={t('cases.actions.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

const TEAM_ROLES = ['atasan_langsung', 'pengawasan', 'kepegawaian'] as const;
type TeamRole = (typeof TEAM_ROLES)[number];
interface Member { name: string; title: string; role: TeamRole | null }

export function TeamForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const initial: Member[] = detail.examinationTeam.length > 0
    ? detail.examinationTeam.map((m) => ({ name: m.name, title: m.title, role: (TEAM_ROLES as readonly string[]).includes(m.role) ? (m.role as TeamRole) : null }))
    : TEAM_ROLES.map((role) => ({ name: '', title: '', role }));
  const [members, setMembers] = useState<Member[]>(initial);
  const patch = (i: number, p: Partial<Member>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...p } : m)));
  const valid = members.length >= 3 && members.every((m) => filled(m.name, m.title) && m.role) && TEAM_ROLES.every((r) => members.some((m) => m.role === r));
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({ action: 'form_examination_team', members: members.map((m) => ({ name: m.name.trim(), title: m.title.trim(), role: m.role! })) }))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('cases.actions.teamHint')}</Text>
        {members.map((m, i) => (
          <Card key={i} withBorder p="xs" radius="md">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput label={t('cases.actions.memberName')} required maxLength={200} value={m.name} onChange={(e) => patch(i, { name: e.currentTarget.value })} />
                <TextInput label={t('cases.actions.memberTitle')} required maxLength={200} value={m.title} onChange={(e) => patch(i, { title: e.currentTarget.value })} />
                <Select label={t('cases.actions.memberRole')} required data={TEAM_ROLES.map((r) => ({ value: r, label: t(`cases.teamRole.${r}`) }))} value={m.role}
                  onChange={(v) => patch(i, { role: v as TeamRole | null })} comboboxProps={{ withinPortal: true }} />
              </SimpleGrid>
              <ActionIcon variant="subtle" color="red" disabled={members.length <= 3} aria-label={t('cases.actions.removeMember', { n: i + 1 })}
                onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Card>
        ))}
        {members.length < 10 ? (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }}
            onClick={() => setMembers((ms) => [...ms, { name: '', title: '', role: null }])}>{t('cases.actions.addMember')}</Button>
        ) : null}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function BapForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail);
  const [subjectId, setSubjectId] = useState<string | null>(subjects.length === 1 ? subjects[0]!.id : null);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [qa, setQa] = useState<{ q: string; a: string }[]>([{ q: '', a: '' }]);
  const [signed, setSigned] = useState(true);
  const [refusal, setRefusal] = useState('');
  const patch = (i: number, p: Partial<{ q: string; a: string }>) => setQa((xs) => xs.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const valid = Boolean(subjectId) && Boolean(heldOn) && qa.length > 0 && qa.every((x) => filled(x.q, x.a)) && (signed || filled(refusal));
  return (
    <form onSubmit={submitWith(valid, () => subjectId && onSubmit({
      action: 'record_bap', subjectId, heldOn, questions: qa.map((x) => ({ q: x.q.trim(), a: x.a.trim() })), signedByExamined: signed, refusalNote: signed ? null : opt(refusal),
    }))}>
      <Stack gap="sm">
        <SubjectSelect subjects={subjects} value={subjectId} onChange={setSubjectId} />
        <TextInput type="date" label={t('cases.actions.heldOn')} required max={todayIso()} value={heldOn} onChange={(e) => setHeldOn(e.currentTarget.value)} />
        <Text size="sm" fw={500}>{t('cases.actions.questions')}</Text>
        {qa.map((x, i) => (
          <Card key={i} withBorder p="xs" radius="md">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-end">
                <Textarea label={t('cases.actions.question', { n: i + 1 })} required autosize minRows={1} maxLength={2000} value={x.q} onChange={(e) => patch(i, { q: e.currentTarget.value })} style={{ flex: 1 }} />
                <ActionIcon variant="subtle" color="red" disabled={qa.length <= 1} aria-label={t('cases.actions.removeQuestion', { n: i + 1 })} onClick={() => setQa((xs) => xs.filter((_, j) => j !== i))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Textarea label={t('cases.actions.answer', { n: i + 1 })} required autosize minRows={2} maxLength={10_000} value={x.a} onChange={(e) => patch(i, { a: e.currentTarget.value })} />
            </Stack>
          </Card>
        ))}
        {qa.length < 100 ? (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => setQa((xs) => [...xs, { q: '', a: '' }])}>
            {t('cases.actions.addQuestion')}
          </Button>
        ) : null}
        <Switch label={t('cases.actions.signed')} checked={signed} onChange={(e) => setSigned(e.currentTarget.checked)} />
        {signed ? null : (
          <Textarea label={t('cases.actions.refusalNote')} required autosize minRows={2} maxLength={2000} value={refusal} onChange={(e) => setRefusal(e.currentTarget.value)} />
        )}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
