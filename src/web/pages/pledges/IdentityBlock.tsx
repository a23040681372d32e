import { useState, type FormEvent } from 'react';
import { Anchor, Button, Collapse, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useReportCorrection } from '../../api/pledges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

const FIELDS = ['nama', 'nomorIdentitas', 'pangkatGolongan', 'jabatan', 'unitKerja'] as const;

function CorrectionForm({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const report = useReportCorrection(campaignId);
  const [message, setMessage] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate(message.trim(), {
      onSuccess: () => { notifySuccess(t('pledges.correctionSent')); setMessage(''); onDone(); },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="xs">
        <Text size="xs" c="dimmed">{t('pledges.correctionHint')}</Text>
        <ErrorAlert error={report.error} />
        <Textarea label={t('pledges.correctionMessage')} value={message} autosize minRows={2} maxLength={1000}
          onChange={(e) => setMessage(e.currentTarget.value)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" size="xs" loading={report.isPending} disabled={message.trim().length < 5}>
            {t('pledges.correctionSend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The signer's identity as the master data holds it, with "Data saya salah" to report a mistake. */
export function IdentityBlock({ identity, campaignId }: { identity: Record<string, string>; campaignId: string }) {
  const { t } = useTranslation();
  const [reporting, setReporting] = useState(false);
  const label = (key: (typeof FIELDS)[number]) =>
    key === 'nomorIdentitas' ? (identity.labelNomor ?? 'NIP/NI PPPK/NIK') : t(`pledges.identity.${key}`);
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Text size="sm" mb={6}>{t('pledges.identityTitle')}</Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} verticalSpacing={6} component="dl" m={0} data-testid="identity-block">
        {FIELDS.map((key) => (
          <div key={key}>
            <Text component="dt" size="xs" c="dimmed">{label(key)}</Text>
            <Text component="dd" size="sm" fw={500} m={0} style={{ wordBreak: 'break-word' }}>{identity[key] ?? '—'}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Anchor component="button" type="button" size="sm" mt="xs" c="orange.8" onClick={() => setReporting((v) => !v)}
        aria-expanded={reporting}>
        <Group gap={4} component="span"><IconAlertTriangle size={14} />{t('pledges.wrongData')}</Group>
      </Anchor>
      <Collapse expanded={reporting}>
        {reporting ? <CorrectionForm campaignId={campaignId} onDone={() => setReporting(false)} /> : null}
      </Collapse>
    </Paper>
  );
}
