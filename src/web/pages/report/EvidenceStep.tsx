import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_ACCEPT, FILE_LIMITS, megabytes } from './reportForm';
import { useFieldError, type StepProps } from './ErrorSummary';

/** Step 4: evidence files with their sizes; size and type are checked here, and again by the server. */
export function EvidenceStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation();
  const err = useFieldError(errors);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('reports.evidence.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('reports.evidence.hint', { files: FILE_LIMITS.files, perFile: megabytes(FILE_LIMITS.perFile), total: megabytes(FILE_LIMITS.total) })}
      </Text>
      <Text size="xs" c="dimmed">{t('reports.evidence.metadata')}</Text>
      <FileButton multiple accept={EVIDENCE_ACCEPT} onChange={(files) => set({ files: [...draft.files, ...files] })}>
        {(props) => (
          <Button {...props} id="evidence-files" variant="light" size="md" leftSection={<IconPaperclip size={18} />} style={{ alignSelf: 'flex-start' }}>
            {t('reports.evidence.pick')}
          </Button>
        )}
      </FileButton>
      {err('evidence-files') ? <Text c="red" size="sm">{err('evidence-files')}</Text> : null}
      {draft.files.length === 0 ? <Text size="sm" c="dimmed">{t('reports.evidence.none')}</Text> : null}
      {draft.files.map((file, i) => (
        <Paper key={`${file.name}-${i}`} withBorder p="xs" radius="md" id={`file-${i}`} tabIndex={-1}>
          <Group justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" truncate>{file.name}</Text>
              <Text size="xs" c={err(`file-${i}`) ? 'red' : 'dimmed'}>{err(`file-${i}`) ?? `${file.type || '?'} · ${megabytes(file.size)}`}</Text>
            </div>
            <ActionIcon size={42} variant="subtle" color="red" aria-label={t('reports.evidence.remove', { name: file.name })} onClick={() => set({ files: draft.files.filter((_, j) => j !== i) })}>
              <IconTrash size={20} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
