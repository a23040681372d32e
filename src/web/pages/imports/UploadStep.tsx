import { useState } from 'react';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUploadImport } from '../../api/imports';
import type { ImportViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';

const ACCEPT = {
  'text/csv': ['.csv'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

export function UploadStep({ onUploaded }: { onUploaded: (view: ImportViewT) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const [progress, setProgress] = useState(0);

  const onDrop = (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setProgress(0);
    upload.mutate({ file, onProgress: setProgress }, { onSuccess: onUploaded });
  };

  return (
    <Stack gap="sm">
      <ErrorAlert error={upload.error} />
      <Dropzone
        onDrop={onDrop}
        onReject={() => notifyError(new Error(t('imports.rejected')))}
        accept={ACCEPT}
        multiple={false}
        maxSize={100 * 1024 * 1024}
        loading={upload.isPending}
        inputProps={{ 'aria-label': t('imports.fileInput') }}
      >
        <Group justify="center" gap="md" mih={160} style={{ pointerEvents: 'none' }} wrap="nowrap">
          <Dropzone.Accept>
            <IconUpload size={44} color="var(--mantine-color-teal-6)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={44} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={44} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <div>
            <Text size="md" fw={500}>
              {t('imports.dropTitle')}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {t('imports.dropHint')}
            </Text>
          </div>
        </Group>
      </Dropzone>
      {upload.isPending ? (
        <Stack gap={4}>
          <Text size="sm">{t('imports.uploading', { percent: progress })}</Text>
          <Progress value={progress} animated />
        </Stack>
      ) : null}
    </Stack>
  );
}
