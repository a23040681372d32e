import { useState, type FormEvent } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateCampaign } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import type { CampaignViewT } from '../../api/types';
import type { EmployeeCategory } from '../../../shared/enums.js';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { CampaignFields, campaignReady, type CampaignFormValues } from './CampaignFields';

const valuesOf = (c: CampaignViewT): CampaignFormValues => ({
  name: c.name,
  signDeadline: c.signDeadline,
  apelReportDeadline: c.apelReportDeadline ?? '',
  signingPlace: c.signingPlace,
  targetCategories: c.targetCategories as EmployeeCategory[],
  targetUnitIds: c.targetUnitIds,
});

/** Campaign settings (PATCH /api/campaigns/:id); read-only without campaign.write. */
export function CampaignSettingsForm({ campaign, canWrite }: { campaign: CampaignViewT; canWrite: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCampaign(campaign.id);
  const [values, setValues] = useState(() => valuesOf(campaign));
  const errors = fieldErrors(update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: values.name.trim(),
        signDeadline: values.signDeadline,
        apelReportDeadline: values.apelReportDeadline || null,
        signingPlace: values.signingPlace.trim(),
        targetCategories: values.targetCategories,
        targetUnitIds: values.targetUnitIds,
      },
      { onSuccess: () => notifySuccess(t('common.saved')) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        <ErrorAlert error={update.error} />
        <CampaignFields values={values} onChange={(p) => setValues((v) => ({ ...v, ...p }))} errors={errors} disabled={!canWrite} />
        {canWrite ? (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!campaignReady(values)}>{t('common.save')}</Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
