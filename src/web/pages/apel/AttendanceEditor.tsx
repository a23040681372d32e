import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecks, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatusT } from '../../api/types';
import { formatNumber } from '../../components/format';

export interface RosterRow {
  employeeId: string;
  name: string;
  idNumber: string;
  jabatanName: string | null;
}

const COLOR: Record<AttendanceStatusT, string> = {
  hadir: 'teal', cuti: 'blue', sakit: 'orange', dinas_luar: 'grape', tanpa_keterangan: 'red',
};
/** The contract's statuses in its order (the record above is exhaustive over the inferred type). */
const ATTENDANCE_STATUSES = Object.keys(COLOR) as AttendanceStatusT[];

interface Props {
  rows: RosterRow[];
  value: Record<string, AttendanceStatusT>;
  onChange: (next: Record<string, AttendanceStatusT>) => void;
  readOnly: boolean;
}

/** The daftar hadir: every roster member with a status (table on wide screens, cards on phones). */
export function AttendanceEditor({ rows, value, onChange, readOnly }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filter, setFilter] = useState('');
  const options = ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`apel.attendance.${s}`) }));
  const needle = filter.trim().toLowerCase();
  const shown = useMemo(
    () => (needle ? rows.filter((r) => `${r.name} ${r.idNumber}`.toLowerCase().includes(needle)) : rows),
    [rows, needle],
  );
  const counts = ATTENDANCE_STATUSES.map((s) => ({ s, n: rows.filter((r) => (value[r.employeeId] ?? 'hadir') === s).length }));
  const set = (id: string, status: AttendanceStatusT) => onChange({ ...value, [id]: status });
  const allPresent = () => onChange(Object.fromEntries(rows.map((r) => [r.employeeId, 'hadir' as const])));

  const status = (r: RosterRow) => value[r.employeeId] ?? 'hadir';
  const control = (r: RosterRow) =>
    readOnly ? (
      <Badge variant="light" color={COLOR[status(r)]}>{t(`apel.attendance.${status(r)}`)}</Badge>
    ) : isPhone ? (
      <NativeSelect data={options} value={status(r)} aria-label={`${t('apel.presence')}: ${r.name}`}
        onChange={(e) => set(r.employeeId, e.currentTarget.value as AttendanceStatusT)} />
    ) : (
      <SegmentedControl size="xs" data={options} value={status(r)} aria-label={`${t('apel.presence')}: ${r.name}`}
        onChange={(v) => set(r.employeeId, v as AttendanceStatusT)} color={COLOR[status(r)]} />
    );

  return (
    <Stack gap="sm">
      <Group gap={6}>
        {counts.map(({ s, n }) => (
          <Badge key={s} variant={n ? 'light' : 'outline'} color={n ? COLOR[s] : 'gray'}>
            {t(`apel.attendance.${s}`)}: {formatNumber(n)}
          </Badge>
        ))}
      </Group>
      <Group gap="xs" align="flex-end" wrap="wrap">
        {rows.length > 12 ? (
          <TextInput leftSection={<IconSearch size={16} />} aria-label={t('apel.searchRoster')}
            placeholder={t('apel.searchRoster')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }} />
        ) : null}
        {readOnly ? null : (
          <Button variant="light" size="sm" leftSection={<IconChecks size={16} />} onClick={allPresent}>
            {t('apel.allPresent')}
          </Button>
        )}
      </Group>
      {isPhone ? (
        <Stack gap="xs" data-testid="attendance">
          {shown.map((r) => (
            <Card key={r.employeeId} withBorder p="xs" data-employee-id={r.employeeId}>
              <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>{r.name}</Text>
              <Text size="xs" c="dimmed" mb={6} style={{ wordBreak: 'break-word' }}>
                {r.idNumber}{r.jabatanName ? ` · ${r.jabatanName}` : ''}
              </Text>
              {control(r)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing={6} data-testid="attendance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>{t('apel.name')}</Table.Th>
                <Table.Th>{t('apel.jabatan')}</Table.Th>
                <Table.Th>{t('apel.presence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r, i) => (
                <Table.Tr key={r.employeeId} data-employee-id={r.employeeId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.name}</Text>
                    <Text size="xs" c="dimmed">{r.idNumber}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{r.jabatanName ?? '—'}</Text></Table.Td>
                  <Table.Td>{control(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
