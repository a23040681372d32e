import { useState } from 'react';
import { Button, Card, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RECAP_KINDS, type RecapKindT } from '../../../shared/contracts/recaps.contract.js';
import { useCampaigns, useElections } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import { useCreateRecap } from '../../api/recaps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/** Asks for a recap: kind, election or campaign, period. The job does the rest. */
export function RecapForm() {
  const { t } = useTranslation();
  const elections = useElections();
  const campaigns = useCampaigns();
  const create = useCreateRecap();
  const [kind, setKind] = useState<RecapKindT>('bupati_weekly');
  const [eventId, setEventId] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const errors = fieldErrors(create.error);
  const isCompliance = kind === 'compliance';

  const submit = async () => {
    await create.mutateAsync(isCompliance ? { kind, campaignId } : { kind, eventId, from: from || null, to: to || null });
    notifySuccess(t('recaps.queued'));
  };

  return (
    <Card>
      <Stack gap="sm">
        <Title order={3} size="h4">{t('recaps.create')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t('recaps.kind')} data={RECAP_KINDS.map((k) => ({ value: k, label: t(`recaps.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as RecapKindT)} allowDeselect={false} data-testid="recap-kind" />
          {isCompliance ? (
            <Select label={t('recaps.campaign')} data={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} error={errors.campaignId} required />
          ) : (
            <Select label={t('recaps.event')} placeholder={t('recaps.latestEvent')} data={(elections.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))} value={eventId} onChange={setEventId} clearable />
          )}
          {!isCompliance ? (
            <>
              <TextInput type="date" label={t('recaps.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
              <TextInput type="date" label={t('recaps.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
            </>
          ) : null}
        </SimpleGrid>
        {!isCompliance ? <Text size="xs" c="dimmed">{t('recaps.periodHint')}</Text> : null}
        {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
        <div>
          <Button onClick={() => void submit().catch(() => undefined)} loading={create.isPending} data-testid="recap-submit">{t('recaps.submit')}</Button>
        </div>
      </Stack>
    </Card>
  );
}
