import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CASE_ORIGINS, type CaseOrigin } from '../../../shared/case-workflow.js';
import { useActiveSatgas, useCreateCase, type CreateCaseBodyT } from '../../api/cases';
import { useElections } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { ACT_KINDS, todayIso } from '../report/reportForm';
import { SubjectsEditor, type SubjectDraft } from './SubjectsEditor';

/** Origins that rest on an incoming letter (its number, date and sender are required). */
const LETTER_ORIGINS: readonly CaseOrigin[] = ['rekomendasi_bawaslu', 'penerusan_bkn'];

/** Where a draft field's error sits (the contract's path). */
const ERROR_KEY: Partial<Record<string, string>> = { refNumber: 'originRef.number', refDate: 'originRef.date', refFrom: 'originRef.from' };

interface Draft {
  origin: CaseOrigin | null;
  refNumber: string;
  refDate: string;
  refFrom: string;
  title: string;
  summary: string;
  eventId: string | null;
  contestId: string | null;
  actKind: string | null;
  actDate: string;
  discoveredOn: string;
  place: string;
  assignee: string | null;
}

const empty: Draft = {
  origin: null, refNumber: '', refDate: '', refFrom: '', title: '', summary: '', eventId: null, contestId: null,
  actKind: null, actDate: '', discoveredOn: '', place: '', assignee: null,
};

/** /kasus/baru: register a case from a patrol finding, a Bawaslu letter, a BKN forward or a superior's finding. */
export default function CaseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const create = useCreateCase();
  const elections = useElections();
  const satgas = useActiveSatgas(can('satgas.read'));
  const [d, setD] = useState<Draft>(empty);
  const [subjects, setSubjects] = useState<SubjectDraft[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (patch: Partial<Draft>) => {
    setD((prev) => ({ ...prev, ...patch }));
    // An edited field loses its "required" mark (the rest stay until the next submit).
    const touched = Object.keys(patch).map((k) => ERROR_KEY[k as keyof Draft] ?? k);
    if (touched.some((k) => local[k])) setLocal((l) => Object.fromEntries(Object.entries(l).filter(([k]) => !touched.includes(k))));
  };
  const server = fieldErrors(create.error);
  const err = (key: string) => local[key] ?? server[key];
  const needsLetter = d.origin !== null && LETTER_ORIGINS.includes(d.origin);

  const events = elections.data?.items ?? [];
  const contests = events.find((e) => e.id === d.eventId)?.contests ?? [];
  const assignees = useMemo(
    () => (satgas.data?.decree?.members ?? []).filter((m) => m.userId).map((m) => ({ value: m.userId!, label: `${m.name} — ${t(`cases.satgasPosition.${m.position}`)}` })),
    [satgas.data, t],
  );

  const submit = () => {
    const found: Record<string, string> = {};
    const required = t('cases.create.required');
    if (!d.origin) found.origin = required;
    if (!d.title.trim()) found.title = required;
    if (!d.summary.trim()) found.summary = required;
    if (needsLetter) {
      if (!d.refNumber.trim()) found['originRef.number'] = required;
      if (!d.refDate) found['originRef.date'] = required;
      if (!d.refFrom.trim()) found['originRef.from'] = required;
    }
    setLocal(found);
    if (Object.keys(found).length > 0 || !d.origin) return;
    const body: CreateCaseBodyT = {
      origin: d.origin,
      originRef: needsLetter ? { number: d.refNumber.trim(), date: d.refDate, from: d.refFrom.trim() } : null,
      title: d.title.trim(),
      summary: d.summary.trim(),
      subjects: subjects.map((s) => s.input),
      electionEventId: d.eventId,
      electionContestId: d.contestId,
      actKind: (d.actKind as CreateCaseBodyT['actKind']) ?? null,
      actDate: d.actDate || null,
      discoveredOn: d.discoveredOn || null,
      place: d.place.trim() || null,
      assigneeUserId: d.assignee,
    };
    create.mutate(body, {
      onSuccess: (res) => {
        notifySuccess(t('cases.create.done', { number: res.number }));
        void navigate(`/kasus/${res.id}`);
      },
    });
  };

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/kasus" size="sm"><IconArrowLeft size={14} /> {t('cases.backToList')}</Anchor>
      <div>
        <Title order={2}>{t('cases.create.title')}</Title>
        <Text size="sm" c="dimmed">{t('cases.create.intro')}</Text>
      </div>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('cases.create.basis')}</Title>
          <Select label={t('cases.create.origin')} required data={CASE_ORIGINS.map((o) => ({ value: o, label: t(`cases.origin.${o}`) }))}
            value={d.origin} onChange={(v) => set({ origin: v as CaseOrigin | null })} error={err('origin')} comboboxProps={{ withinPortal: true }} data-testid="case-origin" />
          {needsLetter ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput label={t('cases.create.refNumber')} required value={d.refNumber} onChange={(e) => set({ refNumber: e.currentTarget.value })} error={err('originRef.number')} maxLength={120} />
              <TextInput type="date" label={t('cases.create.refDate')} required max={todayIso()} value={d.refDate} onChange={(e) => set({ refDate: e.currentTarget.value })} error={err('originRef.date')} />
              <TextInput label={t('cases.create.refFrom')} required value={d.refFrom} onChange={(e) => set({ refFrom: e.currentTarget.value })} error={err('originRef.from') ?? err('originRef')} maxLength={200} />
            </SimpleGrid>
          ) : null}
          <TextInput label={t('cases.create.caseTitle')} required value={d.title} onChange={(e) => set({ title: e.currentTarget.value })} error={err('title')} maxLength={200} data-testid="case-title" />
          <Textarea label={t('cases.create.summary')} description={t('cases.create.summaryHint')} required autosize minRows={4} value={d.summary}
            onChange={(e) => set({ summary: e.currentTarget.value })} error={err('summary')} maxLength={10_000} data-testid="case-summary" />
        </Stack>
      </Card>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('cases.create.act')}</Title>
          <Text size="xs" c="dimmed">{t('cases.create.actHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('cases.create.election')} clearable data={events.map((e) => ({ value: e.id, label: e.name }))} value={d.eventId}
              onChange={(v) => set({ eventId: v, contestId: null })} error={err('electionEventId')} comboboxProps={{ withinPortal: true }} />
            <Select label={t('cases.create.contest')} clearable disabled={!d.eventId || contests.length === 0} data={contests.map((c) => ({ value: c.id, label: c.name }))}
              value={d.contestId} onChange={(v) => set({ contestId: v })} error={err('electionContestId')} comboboxProps={{ withinPortal: true }} />
          </SimpleGrid>
          <Select label={t('reports.what.actKind')} clearable data={ACT_KINDS.map((k) => ({ value: k, label: t(`reports.actKind.${k}`) }))}
            value={d.actKind} onChange={(v) => set({ actKind: v })} comboboxProps={{ withinPortal: true }} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('cases.create.actDate')} max={todayIso()} value={d.actDate} onChange={(e) => set({ actDate: e.currentTarget.value })} error={err('actDate')} />
            <TextInput type="date" label={t('cases.create.discoveredOn')} max={todayIso()} value={d.discoveredOn} onChange={(e) => set({ discoveredOn: e.currentTarget.value })} error={err('discoveredOn')} />
          </SimpleGrid>
          <TextInput label={t('cases.create.place')} value={d.place} onChange={(e) => set({ place: e.currentTarget.value })} maxLength={300} />
        </Stack>
      </Card>
      <Card withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={3} size="h4">{t('cases.create.subjects')}</Title>
          <Text size="xs" c="dimmed">{t('cases.create.subjectsHint')}</Text>
          <SubjectsEditor value={subjects} onChange={setSubjects} />
          {err('subjects') ? <Text size="sm" c="red">{err('subjects')}</Text> : null}
        </Stack>
      </Card>
      {assignees.length > 0 ? (
        <Card withBorder radius="md" p="md">
          <Select label={t('cases.create.assignee')} description={t('cases.create.assigneeHint')} clearable data={assignees} value={d.assignee}
            onChange={(v) => set({ assignee: v })} comboboxProps={{ withinPortal: true }} />
        </Card>
      ) : null}
      {Object.keys(local).length > 0 ? <Text size="sm" c="red">{t('cases.create.fixErrors')}</Text> : null}
      <ErrorAlert error={create.error} />
      <Button size="md" onClick={submit} loading={create.isPending} style={{ alignSelf: 'flex-start' }} data-testid="case-submit">{t('cases.create.submit')}</Button>
    </Stack>
  );
}
