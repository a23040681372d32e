import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { useEnumLabel } from '../../components/labels';
import { UnitForm } from './UnitForm';

interface Props {
  unit: UnitViewT;
  units: UnitViewT[];
  /** Changes whenever the unit list is re-fetched, to reset the edit form. */
  version: number;
  onAddChild: () => void;
  /** Hide the heading (when a Drawer title already shows the name). */
  compactHeader?: boolean;
}

/** Details of one unit, shortcuts, and the edit form for unit.write. */
export function UnitDetail({ unit, units, version, onAddChild, compactHeader }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const canWrite = can('unit.write');
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {compactHeader ? null : (
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">{t('units.detail')}</Text>
            <Title order={3} size="h4" style={{ wordBreak: 'break-word' }}>{unit.name}</Title>
          </div>
        )}
        <Badge variant="light" style={{ flexShrink: 0 }}>{label('unitType', unit.unitType)}</Badge>
      </Group>
      <Text size="sm">
        {t('units.head')}: {unit.headName ?? t('units.noHead')} · {t('units.employeeCount', { count: unit.employeeCount })}
      </Text>
      <Group gap="xs">
        {can('employee.read') ? (
          <Button component={Link} to={`/employees?unitId=${unit.id}`} variant="light" size="xs"
            leftSection={<IconUsers size={14} />}>
            {t('units.viewEmployees')}
          </Button>
        ) : null}
        {canWrite ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAddChild}>
            {t('units.addChild')}
          </Button>
        ) : null}
      </Group>
      {canWrite ? <UnitForm key={unit.id + version} mode="edit" unit={unit} units={units} /> : null}
    </Stack>
  );
}
