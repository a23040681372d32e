import { useState } from 'react';
import { Card, FileInput, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useVerifyPdf } from '../../api/pledges';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { VerifyResult } from './VerifyResult';

/** "Periksa berkas PDF": uploads the file (CSRF token from the anonymous session) and shows the result. */
export function VerifyUpload() {
  const { t } = useTranslation();
  const session = useSession(); // sets the CSRF token the upload needs
  const check = useVerifyPdf();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);

  const onFile = (picked: File | null) => {
    setFile(picked);
    check.reset();
    if (!picked) return;
    setPercent(0);
    check.mutate({ file: picked, onProgress: setPercent });
  };

  return (
    <Card>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('verify.uploadTitle')}</Title>
        <Text size="sm" c="dimmed">{t('verify.uploadHint')}</Text>
        <FileInput
          label={t('verify.file')}
          accept="application/pdf,.pdf"
          value={file}
          onChange={onFile}
          clearable
          leftSection={<IconFileTypePdf size={18} />}
          disabled={session.isPending || check.isPending}
        />
        {check.isPending ? (
          <Stack gap={4}>
            <Text size="xs">{t('verify.checking', { percent })}</Text>
            <Progress value={percent} size="sm" animated />
          </Stack>
        ) : null}
        <ErrorAlert error={check.error} />
        {check.data && file ? (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">{t('verify.uploadResult', { name: file.name })}</Text>
            <VerifyResult result={check.data} />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
