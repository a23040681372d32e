import { useState } from 'react';
import { Anchor, Button, Card, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useStaffEntry } from '../../api/inbox';
import type { SubmitResultT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary } from '../report/ErrorSummary';
import { FactsStep } from '../report/FactsStep';
import { IdentityStep } from '../report/IdentityStep';
import { ReceiptCard } from '../report/ReceiptCard';
import { ReportedStep } from '../report/ReportedStep';
import { emptyDraft, todayIso, toInput, validateStep, type ReportDraft, type StepErrors } from '../report/reportForm';
import { STAFF_CHANNELS } from './inboxEnums';

/** /pengaduan/baru: a report received by letter, WhatsApp, SP4N-LAPOR! or in person, entered by staff. */
export default function StaffEntryPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const entry = useStaffEntry();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [channel, setChannel] = useState<string | null>(null);
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [errors, setErrors] = useState<StepErrors>({});
  const [result, setResult] = useState<SubmitResultT | null>(null);
  const set = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = () => {
    const found: StepErrors = { ...validateStep(0, draft), ...validateStep(1, draft), ...validateStep(2, draft) };
    if (!channel) found['entry-channel'] = { key: 'inbox.entry.channel' };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const report = toInput(draft);
    entry.mutate({ channel: channel as (typeof STAFF_CHANNELS)[number], receivedOn, report }, { onSuccess: setResult });
  };

  if (result) {
    return (
      <Stack gap="md" maw={680}>
        <Text>{t('inbox.entry.saved', { number: result.number })}</Text>
        <Text size="sm" c="dimmed">{t('inbox.entry.receiptHint')}</Text>
        <ReceiptCard result={result} tenant={session?.tenant?.slug} onAnother={() => { setDraft(emptyDraft()); setResult(null); }} />
      </Stack>
    );
  }
  const props = { draft, set, errors };
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/pengaduan" size="sm"><IconArrowLeft size={14} /> {t('inbox.detail.back')}</Anchor>
      <Title order={2}>{t('inbox.entry.title')}</Title>
      <Text size="sm" c="dimmed">{t('inbox.entry.intro')}</Text>
      <ErrorSummary errors={errors} />
      <Card withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select id="entry-channel" label={t('inbox.entry.channel')} required data={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`inbox.channel.${c}`) }))} value={channel} onChange={setChannel} error={errors['entry-channel'] ? t('inbox.entry.channel') : undefined} />
          <TextInput type="date" label={t('inbox.entry.receivedOn')} max={todayIso()} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} required />
        </SimpleGrid>
      </Card>
      <Card withBorder radius="md" p="md"><IdentityStep {...props} /></Card>
      <Card withBorder radius="md" p="md"><ReportedStep {...props} /></Card>
      <Card withBorder radius="md" p="md"><FactsStep {...props} /></Card>
      <ErrorAlert error={entry.error} />
      <Button size="md" onClick={submit} loading={entry.isPending} style={{ alignSelf: 'flex-start' }}>{t('inbox.entry.submit')}</Button>
    </Stack>
  );
}
