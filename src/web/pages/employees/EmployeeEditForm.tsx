import { useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JABATAN_CLASSES, type JabatanClass } from '../../../shared/enums.js';
import { useUpdateEmployee } from '../../api/employees';
import type { EmployeeUpdateBodyT, EmployeeViewT } from '../../api/types';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/labels';
import { notifySuccess } from '../../components/notify';
import { UnitSelect } from '../../components/UnitSelect';

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function EmployeeEditForm({ employee, onDone }: { employee: EmployeeViewT; onDone: () => void }) {
  const { t } = useTranslation();
  const classes = useEnumOptions('jabatanClass', JABATAN_CLASSES);
  const update = useUpdateEmployee();
  const [name, setName] = useState(employee.name);
  const [unitId, setUnitId] = useState<string | null>(employee.unitId);
  const [jabatanName, setJabatanName] = useState(employee.jabatanName ?? '');
  const [jabatanClass, setJabatanClass] = useState<JabatanClass>(employee.jabatanClass);
  const [golongan, setGolongan] = useState(employee.golongan ?? '');
  const [email, setEmail] = useState(employee.email ?? '');
  const [phone, setPhone] = useState(employee.phone ?? '');
  const [supervisorId, setSupervisorId] = useState<string | null>(employee.supervisorId);
  const [isActive, setIsActive] = useState(employee.isActive);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: EmployeeUpdateBodyT = {
      name: name.trim(),
      jabatanName: orNull(jabatanName),
      jabatanClass,
      golongan: orNull(golongan),
      email: orNull(email),
      phone: orNull(phone),
      supervisorId,
      isActive,
      ...(unitId ? { unitId } : {}),
    };
    update.mutate(
      { id: employee.id, body },
      { onSuccess: () => { notifySuccess(t('common.saved')); onDone(); } },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={update.error} />
        <TextInput label={t('employees.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <UnitSelect label={t('employees.unit')} value={unitId} onChange={setUnitId} required />
        <TextInput label={t('employees.jabatanName')} value={jabatanName} onChange={(e) => setJabatanName(e.currentTarget.value)} />
        <Select
          label={t('employees.jabatanClass')}
          data={classes}
          value={jabatanClass}
          onChange={(v) => v && setJabatanClass(v as JabatanClass)}
          allowDeselect={false}
        />
        <TextInput label={t('employees.golongan')} value={golongan} onChange={(e) => setGolongan(e.currentTarget.value)} />
        <TextInput label={t('employees.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput label={t('employees.phone')} type="tel" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
        <EmployeePicker label={t('employees.supervisor')} value={supervisorId} onChange={setSupervisorId} />
        <Switch label={t('employees.isActive')} checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="submit" loading={update.isPending} disabled={name.trim().length < 2}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
