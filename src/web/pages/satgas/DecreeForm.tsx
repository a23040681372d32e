import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Divider, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SATGAS_POSITIONS, type SatgasPosition } from '../../../shared/case-workflow.js';
import { fieldErrors } from '../../api/fieldErrors';
import { useSatgasAccounts, useSaveDecree, type SatgasDecreeBodyT, type SatgasDecreeT } from '../../api/satgas';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';

interface MemberDraft {
  key: number;
  id?: string;
  position: SatgasPosition;
  name: string;
  title: string;
  employeeId: string | null;
  employeeLabel: string | null;
  userId: string | null;
}

let nextKey = 1;
const blankMember = (): MemberDraft => ({ key: nextKey++, position: 'anggota', name: '', title: '', employeeId: null, employeeLabel: null, userId: null });

/** Record or edit a Satgas decree: its facts and its members in the order of the decree. */
export function DecreeForm({ decree, onSaved, onCancel }: { decree: SatgasDecreeT | null; onSaved: (d: SatgasDecreeT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDecree(decree?.id ?? null);
  const accounts = useSatgasAccounts(true);
  const [number, setNumber] = useState(decree?.number ?? '');
  const [signedOn, setSignedOn] = useState(decree?.signedOn ?? '');
  const [signerTitle, setSignerTitle] = useState(decree?.signerTitle ?? '');
  const [periodStart, setPeriodStart] = useState(decree?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(decree?.periodEnd ?? '');
  const [scopeUnitId, setScopeUnitId] = useState<string | null>(decree?.scopeUnitId ?? null);
  const [isActive, setIsActive] = useState(decree?.isActive ?? true);
  const [members, setMembers] = useState<MemberDraft[]>(() =>
    decree
      ? decree.members.map((m) => ({ key: nextKey++, id: m.id, position: m.position, name: m.name, title: m.title, employeeId: m.employeeId, employeeLabel: m.employeeIdNumber ? `${m.name} (${m.employeeIdNumber})` : null, userId: m.userId }))
      : [{ ...blankMember(), position: 'ketua' }],
  );
  const errors = useMemo(() => fieldErrors(save.error), [save.error]);
  const positionOptions = SATGAS_POSITIONS.map((p) => ({ value: p, label: t(`handling.position.${p}`) }));
  const accountOptions = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.username ?? a.displayName} — ${a.displayName}` }));
  const setMember = (i: number, patch: Partial<MemberDraft>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const move = (i: number, by: number) =>
    setMembers((list) => {
      const next = [...list];
      const [m] = next.splice(i, 1);
      next.splice(i + by, 0, m!);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: SatgasDecreeBodyT = {
      number: number.trim(), signedOn, signerTitle: signerTitle.trim(), periodStart, periodEnd, scopeUnitId, isActive,
      members: members.map((m) => ({ id: m.id, position: m.position, name: m.name.trim(), title: m.title.trim(), employeeId: m.employeeId, userId: m.userId })),
    };
    save.mutate(body, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        {Object.keys(errors).length > 0 ? <Alert color="red" variant="light">{t('handling.satgas.fixErrors')}</Alert> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('handling.satgas.number')} value={number} required error={errors.number} onChange={(e) => setNumber(e.currentTarget.value)} />
          <TextInput type="date" label={t('handling.satgas.signedOn')} value={signedOn} required error={errors.signedOn} onChange={(e) => setSignedOn(e.currentTarget.value)} />
          <TextInput label={t('handling.satgas.signerTitle')} placeholder={t('handling.satgas.signerPlaceholder')} value={signerTitle} required error={errors.signerTitle}
            onChange={(e) => setSignerTitle(e.currentTarget.value)} />
          <UnitSelect label={t('handling.satgas.scope')} value={scopeUnitId} onChange={setScopeUnitId} clearable placeholder={t('handling.satgas.scopeTenant')} error={errors.scopeUnitId} />
          <TextInput type="date" label={t('handling.satgas.periodStart')} value={periodStart} required error={errors.periodStart} onChange={(e) => setPeriodStart(e.currentTarget.value)} />
          <TextInput type="date" label={t('handling.satgas.periodEnd')} value={periodEnd} required error={errors.periodEnd} onChange={(e) => setPeriodEnd(e.currentTarget.value)} />
        </SimpleGrid>
        <Checkbox label={t('handling.satgas.isActive')} checked={isActive} onChange={(e) => setIsActive(e.currentTarget.checked)} />
        <Divider label={t('handling.satgas.members')} labelPosition="left" />
        {errors.members ? <Alert color="red" variant="light">{errors.members}</Alert> : null}
        {members.map((m, i) => (
          <Paper key={m.key} withBorder p="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Select label={t('handling.satgas.position')} data={positionOptions} value={m.position} allowDeselect={false} error={errors[`members.${i}.position`]}
                onChange={(v) => v && setMember(i, { position: v as SatgasPosition })} />
              <TextInput label={t('handling.satgas.name')} value={m.name} required error={errors[`members.${i}.name`]} onChange={(e) => setMember(i, { name: e.currentTarget.value })} />
              <TextInput label={t('handling.satgas.memberTitle')} placeholder={t('handling.satgas.memberTitlePlaceholder')} value={m.title} required error={errors[`members.${i}.title`]}
                onChange={(e) => setMember(i, { title: e.currentTarget.value })} />
              <div>
                <EmployeePicker label={t('handling.satgas.employee')} value={m.employeeId} initialLabel={m.employeeLabel} onChange={(v) => setMember(i, { employeeId: v })} />
                {errors[`members.${i}.employeeId`] ? <Alert color="red" variant="transparent" p={0} mt={4}>{errors[`members.${i}.employeeId`]}</Alert> : null}
              </div>
              <Select label={t('handling.satgas.account')} description={t('handling.satgas.accountHint')} data={accountOptions} value={m.userId} clearable searchable
                placeholder={t('handling.satgas.noAccount')} error={errors[`members.${i}.userId`]} onChange={(v) => setMember(i, { userId: v })} />
            </SimpleGrid>
            <Group justify="flex-end" gap={4} mt="xs">
              <ActionIcon variant="subtle" aria-label={t('handling.satgas.moveUp')} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
              <ActionIcon variant="subtle" aria-label={t('handling.satgas.moveDown')} disabled={i === members.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('handling.satgas.removeMember')} disabled={members.length === 1}
                onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => setMembers((list) => [...list, blankMember()])}>
          {t('handling.satgas.addMember')}
        </Button>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
