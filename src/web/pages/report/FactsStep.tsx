import { ActionIcon, Button, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { usePublicReportOptions } from '../../api/reports';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACT_KINDS, todayIso } from './reportForm';
import { useFieldError, type StepProps } from './ErrorSummary';

/** Step 3: what happened, for which election, when it happened and when it became known, where, links. */
export function FactsStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation();
  const err = useFieldError(errors);
  const options = usePublicReportOptions();
  const today = todayIso();
  const setLink = (i: number, value: string) => set({ links: draft.links.map((l, j) => (j === i ? value : l)) });
  return (
    <Stack gap="md">
      <Title order={2} size="h4">{t('reports.what.title')}</Title>
      <Radio.Group
        id="act-kind"
        tabIndex={-1}
        label={t('reports.what.actKind')}
        description={t('reports.what.actKindPlaceholder')}
        value={draft.actKind ?? ''}
        onChange={(value) => set({ actKind: value as (typeof ACT_KINDS)[number] })}
        error={err('act-kind')}
      >
        <Stack gap="xs" mt="xs">
          {ACT_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={t(`reports.actKind.${kind}`)} size="md" styles={{ body: { alignItems: 'flex-start' }, label: { lineHeight: 1.35 } }} />
          ))}
        </Stack>
      </Radio.Group>
      {draft.actKind === 'lainnya' ? (
        <TextInput id="act-other" label={t('reports.what.actKindOther')} value={draft.actKindOther} onChange={(e) => set({ actKindOther: e.currentTarget.value })} error={err('act-other')} size="md" required />
      ) : null}
      <NativeSelect
        id="election"
        label={`${t('reports.what.election')} ${t('reports.optional')}`}
        description={t('reports.what.electionHint')}
        value={draft.election}
        onChange={(e) => set({ election: e.currentTarget.value })}
        data={[
          { value: '', label: '—' },
          ...(options.data?.elections ?? []).flatMap((ev) =>
            ev.contests.length ? ev.contests.map((c) => ({ value: `${ev.id}|${c.id}`, label: `${ev.name} — ${c.name}` })) : [{ value: `${ev.id}|`, label: ev.name }],
          ),
        ]}
        size="md"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput id="act-date" type="date" max={today} label={t('reports.what.actDate')} value={draft.actDate} onChange={(e) => set({ actDate: e.currentTarget.value })} error={err('act-date')} size="md" />
        <TextInput id="discovered-on" type="date" max={today} label={t('reports.what.discoveredOn')} description={t('reports.what.discoveredHint')} value={draft.discoveredOn} onChange={(e) => set({ discoveredOn: e.currentTarget.value })} error={err('discovered-on')} size="md" />
      </SimpleGrid>
      <TextInput id="place" label={t('reports.what.place')} value={draft.place} onChange={(e) => set({ place: e.currentTarget.value })} size="md" />
      <Textarea
        id="description"
        label={t('reports.what.description')}
        description={t('reports.what.descriptionHint')}
        value={draft.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={err('description')}
        autosize
        minRows={5}
        maxLength={10_000}
        required
        size="md"
      />
      <Stack gap={6}>
        <Title order={3} size="h6">{t('reports.what.links')}</Title>
        <TextHint text={t('reports.what.linksHint')} />
        {draft.links.map((link, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              id={`link-${i}`}
              style={{ flex: 1 }}
              type="url"
              inputMode="url"
              placeholder="https://"
              aria-label={t('reports.what.link', { n: i + 1 })}
              value={link}
              onChange={(e) => setLink(i, e.currentTarget.value)}
              error={err(`link-${i}`)}
              size="md"
            />
            <ActionIcon size={42} variant="subtle" color="red" aria-label={t('reports.what.removeLink', { n: i + 1 })} onClick={() => set({ links: draft.links.filter((_, j) => j !== i) })}>
              <IconTrash size={20} />
            </ActionIcon>
          </Group>
        ))}
        {draft.links.length < 20 ? (
          <Button variant="light" leftSection={<IconPlus size={18} />} onClick={() => set({ links: [...draft.links, ''] })} size="md" style={{ alignSelf: 'flex-start' }}>
            {t('reports.what.addLink')}
          </Button>
        ) : null}
      </Stack>
    </Stack>
  );
}

function TextHint({ text }: { text: string }) {
  return <span style={{ fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dimmed)' }}>{text}</span>;
}
