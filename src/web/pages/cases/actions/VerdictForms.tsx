/** Forms with one entry per subject: verification (item and tier), conclusion, recommendation, decision, follow-up. */
import { useState } from 'react';
import { Alert, Badge, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASN_TIERS, CATALOGUE_LISTS, SANCTIONS, type Tier } from '../../../../shared/case-workflow.js';
import { useCaseCatalogue, type CaseSubjectT } from '../../../api/cases';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { todayIso } from '../../report/reportForm';
import { filled, FormFooter, handledSubjects, opt, provenSubjects, submitWith, type ActionFormProps } from './formKit';

const tiersFor = (s: CaseSubjectT): readonly Tier[] => (s.track === 'non_asn' ? ['kontrak'] : ASN_TIERS);

function SubjectHeading({ s }: { s: CaseSubjectT }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" gap="xs">
      <Text fw={700} size="sm">{s.name}</Text>
      {s.track !== 'asn' ? <Badge size="xs" variant="light" color="grape">{t(`cases.track.${s.track}`)}</Badge> : null}
    </Group>
  );
}

interface VerifyEntry { itemCode: string | null; tier: Tier | null; overrideReason: string }

/** Per subject: the catalogue item and tier, prefilled from Netra's proposal; departing from it needs a reason. */
export function VerifyForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail);
  const catalogue = useCaseCatalogue(detail.catalogueVersion);
  const items = catalogue.data?.items ?? [];
  const itemTier = (code: string | null) => items.find((i) => i.code === code)?.tier ?? null;
  const [entries, setEntries] = useState<Record<string, VerifyEntry>>(() =>
    Object.fromEntries(subjects.map((s) => [s.id, {
      itemCode: s.itemCode ?? s.proposedItemCode ?? (s.track === 'asn' ? (detail.proposal?.itemCode ?? null) : null),
      tier: s.tier,
      overrideReason: s.overrideReason ?? '',
    }])),
  );
  const [note, setNote] = useState('');
  const set = (id: string, p: Partial<VerifyEntry>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...p } }));
  /** The tier in force: the one chosen, else the item's, else (non-ASN) the contract tier. */
  const tierOf = (s: CaseSubjectT) => {
    const e = entries[s.id]!;
    const chosen = e.tier && tiersFor(s).includes(e.tier) ? e.tier : null;
    return chosen ?? (s.track === 'non_asn' ? 'kontrak' : itemTier(e.itemCode));
  };
  // Mirrors the server's check so the reason field appears before sending; the server decides.
  const departs = (s: CaseSubjectT) => {
    const e = entries[s.id]!;
    const proposed = s.proposedItemCode;
    return Boolean((proposed && e.itemCode !== proposed) || (s.track === 'asn' && e.itemCode && tierOf(s) !== itemTier(e.itemCode)));
  };
  const itemOptions = CATALOGUE_LISTS.map((list) => ({
    group: t(`cases.catalogueList.${list}`),
    items: items.filter((i) => i.list === list).map((i) => ({ value: i.code, label: `${i.code} — ${i.act.length > 90 ? `${i.act.slice(0, 89)}…` : i.act}` })),
  })).filter((g) => g.items.length > 0);
  const valid = subjects.length > 0 && subjects.every((s) => entries[s.id]!.itemCode && tierOf(s) && (!departs(s) || filled(entries[s.id]!.overrideReason)));

  if (catalogue.isPending) return <PageLoader />;
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({
      action: 'verify',
      note: opt(note),
      subjects: subjects.map((s) => ({ subjectId: s.id, itemCode: entries[s.id]!.itemCode!, tier: tierOf(s)!, overrideReason: departs(s) ? entries[s.id]!.overrideReason.trim() : null })),
    }))}>
      <Stack gap="sm">
        <ErrorAlert error={catalogue.error} />
        {subjects.length === 0 ? <Text size="sm" c="dimmed">{t('cases.actions.noSubjects')}</Text> : null}
        {subjects.map((s) => {
          const e = entries[s.id]!;
          const proposedTier = s.proposedItemCode ? itemTier(s.proposedItemCode) : null;
          return (
            <Card key={s.id} withBorder radius="md" p="sm" data-testid="verify-subject">
              <Stack gap="xs">
                <SubjectHeading s={s} />
                {s.proposedItemCode ? (
                  <Text size="xs" c="blue">{t('cases.actions.proposal', { code: s.proposedItemCode, tier: proposedTier ? t(`cases.tier.${proposedTier}`) : '—' })}</Text>
                ) : null}
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <Select label={t('cases.actions.item')} required searchable data={itemOptions} value={e.itemCode}
                    onChange={(v) => set(s.id, { itemCode: v, tier: null })} comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
                  <Select label={t('cases.actions.tier')} required data={tiersFor(s).map((x) => ({ value: x, label: t(`cases.tier.${x}`) }))} value={tierOf(s)}
                    onChange={(v) => set(s.id, { tier: v as Tier | null })} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
                </SimpleGrid>
                {departs(s) ? (
                  <Textarea label={t('cases.actions.overrideReason')} description={t('cases.actions.overrideHint')} required autosize minRows={2} maxLength={2000}
                    value={e.overrideReason} onChange={(ev) => set(s.id, { overrideReason: ev.currentTarget.value })} data-testid="override-reason" />
                ) : null}
              </Stack>
            </Card>
          );
        })}
        <Textarea label={t('cases.actions.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function ConcludeForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail);
  const [entries, setEntries] = useState<Record<string, { finding: 'proven' | 'not_proven' | null; reason: string }>>(() =>
    Object.fromEntries(subjects.map((s) => [s.id, { finding: s.finding, reason: s.findingReason ?? '' }])),
  );
  const set = (id: string, p: Partial<{ finding: 'proven' | 'not_proven' | null; reason: string }>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...p } }));
  const valid = subjects.length > 0 && subjects.every((s) => entries[s.id]!.finding && filled(entries[s.id]!.reason));
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({
      action: 'conclude',
      findings: subjects.map((s) => ({ subjectId: s.id, finding: entries[s.id]!.finding!, reason: entries[s.id]!.reason.trim() })),
    }))}>
      <Stack gap="sm">
        {subjects.map((s) => (
          <Card key={s.id} withBorder radius="md" p="sm">
            <Stack gap="xs">
              <SubjectHeading s={s} />
              {s.itemCode ? <Text size="xs" c="dimmed">{s.itemCode}{s.tier ? ` · ${t(`cases.tier.${s.tier}`)}` : ''}</Text> : null}
              <SegmentedControl fullWidth value={entries[s.id]!.finding ?? ''} onChange={(v) => set(s.id, { finding: v as 'proven' | 'not_proven' })}
                data={[{ value: 'proven', label: t('cases.actions.proven') }, { value: 'not_proven', label: t('cases.actions.notProven') }]}
                aria-label={`${t('cases.actions.finding')}: ${s.name}`} />
              <Textarea label={t('cases.actions.findingReason')} required autosize minRows={3} maxLength={10_000} value={entries[s.id]!.reason}
                onChange={(e) => set(s.id, { reason: e.currentTarget.value })} />
            </Stack>
          </Card>
        ))}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function RecommendForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = provenSubjects(detail);
  const [entries, setEntries] = useState<Record<string, { tier: Tier | null; reasoning: string }>>(() =>
    Object.fromEntries(subjects.map((s) => [s.id, { tier: s.recommendedTier ?? (s.tier && tiersFor(s).includes(s.tier) ? s.tier : s.track === 'non_asn' ? 'kontrak' : null), reasoning: '' }])),
  );
  const set = (id: string, p: Partial<{ tier: Tier | null; reasoning: string }>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...p } }));
  const valid = subjects.length > 0 && subjects.every((s) => entries[s.id]!.tier && filled(entries[s.id]!.reasoning));
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({
      action: 'recommend',
      recommendations: subjects.map((s) => ({ subjectId: s.id, tier: entries[s.id]!.tier!, reasoning: entries[s.id]!.reasoning.trim() })),
    }))}>
      <Stack gap="sm">
        {subjects.length === 0 ? <Text size="sm" c="dimmed">{t('cases.actions.noSubjects')}</Text> : null}
        {subjects.map((s) => (
          <Card key={s.id} withBorder radius="md" p="sm">
            <Stack gap="xs">
              <SubjectHeading s={s} />
              <Select label={t('cases.actions.tier')} required data={tiersFor(s).map((x) => ({ value: x, label: t(`cases.tier.${x}`) }))} value={entries[s.id]!.tier}
                onChange={(v) => set(s.id, { tier: v as Tier | null })} comboboxProps={{ withinPortal: true }} />
              <Textarea label={t('cases.actions.reasoning')} required autosize minRows={3} maxLength={10_000} value={entries[s.id]!.reasoning}
                onChange={(e) => set(s.id, { reasoning: e.currentTarget.value })} />
            </Stack>
          </Card>
        ))}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

const NO_SANCTION = '__none__';
interface Decision { sanction: string | null; skNumber: string; skDate: string; note: string }

/** The PPK picks a sanction inside the recommended tier only (or none, with a reason), with the SK. */
export function DecideForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = provenSubjects(detail);
  const [entries, setEntries] = useState<Record<string, Decision>>(() =>
    Object.fromEntries(subjects.map((s) => [s.id, { sanction: null, skNumber: '', skDate: todayIso(), note: '' }])),
  );
  const set = (id: string, p: Partial<Decision>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...p } }));
  const valid = subjects.length > 0 && subjects.every((s) => {
    const e = entries[s.id]!;
    return e.sanction && filled(e.skNumber) && e.skDate && (e.sanction !== NO_SANCTION || filled(e.note));
  });
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({
      action: 'decide',
      decisions: subjects.map((s) => {
        const e = entries[s.id]!;
        return { subjectId: s.id, sanction: e.sanction === NO_SANCTION ? null : e.sanction, skNumber: e.skNumber.trim(), skDate: e.skDate, note: opt(e.note) };
      }),
    }))}>
      <Stack gap="sm">
        {subjects.length === 0 ? <Text size="sm" c="dimmed">{t('cases.actions.noSubjects')}</Text> : null}
        {subjects.map((s) => {
          const e = entries[s.id]!;
          const tier = s.recommendedTier;
          const options = [
            ...(tier ? SANCTIONS[tier].map((x) => ({ value: x as string, label: t(`cases.sanction.${x}`) })) : []),
            { value: NO_SANCTION, label: t('cases.actions.noSanction') },
          ];
          return (
            <Card key={s.id} withBorder radius="md" p="sm" data-testid="decide-subject">
              <Stack gap="xs">
                <SubjectHeading s={s} />
                <Alert color="blue" variant="light" p="xs">
                  <Text size="sm">{t('cases.actions.recommendedTier', { tier: tier ? t(`cases.tier.${tier}`) : '—' })}</Text>
                </Alert>
                <Select label={t('cases.actions.sanction')} required data={options} value={e.sanction} onChange={(v) => set(s.id, { sanction: v })}
                  comboboxProps={{ withinPortal: true }} data-testid="decide-sanction" />
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput label={t('cases.actions.skNumber')} required maxLength={120} value={e.skNumber} onChange={(ev) => set(s.id, { skNumber: ev.currentTarget.value })} />
                  <TextInput type="date" label={t('cases.actions.skDate')} required max={todayIso()} value={e.skDate} onChange={(ev) => set(s.id, { skDate: ev.currentTarget.value })} />
                </SimpleGrid>
                <Textarea label={t('cases.actions.note')} description={e.sanction === NO_SANCTION ? t('cases.actions.noSanctionHint') : undefined}
                  required={e.sanction === NO_SANCTION} autosize minRows={2} maxLength={2000} value={e.note} onChange={(ev) => set(s.id, { note: ev.currentTarget.value })} />
              </Stack>
            </Card>
          );
        })}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

interface Execution { executedOn: string; note: string; idisRecordedOn: string }

export function FollowUpForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const subjects = handledSubjects(detail).filter((s) => s.sanction);
  const [entries, setEntries] = useState<Record<string, Execution>>(() =>
    Object.fromEntries(subjects.map((s) => [s.id, { executedOn: todayIso(), note: '', idisRecordedOn: '' }])),
  );
  const set = (id: string, p: Partial<Execution>) => setEntries((e) => ({ ...e, [id]: { ...e[id]!, ...p } }));
  const valid = subjects.length > 0 && subjects.every((s) => entries[s.id]!.executedOn && filled(entries[s.id]!.note));
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({
      action: 'record_follow_up',
      executions: subjects.map((s) => {
        const e = entries[s.id]!;
        return { subjectId: s.id, executedOn: e.executedOn, note: e.note.trim(), idisRecordedOn: e.idisRecordedOn || null };
      }),
    }))}>
      <Stack gap="sm">
        {subjects.length === 0 ? <Text size="sm" c="dimmed">{t('cases.actions.noSubjects')}</Text> : null}
        {subjects.map((s) => (
          <Card key={s.id} withBorder radius="md" p="sm">
            <Stack gap="xs">
              <SubjectHeading s={s} />
              <Text size="xs" c="dimmed">{s.sanction ? t(`cases.sanction.${s.sanction}`, { defaultValue: s.sanction }) : ''}{s.skNumber ? ` · SK ${s.skNumber}` : ''}</Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <TextInput type="date" label={t('cases.actions.executedOn')} required max={todayIso()} value={entries[s.id]!.executedOn} onChange={(e) => set(s.id, { executedOn: e.currentTarget.value })} />
                <TextInput type="date" label={t('cases.actions.idisOn')} max={todayIso()} value={entries[s.id]!.idisRecordedOn} onChange={(e) => set(s.id, { idisRecordedOn: e.currentTarget.value })} />
              </SimpleGrid>
              <Textarea label={t('cases.actions.executionNote')} required autosize minRows={2} maxLength={2000} value={entries[s.id]!.note} onChange={(e) => set(s.id, { note: e.currentTarget.value })} />
            </Stack>
          </Card>
        ))}
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
