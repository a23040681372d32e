import { useMemo, useState } from 'react';
import { ActionIcon, Badge, Button, Card, Collapse, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SubjectInputT } from '../../api/cases';
import { useEmployees } from '../../api/employees';

/** A subject being added: from the employee master, or a person outside it. */
export interface SubjectDraft {
  key: string;
  input: SubjectInputT;
  /** What the list shows: name, NIP, unit. */
  label: string;
  detail: string;
}

let seq = 0;
const nextKey = () => `s${++seq}`;

/** Search the employee master by name/NIP, or describe someone outside it (a kepala/perangkat desa is routed out). */
export function SubjectsEditor({ value, onChange, single }: { value: SubjectDraft[]; onChange: (next: SubjectDraft[]) => void; single?: boolean }) {
  const { t } = useTranslation();
  const add = (draft: Omit<SubjectDraft, 'key'>) => onChange([...value, { ...draft, key: nextKey() }]);
  return (
    <Stack gap="sm">
      {value.map((s) => (
        <Group key={s.key} justify="space-between" wrap="nowrap" gap="xs" p="xs" data-testid="subject-draft"
          style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
          <div style={{ minWidth: 0 }}>
            <Group gap={6}>
              <Text size="sm" fw={600}>{s.label}</Text>
              {s.input.track === 'desa' ? <Badge size="xs" color="orange" variant="light">{t('cases.track.desa')}</Badge> : null}
              {!s.input.employeeId && s.input.track !== 'desa' ? <Badge size="xs" variant="light" color="gray">{t('cases.subjects.outsideMaster')}</Badge> : null}
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{s.detail || '—'}</Text>
          </div>
          <ActionIcon variant="subtle" color="red" aria-label={t('cases.subjects.remove', { name: s.label })} onClick={() => onChange(value.filter((x) => x.key !== s.key))}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {single && value.length > 0 ? null : (
        <>
          <EmployeeSearch exclude={new Set(value.map((s) => s.input.employeeId).filter((x): x is string => Boolean(x)))} onPick={add} />
          <OutsiderForm onAdd={add} />
        </>
      )}
    </Stack>
  );
}

function EmployeeSearch({ exclude, onPick }: { exclude: Set<string>; onPick: (d: Omit<SubjectDraft, 'key'>) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const employees = useEmployees({ q: debounced || undefined, pageSize: 20, status: 'all' }, debounced.length >= 2);
  const items = useMemo(() => (debounced.length >= 2 ? (employees.data?.items ?? []) : []).filter((e) => !exclude.has(e.id)), [employees.data, exclude, debounced]);
  return (
    <Select
      label={t('cases.subjects.search')}
      description={t('cases.subjects.searchHint')}
      placeholder={t('employees.searchPlaceholder')}
      data={items.map((e) => ({ value: e.id, label: `${e.name} (${e.idNumber}) — ${e.unitName}` }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(id) => {
        const e = items.find((x) => x.id === id);
        if (!e) return;
        onPick({ input: { employeeId: e.id }, label: e.name, detail: [e.idNumber, e.jabatanName, e.unitName].filter(Boolean).join(' · ') });
        setSearch('');
      }}
      nothingFoundMessage={debounced.length < 2 ? t('cases.subjects.typeMore') : employees.isFetching ? t('app.loading') : t('employees.empty')}
      rightSection={employees.isFetching ? <Loader size="xs" /> : undefined}
      comboboxProps={{ withinPortal: true }}
      data-testid="subject-search"
    />
  );
}

function OutsiderForm({ onAdd }: { onAdd: (d: Omit<SubjectDraft, 'key'>) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [position, setPosition] = useState('');
  const [unitName, setUnitName] = useState('');
  const [desa, setDesa] = useState(false);
  const submit = () => {
    const opt = (v: string) => v.trim() || null;
    onAdd({
      input: { name: name.trim(), idNumber: opt(idNumber), position: opt(position), unitName: opt(unitName), ...(desa ? { track: 'desa' as const } : {}) },
      label: name.trim(),
      detail: [idNumber.trim(), position.trim(), unitName.trim()].filter(Boolean).join(' · '),
    });
    setName(''); setIdNumber(''); setPosition(''); setUnitName(''); setDesa(false); setOpen(false);
  };
  return (
    <div>
      <Button variant="subtle" size="compact-sm" leftSection={<IconUserPlus size={14} />} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('cases.subjects.outsider')}
      </Button>
      <Collapse expanded={open}>
        <Card withBorder radius="md" p="sm" mt="xs">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput label={t('cases.subjects.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={200} />
              <TextInput label={t('cases.subjects.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.currentTarget.value)} maxLength={30} />
              <TextInput label={t('cases.subjects.position')} value={position} onChange={(e) => setPosition(e.currentTarget.value)} maxLength={200} />
              <TextInput label={t('cases.subjects.unit')} value={unitName} onChange={(e) => setUnitName(e.currentTarget.value)} maxLength={200} />
            </SimpleGrid>
            <Switch label={t('cases.subjects.desa')} description={t('cases.subjects.desaHint')} checked={desa} onChange={(e) => setDesa(e.currentTarget.checked)} />
            <Button size="xs" variant="light" disabled={name.trim().length < 2} onClick={submit} style={{ alignSelf: 'flex-start' }}>{t('cases.subjects.add')}</Button>
          </Stack>
        </Card>
      </Collapse>
    </div>
  );
}
