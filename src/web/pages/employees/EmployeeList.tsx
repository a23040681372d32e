import { Badge, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EmployeeViewT } from '../../api/types';
import { useEnumLabel } from '../../components/labels';

interface Props {
  items: EmployeeViewT[];
  onOpen: (employee: EmployeeViewT) => void;
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={active ? 'teal' : 'gray'} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {active ? t('common.active') : t('common.inactive')}
    </Badge>
  );
}

/** Table on wide screens, cards on phones. */
export function EmployeeList({ items, onOpen }: Props) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  if (items.length === 0) {
    return (
      <Text c="dimmed" data-testid="employee-list" py="md">
        {t('employees.empty')}
      </Text>
    );
  }

  if (!wide) {
    return (
      <Stack gap="xs" data-testid="employee-list">
        {items.map((e) => (
          <UnstyledButton key={e.id} onClick={() => onOpen(e)} data-employee-id={e.id}>
            <Card padding="sm">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text fw={600} size="sm" truncate title={e.name} style={{ minWidth: 0 }}>
                  {e.name}
                </Text>
                <StatusBadge active={e.isActive} />
              </Group>
              <Text size="xs" ff="monospace" c="dimmed">
                {e.idNumber}
              </Text>
              <Text size="xs">{e.jabatanName ?? label('jabatanClass', e.jabatanClass)}</Text>
              <Group gap={4} mt={4}>
                <Badge size="xs" variant="outline">
                  {label('category', e.category)}
                </Badge>
                <Text size="xs" c="dimmed" truncate>
                  {e.unitName}
                </Text>
                {e.dataWarnings.length ? <IconAlertTriangle size={14} color="var(--mantine-color-yellow-7)" /> : null}
              </Group>
            </Card>
          </UnstyledButton>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover striped verticalSpacing="xs" data-testid="employee-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('employees.idNumber')}</Table.Th>
            <Table.Th>{t('employees.name')}</Table.Th>
            <Table.Th>{t('employees.category')}</Table.Th>
            <Table.Th>{t('employees.jabatanName')}</Table.Th>
            <Table.Th>{t('employees.unit')}</Table.Th>
            <Table.Th>{t('employees.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr
              key={e.id}
              onClick={() => onOpen(e)}
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onKeyDown={(ev) => { if (ev.key === 'Enter') onOpen(e); }}
              data-employee-id={e.id}
            >
              <Table.Td ff="monospace" fz="xs">{e.idNumber}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm">{e.name}</Text>
                  {e.dataWarnings.length ? <IconAlertTriangle size={14} color="var(--mantine-color-yellow-7)" /> : null}
                </Group>
              </Table.Td>
              <Table.Td>{label('category', e.category)}</Table.Td>
              <Table.Td>{e.jabatanName ?? label('jabatanClass', e.jabatanClass)}</Table.Td>
              <Table.Td>{e.unitName}</Table.Td>
              <Table.Td w={1}><StatusBadge active={e.isActive} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
