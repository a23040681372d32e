import { useState, type FormEvent } from 'react';
import { Button, Card, FileInput, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRecordPaperSignature } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

const today = () => new Date().toLocaleDateString('sv-SE');

/** "Catat tanda tangan kertas": employee, date and the scan (multipart POST …/paper-signatures). */
export function PaperSignatureForm({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const record = useRecordPaperSignature(campaignId);
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [signedOn, setSignedOn] = useState(today);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const errors = fieldErrors(record.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!employeeId || !file) return;
    setPercent(0);
    record.mutate({ employeeId, signedOn, file, onProgress: setPercent }, {
      onSuccess: (s) => {
        notifySuccess(t('campaigns.recorded', { name: s.identity.nama ?? '' }));
        setEmployeeId(null);
        setFile(null);
      },
    });
  };

  return (
    <Card maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('campaigns.paperHint')}</Text>
          <ErrorAlert error={record.error} />
          <EmployeePicker label={t('campaigns.employee')} value={employeeId} onChange={setEmployeeId} />
          <TextInput type="date" label={t('campaigns.signedOn')} value={signedOn} max={today()} required
            error={errors.signedOn} onChange={(e) => setSignedOn(e.currentTarget.value)} />
          <FileInput label={t('campaigns.scan')} accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            value={file} onChange={setFile} clearable required error={errors.file} leftSection={<IconUpload size={16} />} />
          {record.isPending ? <Progress value={percent} size="sm" animated /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} disabled={!employeeId || !file || !signedOn}>
              {t('campaigns.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
