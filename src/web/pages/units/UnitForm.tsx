import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES, type UnitType } from '../../../shared/enums.js';
import { subtreeIds, useCreateUnit, useUpdateUnit } from '../../api/units';
import type { UnitViewT } from '../../api/types';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/labels';
import { notifySuccess } from '../../components/notify';
import { UnitSelect } from '../../components/UnitSelect';

type Props =
  | { mode: 'edit'; unit: UnitViewT; units: UnitViewT[]; onDone?: (unit: UnitViewT) => void; onCancel?: () => void }
  | { mode: 'create'; parentId: string; units: UnitViewT[]; onDone?: (unit: UnitViewT) => void; onCancel?: () => void };

/** Edit a unit, or create a sub-unit. */
export function UnitForm(props: Props) {
  const { t } = useTranslation();
  const typeOptions = useEnumOptions('unitType', UNIT_TYPES);
  const unit = props.mode === 'edit' ? props.unit : null;
  const [name, setName] = useState(unit?.name ?? '');
  const [code, setCode] = useState(unit?.code ?? '');
  const [unitType, setUnitType] = useState<UnitType>(unit?.unitType ?? 'bagian');
  const [parentId, setParentId] = useState<string | null>(unit ? unit.parentId : props.mode === 'create' ? props.parentId : null);
  const [headId, setHeadId] = useState<string | null>(unit?.headEmployeeId ?? null);
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = props.mode === 'edit' ? update : create;
  const excluded = useMemo(() => (unit ? subtreeIds(props.units, unit.id) : undefined), [unit, props.units]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { name: name.trim(), code: code.trim() || null, unitType };
    if (props.mode === 'edit') {
      update.mutate(
        {
          id: props.unit.id,
          body: { ...common, headEmployeeId: headId, ...(parentId ? { parentId } : {}) },
        },
        { onSuccess: (u) => { notifySuccess(t('common.saved')); props.onDone?.(u); } },
      );
    } else if (parentId) {
      create.mutate(
        { ...common, parentId },
        { onSuccess: (u) => { notifySuccess(t('units.created')); props.onDone?.(u); } },
      );
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={mutation.error} />
        <TextInput label={t('units.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <TextInput label={t('units.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <Select
          label={t('units.type')}
          data={typeOptions}
          value={unitType}
          onChange={(v) => v && setUnitType(v as UnitType)}
          allowDeselect={false}
          searchable
        />
        {unit && !unit.parentId ? null : (
          <UnitSelect label={t('units.parent')} value={parentId} onChange={setParentId} exclude={excluded} required />
        )}
        {unit ? (
          <EmployeePicker
            label={t('units.head')}
            value={headId}
            onChange={setHeadId}
            unitId={unit.id}
            initialLabel={unit.headName}
          />
        ) : null}
        <Group justify="flex-end" gap="xs">
          {props.onCancel ? (
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={mutation.isPending} disabled={name.trim().length < 2 || (!parentId && !!unit?.parentId) || (!unit && !parentId)}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
