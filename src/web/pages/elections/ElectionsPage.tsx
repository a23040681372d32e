import { useState } from 'react';
import { Badge, Button, Card, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useElections } from '../../api/campaigns';
import type { ElectionViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { useEnumLabel } from '../../components/labels';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { ElectionCreateForm } from './ElectionCreateForm';

function ElectionCard({ e }: { e: ElectionViewT }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Card>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start" mb="xs">
        <Text fw={600} style={{ minWidth: 0 }}>{e.name}</Text>
        <Badge variant="light" style={{ flexShrink: 0 }}>{label('electionKind', e.kind)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t('elections.stages')}</Text>
          <Stack gap={4}>
            {e.stages.map((s, i) => (
              <Group key={i} justify="space-between" gap={4} wrap="wrap">
                <Text size="sm">{label('stageKind', s.kind)}</Text>
                <Text size="sm" c="dimmed">{formatDate(s.startsOn)}{s.endsOn ? ` – ${formatDate(s.endsOn)}` : ''}</Text>
              </Group>
            ))}
          </Stack>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>{t('elections.contests')}</Text>
          <Stack gap={6}>
            {e.contests.map((c) => (
              <div key={c.id}>
                <Text size="sm" fw={500}>{c.name}</Text>
                <Text size="xs" c="dimmed">
                  {label('contestKind', c.kind)} · {t('elections.penetapanCalonOn')}: {formatDate(c.penetapanCalonOn)}
                </Text>
              </div>
            ))}
          </Stack>
        </div>
      </SimpleGrid>
    </Card>
  );
}

/** /pemilihan (election.read): elections with stages and contests; create with election.write. */
export default function ElectionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const elections = useElections();
  const [adding, setAdding] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const items = elections.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="xs">
        <div>
          <Title order={2} size="h3">{t('elections.title')}</Title>
          <Text size="sm" c="dimmed">{t('elections.intro')}</Text>
        </div>
        {can('election.write') ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('elections.add')}</Button>
        ) : null}
      </Group>
      <ErrorAlert error={elections.error} />
      {elections.isPending ? <PageLoader /> : null}
      {elections.data && items.length === 0 ? <Text c="dimmed">{t('elections.empty')}</Text> : null}
      {items.map((e) => <ElectionCard key={e.id} e={e} />)}
      <Drawer opened={adding} onClose={() => setAdding(false)} position="right" size={isPhone ? '100%' : 'xl'} title={t('elections.add')}>
        {adding ? (
          <ElectionCreateForm
            onCancel={() => setAdding(false)}
            onCreated={(e) => { notifySuccess(t('elections.created', { name: e.name })); setAdding(false); }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
