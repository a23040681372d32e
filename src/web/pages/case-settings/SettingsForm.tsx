import { useMemo, useState, type FormEvent } from 'react';
import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEADLINE_STEPS, TIERS, type DeadlineStep, type Tier } from '../../../shared/case-workflow.js';
import { ApiError } from '../../api/client';
import { useSaveCaseSettings, type CaseSettingsT } from '../../api/caseSettings';
import { fieldErrors } from '../../api/fieldErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';

/** Step deadlines, escalation gap, letter code/place and the PPK; a change of deadlines asks for a reason first. */
export function SettingsForm({ settings }: { settings: CaseSettingsT }) {
  const { t } = useTranslation();
  const save = useSaveCaseSettings();
  const [stepDays, setStepDays] = useState<Record<DeadlineStep, number | string>>({ ...settings.stepDays });
  const [escalationGapDays, setEscalationGapDays] = useState<number | string>(settings.escalationGapDays);
  const [examinationTiers, setExaminationTiers] = useState<Tier[]>([...settings.examinationTiers]);
  const [letterCode, setLetterCode] = useState(settings.letterCode);
  const [letterPlace, setLetterPlace] = useState(settings.letterPlace ?? '');
  const [ppkTitle, setPpkTitle] = useState(settings.ppkTitle);
  const [ppkName, setPpkName] = useState(settings.ppkName ?? '');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const errors = useMemo(() => fieldErrors(save.error), [save.error]);
  const changedSteps = DEADLINE_STEPS.filter((s) => Number(stepDays[s]) !== settings.stepDays[s]);
  const orderedTiers = TIERS.filter((tier) => examinationTiers.includes(tier));
  const examinationChanged = orderedTiers.join() !== settings.examinationTiers.join();
  const changes = [
    ...changedSteps.map((s) => `${t(`handling.step.${s}`)} (${settings.stepDays[s]} → ${stepDays[s]})`),
    ...(examinationChanged ? [t('handling.settings.examinationChange', { tiers: orderedTiers.map((tier) => t(`handling.tier.${tier}`)).join(', ') })] : []),
  ];

  const send = (withReason: string | null) => {
    save.mutate(
      {
        stepDays: Object.fromEntries(DEADLINE_STEPS.map((s) => [s, Number(stepDays[s])])) as Record<DeadlineStep, number>,
        escalationGapDays: Number(escalationGapDays),
        examinationTiers: orderedTiers,
        letterCode: letterCode.trim(),
        letterPlace: letterPlace.trim() || null,
        ppkTitle: ppkTitle.trim(),
        ppkName: ppkName.trim() || null,
        reason: withReason,
      },
      {
        onSuccess: () => {
          setAsking(false);
          setReason('');
          notifySuccess(t('common.saved'));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'REASON_REQUIRED') setAsking(true);
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changes.length > 0) setAsking(true);
    else send(null);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={asking ? null : save.error} />
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">{t('handling.settings.steps')}</Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {DEADLINE_STEPS.map((s) => (
              <NumberInput
                key={s}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <span>{t(`handling.step.${s}`)}</span>
                    {Number(stepDays[s]) !== settings.stepDays[s] ? <Badge size="xs" color="orange" variant="light">{t('handling.settings.changed')}</Badge> : null}
                  </Group>
                }
                description={t('handling.settings.defaultDays', { days: settings.defaultStepDays[s] })}
                value={stepDays[s]}
                min={1}
                max={365}
                allowDecimal={false}
                error={errors[`stepDays.${s}`]}
                onChange={(v) => setStepDays((d) => ({ ...d, [s]: v }))}
              />
            ))}
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">{t('handling.settings.escalation')}</Title>
          <NumberInput label={t('handling.settings.escalationGap')} description={t('handling.settings.escalationHint')} value={escalationGapDays} min={1} max={30}
            allowDecimal={false} maw={420} error={errors.escalationGapDays} onChange={setEscalationGapDays} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb={4}>{t('handling.settings.examination')}</Title>
          <Text size="sm" c="dimmed" mb="xs">{t('handling.settings.examinationHint')}</Text>
          <Checkbox.Group value={examinationTiers} onChange={(v) => setExaminationTiers(v as Tier[])} error={errors.examinationTiers}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
              {TIERS.map((tier) => {
                const required = settings.requiredExaminationTiers.includes(tier);
                return (
                  <Checkbox key={tier} value={tier} disabled={required} checked={required || examinationTiers.includes(tier)}
                    label={t(`handling.tier.${tier}`)} description={required ? t('handling.settings.examinationRequired') : undefined} />
                );
              })}
            </SimpleGrid>
          </Checkbox.Group>
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">{t('handling.settings.letters')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('handling.settings.letterCode')} description={t('handling.settings.letterCodeHint')} value={letterCode} required error={errors.letterCode}
              onChange={(e) => setLetterCode(e.currentTarget.value)} />
            <TextInput label={t('handling.settings.letterPlace')} description={t('handling.settings.letterPlaceHint')} value={letterPlace} error={errors.letterPlace}
              onChange={(e) => setLetterPlace(e.currentTarget.value)} />
            <TextInput label={t('handling.settings.ppkTitle')} placeholder={t('handling.settings.ppkTitlePlaceholder')} value={ppkTitle} required error={errors.ppkTitle}
              onChange={(e) => setPpkTitle(e.currentTarget.value)} />
            <TextInput label={t('handling.settings.ppkName')} value={ppkName} error={errors.ppkName} onChange={(e) => setPpkName(e.currentTarget.value)} />
          </SimpleGrid>
        </Card>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {settings.updatedAt ? t('handling.settings.lastSaved', { date: formatDateTime(settings.updatedAt), name: settings.updatedByName ?? '—' }) : t('handling.settings.neverSaved')}
          </Text>
          <Button type="submit" loading={save.isPending && !asking}>{t('common.save')}</Button>
        </Group>
      </Stack>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('handling.settings.reasonTitle')} centered>
        <Stack gap="sm">
          <Text size="sm">{t('handling.settings.reasonBody', { steps: changes.join('; ') })}</Text>
          <ErrorAlert error={save.error instanceof ApiError && save.error.code !== 'REASON_REQUIRED' ? save.error : null} />
          <Textarea label={t('handling.settings.reason')} description={t('handling.settings.reasonHint')} value={reason} autosize minRows={2} required data-autofocus
            error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setAsking(false)}>{t('common.cancel')}</Button>
            <Button loading={save.isPending} disabled={reason.trim().length < 5} onClick={() => send(reason.trim())}>{t('handling.settings.saveWithReason')}</Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
