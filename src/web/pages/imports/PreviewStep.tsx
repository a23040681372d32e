import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, List, Progress, SimpleGrid, Spoiler, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRunning, useCommitImport } from '../../api/imports';
import type { ImportViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../components/format';
import { notifyError } from '../../components/notify';
import { IssuesTable } from './IssuesTable';

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card padding="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fz="xl" fw={700} c={color}>{formatNumber(value)}</Text>
    </Card>
  );
}

interface Props {
  view: ImportViewT;
  onEditMapping: () => void;
  onRestart: () => void;
}

export function PreviewStep({ view, onEditMapping, onRestart }: Props) {
  const { t } = useTranslation();
  const commit = useCommitImport(view.id);
  const [createMissingUnits, setCreateMissingUnits] = useState(false);
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const [deactivateMissing, setDeactivateMissing] = useState(false);

  if (isRunning(view.status)) {
    return (
      <Stack gap="xs" role="status" aria-live="polite">
        <Text size="sm">{t('imports.processing', { processed: formatNumber(view.processedRows), total: formatNumber(view.totalRows) })}</Text>
        <Progress value={view.progress} animated size="lg" aria-label={t('imports.stepPreview')} />
      </Stack>
    );
  }

  const submit = () =>
    commit.mutate({ createMissingUnits, skipInvalidRows, deactivateMissing }, { onError: (err) => notifyError(err) });

  return (
    <Stack gap="md">
      {view.status === 'failed' ? (
        <Alert color="red" title={t('imports.failed')}>{view.failureMessage ?? t('errors.unknown')}</Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Count label={t('imports.totalRows')} value={view.totalRows} />
        <Count label={t('imports.validRows')} value={view.validRows} color="teal" />
        <Count label={t('imports.errorRows')} value={view.errorRows} color={view.errorRows ? 'red' : undefined} />
        <Count label={t('imports.warningRows')} value={view.warningRows} color={view.warningRows ? 'yellow.8' : undefined} />
      </SimpleGrid>
      {view.unknownUnits.length > 0 ? (
        <Alert color="yellow" variant="light" title={t('imports.unknownUnits', { count: view.unknownUnits.length })}>
          <Spoiler maxHeight={120} showLabel="+" hideLabel="−">
            <List size="sm" data-testid="import-unknown-units">
              {view.unknownUnits.map((u) => <List.Item key={u}>{u}</List.Item>)}
            </List>
          </Spoiler>
        </Alert>
      ) : null}
      <IssuesTable importId={view.id} />
      {view.status === 'validated' ? (
        <Card>
          <Stack gap="sm">
            <Checkbox label={t('imports.createMissingUnits')} checked={createMissingUnits}
              onChange={(e) => setCreateMissingUnits(e.currentTarget.checked)} />
            <Checkbox label={t('imports.skipInvalidRows')} checked={skipInvalidRows}
              onChange={(e) => setSkipInvalidRows(e.currentTarget.checked)} />
            <Checkbox label={t('imports.deactivateMissing')} checked={deactivateMissing}
              onChange={(e) => setDeactivateMissing(e.currentTarget.checked)} color="orange" />
            <ErrorAlert error={commit.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={onEditMapping}>{t('imports.editMapping')}</Button>
              <Button onClick={submit} loading={commit.isPending}>{t('imports.commit')}</Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <Group justify="space-between">
          <Button variant="default" onClick={onEditMapping}>{t('imports.editMapping')}</Button>
          <Button variant="light" onClick={onRestart}>{t('imports.again')}</Button>
        </Group>
      )}
    </Stack>
  );
}
