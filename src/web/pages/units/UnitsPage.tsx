import { useMemo, useRef, useState } from 'react';
import { Badge, Button, Card, Grid, Group, Modal, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, useUnits } from '../../api/units';
import type { UnitViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/labels';
import { PageLoader } from '../../components/PageLoader';
import { UnitForm } from './UnitForm';
import { UnitTreeView } from './UnitTreeView';

export default function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const detailRef = useRef<HTMLDivElement>(null);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const selectedId = params.get('unit');

  const items = useMemo(() => units.data?.items ?? [], [units.data]);
  const roots = useMemo(() => buildUnitTree(items), [items]);
  const byId = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const selected: UnitViewT | undefined = selectedId ? byId.get(selectedId) : undefined;
  const canWrite = can('unit.write');

  const select = (id: string) => {
    setParams((p) => { const n = new URLSearchParams(p); n.set('unit', id); return n; }, { replace: true });
    if (isPhone) setTimeout(() => detailRef.current?.scrollIntoView({ behavior: 'smooth' }), 50);
  };

  if (units.isPending) return <PageLoader />;

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('units.title')}
      </Title>
      <ErrorAlert error={units.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
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
              <ScrollArea.Autosize mah={{ base: 420, md: 'calc(100vh - 240px)' } as never} type="auto">
                <UnitTreeView roots={roots} byId={byId} filter={filter} selectedId={selectedId} onSelect={select} />
              </ScrollArea.Autosize>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} ref={detailRef}>
          <Card>
            {!selected ? (
              <Text c="dimmed">{t('units.select')}</Text>
            ) : (
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div>
                    <Text size="xs" c="dimmed">{t('units.detail')}</Text>
                    <Title order={3} size="h4">{selected.name}</Title>
                  </div>
                  <Badge variant="light">{label('unitType', selected.unitType)}</Badge>
                </Group>
                <Text size="sm">
                  {t('units.head')}: {selected.headName ?? t('units.noHead')} ·{' '}
                  {t('units.employeeCount', { count: selected.employeeCount })}
                </Text>
                <Group gap="xs">
                  {can('employee.read') ? (
                    <Button component={Link} to={`/employees?unitId=${selected.id}`} variant="light" size="xs"
                      leftSection={<IconUsers size={14} />}>
                      {t('units.viewEmployees')}
                    </Button>
                  ) : null}
                  {canWrite ? (
                    <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
                      {t('units.addChild')}
                    </Button>
                  ) : null}
                </Group>
                {canWrite ? <UnitForm key={selected.id + (units.dataUpdatedAt ?? 0)} mode="edit" unit={selected} units={items} /> : null}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
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
            onDone={(u) => { setCreating(false); select(u.id); }}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
