import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseSettings } from '../../api/caseSettings';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { HolidaysPanel } from './HolidaysPanel';
import { SettingsForm } from './SettingsForm';

/** /pengaturan-penanganan (case.settings): step deadlines with reasons, escalation, letters, PPK, days off. */
export default function CaseSettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const settings = useCaseSettings();
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{t('handling.settings.title')}</Title>
        <Text size="sm" c="dimmed">{t('handling.settings.intro')}</Text>
      </div>
      <ErrorAlert error={settings.error} />
      {settings.isPending ? <PageLoader /> : null}
      {/* Remount after a save so the form starts from the saved values. */}
      {settings.data ? <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} /> : null}
      <HolidaysPanel canEdit={can('case.settings')} />
    </Stack>
  );
}
