import { useState } from 'react';
import { Alert, Button, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSatgasDecrees, type SatgasDecreeT } from '../../api/satgas';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { DecreeCard } from './DecreeCard';
import { DecreeForm } from './DecreeForm';

/** Today as a calendar day in the browser's zone (the server decides on its own for cases). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const coversToday = (d: SatgasDecreeT) => d.isActive && !d.scopeUnitId && d.periodStart <= today() && d.periodEnd >= today();

/** /satgas (satgas.read): the Satgas decree in force with its members, other decrees; admins record and edit decrees. */
export default function SatgasPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const decrees = useSatgasDecrees();
  const [editing, setEditing] = useState<SatgasDecreeT | 'new' | null>(null);
  const items = decrees.data?.items ?? [];
  const active = items.find(coversToday) ?? null;
  const others = items.filter((d) => d !== active);
  const canWrite = can('satgas.write');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: 1, minWidth: 240 }}>
          <Title order={2} size="h3">{t('handling.satgas.title')}</Title>
          <Text size="sm" c="dimmed">{t('handling.satgas.intro')}</Text>
        </div>
        {canWrite ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('handling.satgas.add')}</Button> : null}
      </Group>
      <ErrorAlert error={decrees.error} />
      {decrees.isPending ? <PageLoader /> : null}
      {decrees.data && !active ? <Alert color="yellow" variant="light">{t('handling.satgas.noActive')}</Alert> : null}
      {active ? <DecreeCard decree={active} isActiveToday onEdit={canWrite ? () => setEditing(active) : undefined} /> : null}
      {others.length > 0 ? <Title order={3} size="h5">{t('handling.satgas.others')}</Title> : null}
      {others.map((d) => <DecreeCard key={d.id} decree={d} isActiveToday={false} onEdit={canWrite ? () => setEditing(d) : undefined} />)}
      {decrees.data && items.length === 0 ? <Text c="dimmed">{t('handling.satgas.empty')}</Text> : null}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size={isPhone ? '100%' : 'xl'}
        title={editing === 'new' ? t('handling.satgas.newTitle') : t('handling.satgas.editTitle')}>
        {editing ? (
          <DecreeForm
            key={editing === 'new' ? 'new' : editing.id}
            decree={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              notifySuccess(editing === 'new' ? t('handling.satgas.created') : t('handling.satgas.saved'));
              setEditing(null);
            }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
