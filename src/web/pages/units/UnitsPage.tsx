import { useMemo, useState } from 'react';
import { Box, Card, Drawer, Grid, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, useUnits } from '../../api/units';
import type { UnitViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { UnitDetail } from './UnitDetail';
import { UnitForm } from './UnitForm';
import { UnitTreeView } from './UnitTreeView';

/** Unit tree (7/12) with the selected unit's details (5/12); on phones the details open in a Drawer. */
export default function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const selectedId = params.get('unit');

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const roots = useMemo(() => buildUnitTree(items), [items]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const selected: UnitViewT | undefined = selectedId ? byId.get(selectedId) : undefined;

  const setSelected = (id: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (id) n.set('unit', id);
      else n.delete('unit');
      return n;
    }, { replace: true });

  if (units.isPending) return <PageLoader />;

  const detail = selected ? (
    <UnitDetail
      unit={selected}
      units={items}
      version={units.dataUpdatedAt ?? 0}
      onAddChild={() => setCreating(true)}
      compactHeader={isPhone}
    />
  ) : null;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('units.title')}
      </Title>
      <ErrorAlert error={units.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card p="sm">
            <TextInput
              label={t('units.filter')}
              leftSection={<IconSearch size={16} />}
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
              mb="sm"
            />
            {items.length === 0 ? (
              <Text c="dimmed">{t('units.empty')}</Text>
            ) : (
              <Box mah={{ base: 'none', md: 'calc(100dvh - 250px)' }} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
                <UnitTreeView roots={roots} byId={byId} filter={filter} selectedId={selectedId} onSelect={setSelected} />
              </Box>
            )}
          </Card>
        </Grid.Col>
        {isPhone ? null : (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card pos="sticky" top={76}>
              {detail ?? <Text c="dimmed">{t('units.select')}</Text>}
            </Card>
          </Grid.Col>
        )}
      </Grid>
      {isPhone ? (
        <Drawer
          opened={Boolean(selected)}
          onClose={() => setSelected(null)}
          position="bottom"
          size="90%"
          title={<Text fw={600} style={{ wordBreak: 'break-word' }}>{selected?.name}</Text>}
        >
          {detail}
        </Drawer>
      ) : null}
      <Modal
        opened={creating && !!selected}
        onClose={() => setCreating(false)}
        title={t('units.newUnitTitle', { parent: selected?.name ?? '' })}
        fullScreen={isPhone}
      >
        {selected ? (
          <UnitForm
            mode="create"
            parentId={selected.id}
            units={items}
            onCancel={() => setCreating(false)}
            onDone={(u) => { setCreating(false); setSelected(u.id); }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
