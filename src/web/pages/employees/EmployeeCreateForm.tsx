import { useState, type FormEvent } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMPLOYEE_CATEGORIES, SEXES, type EmployeeCategory, type Sex } from '../../../shared/enums.js';
import { useCreateEmployee } from '../../api/employees';
import { fieldErrors } from '../../api/fieldErrors';
import type { EmployeeCreateBodyT, EmployeeViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/labels';
import { UnitSelect } from '../../components/UnitSelect';

const orNull = (s: string) => (s.trim() ? s.trim() : null);

interface Props {
  /** Pre-selected unit (e.g. the unit filter of the list). */
  initialUnitId?: string;
  onCreated: (employee: EmployeeViewT) => void;
  onCancel: () => void;
}

/** "Tambah pegawai": POST /api/employees; the server's per-field reasons appear under the fields. */
export function EmployeeCreateForm({ initialUnitId, onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const categories = useEnumOptions('category', EMPLOYEE_CATEGORIES);
  const sexes = useEnumOptions('sex', SEXES);
  const create = useCreateEmployee();
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState<EmployeeCategory>('pns');
  const [unitId, setUnitId] = useState<string | null>(initialUnitId ?? null);
  const [golongan, setGolongan] = useState('');
  const [jabatanName, setJabatanName] = useState('');
  const [sex, setSex] = useState<Sex | null>(null);
  const [birthDate, setBirthDate] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unitId) return;
    const body: EmployeeCreateBodyT = {
      idNumber: idNumber.trim(),
      name: name.trim(),
      category,
      unitId,
      golongan: orNull(golongan),
      jabatanName: orNull(jabatanName),
      sex,
      birthDate: orNull(birthDate),
      email: orNull(email),
      phone: orNull(phone),
    };
    create.mutate(body, { onSuccess: onCreated });
  };

  const ready = idNumber.trim().length >= 3 && name.trim().length >= 2 && Boolean(unitId);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <Select
          label={t('employees.category')}
          data={categories}
          value={category}
          onChange={(v) => v && setCategory(v as EmployeeCategory)}
          allowDeselect={false}
          error={errors.category}
          required
        />
        <TextInput
          label={t('enums.importField.idNumber')}
          description={t('employees.idNumberHint')}
          value={idNumber}
          onChange={(e) => setIdNumber(e.currentTarget.value)}
          inputMode="numeric"
          autoComplete="off"
          error={errors.idNumber}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <TextInput label={t('employees.name')} value={name} onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name} required />
        <UnitSelect label={t('employees.unit')} value={unitId} onChange={setUnitId} required error={errors.unitId} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('employees.golongan')} placeholder="III/a" value={golongan}
            onChange={(e) => setGolongan(e.currentTarget.value)} error={errors.golongan} />
          <Select label={t('employees.sex')} data={sexes} value={sex} onChange={(v) => setSex(v as Sex | null)}
            clearable error={errors.sex} />
        </SimpleGrid>
        <TextInput label={t('employees.jabatanName')} description={t('employees.jabatanHint')} value={jabatanName}
          onChange={(e) => setJabatanName(e.currentTarget.value)} error={errors.jabatanName} />
        <TextInput label={t('employees.birthDate')} type="date" value={birthDate}
          onChange={(e) => setBirthDate(e.currentTarget.value)} error={errors.birthDate} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('employees.email')} type="email" value={email}
            onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
          <TextInput label={t('employees.phone')} type="tel" value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)} error={errors.phone} />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={create.isPending} disabled={!ready}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

