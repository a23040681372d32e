import { useState } from 'react';
import { Button, Drawer, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEmployee } from '../../api/employees';
import type { EmployeeViewT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { EmployeeFields } from '../../components/EmployeeFields';
import { EmployeeEditForm } from './EmployeeEditForm';

/** Detail drawer: all fields, warnings, and the edit form for employee.write. */
export function EmployeeDrawer({ employee, onClose }: { employee: EmployeeViewT | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const isPhone = useMediaQuery('(max-width: 48em)');
  const fresh = useEmployee(employee?.id);
  const current = fresh.data ?? employee;

  const close = () => { setEditing(false); onClose(); };

  return (
    <Drawer
      opened={employee !== null}
      onClose={close}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={current?.name ?? t('employees.detail')}
    >
      {current ? (
        <Stack gap="md">
          {editing ? (
            <EmployeeEditForm key={current.id} employee={current} onDone={() => setEditing(false)} />
          ) : (
            <>
              <EmployeeFields employee={current} />
              {can('employee.write') ? (
                <Group justify="flex-end">
                  <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                    {t('employees.edit')}
                  </Button>
                </Group>
              ) : null}
            </>
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}
