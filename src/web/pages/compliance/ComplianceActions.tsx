import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconBell, IconFileSpreadsheet, IconFileTypePdf, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { complianceExportUrl, useRunReminders } from '../../api/compliance';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { useAuth } from '../../components/auth';

interface Props {
  campaignId: string;
  /** Exports cover this unit's subtree when one is selected, otherwise the whole scope. */
  unitId: string | null;
  unitName: string | null;
  /** Who a reminder run can reach, from the tree on screen: employees yet to sign, units late. */
  reach: { unsigned: number; lateUnits: number };
}

/** Exports (XLSX, signatures, recap PDF) and, for BKPSDM, sending today's reminders by hand. */
export function ComplianceActions({ campaignId, unitId, unitName, reach }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const remind = useRunReminders(campaignId);
  const [confirming, setConfirming] = useState(false);
  const link = (file: 'compliance.xlsx' | 'signatures.xlsx' | 'recap.pdf') => complianceExportUrl(campaignId, file, unitId);

  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="wrap">
        <Button component="a" href={link('compliance.xlsx')} download variant="light" size="sm"
          leftSection={<IconFileSpreadsheet size={16} />}>
          {t('compliance.exportXlsx')}
        </Button>
        <Button component="a" href={link('signatures.xlsx')} download variant="light" size="sm"
          leftSection={<IconSignature size={16} />}>
          {t('compliance.exportSignatures')}
        </Button>
        <Button component="a" href={link('recap.pdf')} download variant="light" size="sm"
          leftSection={<IconFileTypePdf size={16} />}>
          {t('compliance.recapPdf')}
        </Button>
        {can('compliance.remind') ? (
          <Button variant="filled" color="orange" size="sm" leftSection={<IconBell size={16} />}
            onClick={() => { remind.reset(); setConfirming(true); }} loading={remind.isPending}>
            {t('compliance.remind')}
          </Button>
        ) : null}
      </Group>
      {unitName ? <Text size="xs" c="dimmed">{t('compliance.exportScope', { unit: unitName })}</Text> : null}
      <ErrorAlert error={remind.error} />
      {remind.data ? (
        <Alert color="teal" variant="light" withCloseButton onClose={() => remind.reset()} data-testid="reminder-result">
          {t('compliance.remindDone', {
            date: formatDate(remind.data.sentOn),
            sign: remind.data.signSent,
            apel: remind.data.apelSent,
            already: remind.data.alreadyReminded,
            noEmail: remind.data.withoutEmail,
          })}
        </Alert>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('compliance.remind')} centered>
        <Text size="sm" fw={500}>{t('compliance.remindReach', { unsigned: reach.unsigned.toLocaleString('id-ID'), late: reach.lateUnits.toLocaleString('id-ID') })}</Text>
        <Text size="sm">{t('compliance.remindConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button color="orange" onClick={() => { setConfirming(false); remind.mutate(); }} data-autofocus>
            {t('compliance.remind')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
