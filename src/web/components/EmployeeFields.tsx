import { Alert, Badge, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EmployeeViewT } from '../api/types';
import { formatDate } from './format';
import { useEnumLabel } from './labels';

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
        {value ?? '—'}
      </Text>
    </div>
  );
}

/** Read-only view of every field of an employee, with data warnings. */
export function EmployeeFields({ employee }: { employee: EmployeeViewT }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Stack gap="md">
      {employee.dataWarnings.length > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('employees.warnings')}>
          <List size="sm">
            {employee.dataWarnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Field label={t('employees.name')} value={employee.name} />
        <Field
          label={label('idType', employee.idType)}
          value={<span style={{ fontFamily: 'monospace' }}>{employee.idNumber}</span>}
        />
        <Field label={t('employees.category')} value={label('category', employee.category)} />
        <Field
          label={t('employees.status')}
          value={
            <Badge color={employee.isActive ? 'teal' : 'gray'} variant="light">
              {employee.isActive ? t('common.active') : t('common.inactive')}
            </Badge>
          }
        />
        <Field label={t('employees.unit')} value={employee.unitName} />
        <Field label={t('employees.jabatanName')} value={employee.jabatanName} />
        <Field label={t('employees.jabatanClass')} value={label('jabatanClass', employee.jabatanClass)} />
        <Field
          label={t('employees.golongan')}
          value={employee.golongan ? `${employee.golongan}${employee.pangkat ? ` (${employee.pangkat})` : ''}` : null}
        />
        <Field label={t('employees.sex')} value={employee.sex ? label('sex', employee.sex) : null} />
        <Field label={t('employees.birthDate')} value={employee.birthDate ? formatDate(employee.birthDate) : null} />
        <Field label={t('employees.email')} value={employee.email} />
        <Field label={t('employees.phone')} value={employee.phone} />
      </SimpleGrid>
    </Stack>
  );
}
