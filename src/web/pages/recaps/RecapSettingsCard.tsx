import { useEffect, useState } from 'react';
import { Button, Card, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/fieldErrors';
import { useRecapSettings, useSaveRecapSettings } from '../../api/recaps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/** The weekly schedule and who is told (BKPSDM admin). */
export function RecapSettingsCard() {
  const { t } = useTranslation();
  const settings = useRecapSettings();
  const save = useSaveRecapSettings();
  const [weekly, setWeekly] = useState(true);
  const [recipients, setRecipients] = useState('');
  useEffect(() => {
    if (!settings.data) return;
    setWeekly(settings.data.weeklyEnabled);
    setRecipients(settings.data.recipients.join('\n'));
  }, [settings.data]);
  const errors = fieldErrors(save.error);
  const recipientError = Object.entries(errors).find(([k]) => k.startsWith('recipients'))?.[1];

  const submit = async () => {
    await save.mutateAsync({ weeklyEnabled: weekly, recipients: recipients.split(/[\s,;]+/).map((r) => r.trim()).filter(Boolean) });
    notifySuccess(t('recaps.saved'));
  };
  return (
    <Card>
      <Stack gap="sm">
        <Title order={3} size="h4">{t('recaps.settings')}</Title>
        <Switch checked={weekly} onChange={(e) => setWeekly(e.currentTarget.checked)} label={t('recaps.weekly')} description={t('recaps.weeklyHint')} />
        <Textarea label={t('recaps.recipients')} description={t('recaps.recipientsHint')} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} autosize minRows={2} error={recipientError} />
        {save.error && !recipientError ? <ErrorAlert error={save.error} /> : null}
        <div>
          <Button variant="light" onClick={() => void submit().catch(() => undefined)} loading={save.isPending}>{t('recaps.save')}</Button>
        </div>
        {settings.error ? <Text c="red" size="sm">{String(settings.error)}</Text> : null}
      </Stack>
    </Card>
  );
}
