import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Divider, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONTEST_KINDS, STAGE_KINDS } from '../../../shared/contracts/pledges.contract.js';
import { useCreateElection } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import type { ElectionBodyT, ElectionViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useEnumOptions } from '../../components/labels';

type Stage = ElectionBodyT['stages'][number];
type Contest = Omit<ElectionBodyT['contests'][number], 'id'>;

const emptyStage = (): Stage => ({ kind: 'tahapan_mulai', startsOn: '', endsOn: null });
const emptyContest = (): Contest => ({ kind: 'bupati_walikota', name: '', penetapanCalonOn: '' });

function RemoveButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="red" onClick={onClick} disabled={disabled} aria-label={t('elections.remove')} mb={4}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** "Tambah pemilihan" (POST /api/elections): kind, name, stages and contests. */
export function ElectionCreateForm({ onCreated, onCancel }: { onCreated: (e: ElectionViewT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const stageKinds = useEnumOptions('stageKind', STAGE_KINDS);
  const contestKinds = useEnumOptions('contestKind', CONTEST_KINDS);
  const create = useCreateElection();
  const [kind, setKind] = useState<'pemilu' | 'pilkada'>('pilkada');
  const [name, setName] = useState('');
  const [stages, setStages] = useState<Stage[]>([emptyStage()]);
  const [contests, setContests] = useState<Contest[]>([emptyContest()]);
  const errors = fieldErrors(create.error);
  const setStage = (i: number, patch: Partial<Stage>) => setStages((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setContest = (i: number, patch: Partial<Contest>) => setContests((s) => s.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const ready = name.trim().length >= 3 && stages.every((s) => s.startsOn) &&
    contests.every((c) => c.name.trim().length >= 3 && c.penetapanCalonOn);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { kind, name: name.trim(), stages, contests: contests.map((c) => ({ ...c, name: c.name.trim() })) },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <SegmentedControl value={kind} onChange={(v) => setKind(v as 'pemilu' | 'pilkada')} aria-label={t('elections.kind')}
          data={[{ value: 'pilkada', label: label('electionKind', 'pilkada') }, { value: 'pemilu', label: label('electionKind', 'pemilu') }]} />
        <TextInput label={t('elections.name')} value={name} required error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
        <Divider label={t('elections.stages')} labelPosition="left" />
        {stages.map((s, i) => (
          <Paper key={i} withBorder p="xs">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" style={{ flex: 1 }}>
                <Select label={t('elections.stage')} data={stageKinds} value={s.kind} allowDeselect={false}
                  onChange={(v) => v && setStage(i, { kind: v as Stage['kind'] })} />
                <TextInput type="date" label={t('elections.startsOn')} value={s.startsOn} required error={errors[`stages.${i}.startsOn`]}
                  onChange={(e) => setStage(i, { startsOn: e.currentTarget.value })} />
                <TextInput type="date" label={t('elections.endsOn')} value={s.endsOn ?? ''}
                  onChange={(e) => setStage(i, { endsOn: e.currentTarget.value || null })} />
              </SimpleGrid>
              <RemoveButton disabled={stages.length === 1} onClick={() => setStages((x) => x.filter((_, j) => j !== i))} />
            </Group>
          </Paper>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setStages((x) => [...x, emptyStage()])}
          style={{ alignSelf: 'flex-start' }}>
          {t('elections.addStage')}
        </Button>
        <Divider label={t('elections.contests')} labelPosition="left" />
        {contests.map((c, i) => (
          <Paper key={i} withBorder p="xs">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" style={{ flex: 1 }}>
                <Select label={t('elections.contest')} data={contestKinds} value={c.kind} allowDeselect={false}
                  onChange={(v) => v && setContest(i, { kind: v as Contest['kind'] })} />
                <TextInput label={t('elections.contestName')} value={c.name} required error={errors[`contests.${i}.name`]}
                  onChange={(e) => setContest(i, { name: e.currentTarget.value })} />
                <TextInput type="date" label={t('elections.penetapanCalonOn')} value={c.penetapanCalonOn} required
                  error={errors[`contests.${i}.penetapanCalonOn`]} onChange={(e) => setContest(i, { penetapanCalonOn: e.currentTarget.value })} />
              </SimpleGrid>
              <RemoveButton disabled={contests.length === 1} onClick={() => setContests((x) => x.filter((_, j) => j !== i))} />
            </Group>
          </Paper>
        ))}
        <Text size="xs" c="dimmed">{t('elections.penetapanHint')}</Text>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setContests((x) => [...x, emptyContest()])}
          style={{ alignSelf: 'flex-start' }}>
          {t('elections.addContest')}
        </Button>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} disabled={!ready}>{t('elections.add')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
