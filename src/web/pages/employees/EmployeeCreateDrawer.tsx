import { useEffect, useRef, useState } from 'react';
import { Button, Drawer, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EmployeeViewT } from '../../api/types';
import { EmployeeFields } from '../../components/EmployeeFields';
import { EmployeeCreateForm } from './EmployeeCreateForm';

interface Props {
  opened: boolean;
  onClose: () => void;
  initialUnitId?: string;
}

/**
 * Drawer with the new-employee form. Without data warnings it closes on success; with warnings it
 * stays open and shows the saved record with the yellow warning list, so the admin can check it.
 */
export function EmployeeCreateDrawer({ opened, onClose, initialUnitId }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [created, setCreated] = useState<EmployeeViewT | null>(null);
  const [formKey, setFormKey] = useState(0);
  const top = useRef<HTMLDivElement>(null);

  // The form may have been scrolled down to its Save button: show the saved record (and its warnings) from the top.
  useEffect(() => {
    if (created) top.current?.scrollIntoView({ block: 'start' });
  }, [created]);

  const close = () => {
    setCreated(null);
    setFormKey((k) => k + 1);
    onClose();
  };

  const onCreated = (employee: EmployeeViewT) => {
    const warned = employee.dataWarnings.length > 0;
    notifications.show({
      color: warned ? 'yellow' : 'teal',
      title: t('employees.created', { name: employee.name }),
      message: warned ? t('employees.createdWithWarnings', { count: employee.dataWarnings.length }) : undefined,
    });
    if (warned) setCreated(employee);
    else close();
  };

  return (
    <Drawer
      opened={opened}
      onClose={close}
      position="right"
      size={isPhone ? '100%' : 'lg'}
      title={created ? created.name : t('employees.addTitle')}
    >
      {created ? (
        <Stack gap="md" ref={top}>
          <EmployeeFields employee={created} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => { setCreated(null); setFormKey((k) => k + 1); }}>
              {t('employees.addAnother')}
            </Button>
            <Button onClick={close}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <EmployeeCreateForm key={formKey} initialUnitId={initialUnitId} onCreated={onCreated} onCancel={close} />
      )}
    </Drawer>
  );
}
