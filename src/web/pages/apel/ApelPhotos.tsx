import { useState } from 'react';
import { ActionIcon, Anchor, Box, Group, Image, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { IconPhoto, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useRemoveApelPhoto, useUploadApelPhoto } from '../../api/apel';
import type { ApelViewT } from '../../api/types';
import { notifyError } from '../../components/notify';
import { ApelErrorAlert } from './ApelErrorAlert';

/** Mirrors APEL_PHOTO_MAX_BYTES / APEL_PHOTO_MAX_COUNT of the contract (the server enforces them). */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 10;
const ACCEPT = { 'image/jpeg': ['.jpg', '.jpeg'], 'image/png': ['.png'] };

/** Photos of the apel: Dropzone (several at once, uploaded one by one), thumbnails, remove. */
export function ApelPhotos({ report }: { report: ApelViewT }) {
  const { t } = useTranslation();
  const upload = useUploadApelPhoto(report.id);
  const remove = useRemoveApelPhoto(report.id);
  const [progress, setProgress] = useState<{ done: number; of: number; percent: number } | null>(null);
  const room = PHOTO_MAX_COUNT - report.photos.length;
  const editable = report.can.edit;

  const onDrop = async (files: File[]) => {
    const batch = files.slice(0, Math.max(0, room));
    if (files.length > batch.length) notifyError(new Error(t('apel.photoLimit', { max: PHOTO_MAX_COUNT })));
    upload.reset();
    for (let i = 0; i < batch.length; i++) {
      setProgress({ done: i, of: batch.length, percent: 0 });
      try {
        await upload.mutateAsync({
          file: batch[i]!,
          onProgress: (percent) => setProgress({ done: i, of: batch.length, percent }),
        });
      } catch {
        break; // the error is shown below the dropzone
      }
    }
    setProgress(null);
  };

  return (
    <Stack gap="sm">
      {report.photos.length === 0 && !editable ? <Text size="sm" c="dimmed">{t('apel.noPhotos')}</Text> : null}
      {report.photos.length > 0 ? (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="xs" data-testid="apel-photos">
          {report.photos.map((p, i) => (
            <Box key={p.fileId} pos="relative" data-file-id={p.fileId}>
              <Anchor href={p.url} target="_blank" rel="noopener" display="block">
                <Image src={p.url} alt={t('apel.photoAlt', { n: i + 1 })} h={110} radius="sm" fit="cover" loading="lazy" />
              </Anchor>
              {editable ? (
                <ActionIcon pos="absolute" top={4} right={4} color="red" variant="filled" size="md"
                  aria-label={`${t('apel.removePhoto')} ${i + 1}`} loading={remove.isPending && remove.variables === p.fileId}
                  onClick={() => remove.mutate(p.fileId, { onError: notifyError })}>
                  <IconTrash size={16} />
                </ActionIcon>
              ) : null}
            </Box>
          ))}
        </SimpleGrid>
      ) : null}
      {editable ? (
        <>
          <Dropzone
            onDrop={(files) => void onDrop(files)}
            onReject={() => notifyError(new Error(t('apel.photoRejected')))}
            accept={ACCEPT}
            maxSize={PHOTO_MAX_BYTES}
            multiple
            disabled={room <= 0}
            loading={progress !== null}
            inputProps={{ 'aria-label': t('apel.photoInput') }}
          >
            <Group justify="center" gap="md" mih={90} style={{ pointerEvents: 'none' }} wrap="nowrap">
              <Dropzone.Accept><IconUpload size={36} color="var(--mantine-color-teal-6)" /></Dropzone.Accept>
              <Dropzone.Reject><IconX size={36} color="var(--mantine-color-red-6)" /></Dropzone.Reject>
              <Dropzone.Idle><IconPhoto size={36} color="var(--mantine-color-dimmed)" /></Dropzone.Idle>
              <div>
                <Text size="sm" fw={500}>{room > 0 ? t('apel.dropTitle') : t('apel.photoLimit', { max: PHOTO_MAX_COUNT })}</Text>
                <Text size="xs" c="dimmed">{t('apel.photosHint')}</Text>
              </div>
            </Group>
          </Dropzone>
          {progress ? (
            <Stack gap={4}>
              <Text size="sm">{t('apel.uploading', { percent: progress.percent })} ({progress.done + 1}/{progress.of})</Text>
              <Progress value={progress.percent} animated />
            </Stack>
          ) : null}
          <ApelErrorAlert error={upload.error} />
        </>
      ) : null}
    </Stack>
  );
}
