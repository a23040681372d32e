import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportViewT } from '../../api/types';
import { formatNumber } from '../../components/format';

export function DoneStep({ view, onRestart }: { view: ImportViewT; onRestart: () => void }) {
  const { t } = useTranslation();
  const s = view.summary;
  const rows: [string, number][] = s
    ? [
        [t('imports.inserted'), s.inserted],
        [t('imports.updated'), s.updated],
        [t('imports.unchanged'), s.unchanged],
        [t('imports.deactivated'), s.deactivated],
        [t('imports.unitsCreated'), s.unitsCreated],
      ]
    : [];
  return (
    <Stack gap="md">
      <Text fw={600}>{t('imports.summary')}</Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" data-testid="import-summary">
        {rows.map(([label, value]) => (
          <Card key={label} padding="sm">
            <Text size="xs" c="dimmed">{label}</Text>
            <Text fz="xl" fw={700}>{formatNumber(value)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group justify="space-between">
        <Button component={Link} to="/employees" leftSection={<IconUsers size={16} />}>
          {t('imports.toEmployees')}
        </Button>
        <Button variant="default" onClick={onRestart}>{t('imports.again')}</Button>
      </Group>
    </Stack>
  );
}
