import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCreateCampaign, useElections } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import type { CampaignViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CampaignFields, campaignReady, type CampaignFormValues } from './CampaignFields';

/** "Kampanye baru" (POST /api/campaigns): created as a draft with the default texts, version 1. */
export function CampaignCreateForm({ onCreated, onCancel }: { onCreated: (c: CampaignViewT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const elections = useElections();
  const create = useCreateCampaign();
  const [eventId, setEventId] = useState<string | null>(null);
  const [values, setValues] = useState<CampaignFormValues>({
    name: '', signDeadline: '', apelReportDeadline: '', signingPlace: '', targetCategories: [], targetUnitIds: [],
  });
  const errors = fieldErrors(create.error);
  const events = (elections.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!eventId) return;
    create.mutate(
      {
        eventId,
        name: values.name.trim(),
        signDeadline: values.signDeadline,
        apelReportDeadline: values.apelReportDeadline || null,
        signingPlace: values.signingPlace.trim(),
        targetCategories: values.targetCategories,
        targetUnitIds: values.targetUnitIds,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error ?? elections.error} />
        {elections.data && events.length === 0 ? <Alert color="yellow">{t('campaigns.noElection')}</Alert> : null}
        <Select label={t('campaigns.event')} data={events} value={eventId} onChange={setEventId} required
          error={errors.eventId} disabled={elections.isPending} allowDeselect={false} />
        <CampaignFields values={values} onChange={(p) => setValues((v) => ({ ...v, ...p }))} errors={errors} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} disabled={!eventId || !campaignReady(values)}>
            {t('campaigns.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
