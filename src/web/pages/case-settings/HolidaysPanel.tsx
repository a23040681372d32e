import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TENANT_HOLIDAY_KINDS } from '../../../shared/contracts/case-settings.contract.js';
import { useAddHoliday, useHolidays, useRemoveHoliday, type HolidayT } from '../../api/caseSettings';
import { fieldErrors } from '../../api/fieldErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import i18n from '../../i18n';

const KIND_COLORS: Record<string, string> = { nasional: 'red', cuti_bersama: 'orange', libur_daerah: 'grape' };

const weekday = (day: string) =>
  new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A year's days off: national (read-only) and the tenant's cuti bersama / libur daerah (add, remove). */
export function HolidaysPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const add = useAddHoliday();
  const remove = useRemoveHoliday();
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof TENANT_HOLIDAY_KINDS)[number]>('cuti_bersama');
  const [removing, setRemoving] = useState<HolidayT | null>(null);
  const errors = useMemo(() => fieldErrors(add.error), [add.error]);
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({ value: String(y), label: String(y) }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { day, name: name.trim(), kind },
      {
        onSuccess: (h) => {
          notifySuccess(t('handling.settings.added'));
          setDay('');
          setName('');
          if (Number(h.day.slice(0, 4)) !== year) setYear(Number(h.day.slice(0, 4)));
        },
      },
    );
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5">{t('handling.settings.holidays')}</Title>
        <Select aria-label={t('handling.settings.year')} data={years} value={String(year)} allowDeselect={false} w={110} onChange={(v) => v && setYear(Number(v))} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">{t('handling.settings.holidaysHint')}</Text>
      {canEdit ? (
        <form onSubmit={submit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs" mb="sm">
            <TextInput type="date" label={t('handling.settings.day')} value={day} required error={errors.day} onChange={(e) => setDay(e.currentTarget.value)} />
            <TextInput label={t('handling.settings.holidayName')} value={name} required error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
            <Select label={t('handling.settings.holidayKind')} data={TENANT_HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`handling.settings.kind.${k}`) }))} value={kind}
              allowDeselect={false} onChange={(v) => v && setKind(v as typeof kind)} />
            <Button type="submit" mt={{ base: 0, sm: 25 }} leftSection={<IconPlus size={16} />} loading={add.isPending} disabled={!day || name.trim().length < 3}>
              {t('handling.settings.addHoliday')}
            </Button>
          </SimpleGrid>
          {add.error && !errors.day && !errors.name ? <ErrorAlert error={add.error} /> : null}
        </form>
      ) : null}
      <ErrorAlert error={holidays.error} />
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('handling.settings.day')}</Table.Th>
              <Table.Th>{t('handling.settings.holidayName')}</Table.Th>
              <Table.Th>{t('handling.settings.holidayKind')}</Table.Th>
              {canEdit ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(holidays.data?.items ?? []).map((h) => (
              <Table.Tr key={`${h.day}-${h.kind}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDate(h.day)}</Text>
                  <Text size="xs" c="dimmed">{weekday(h.day)}</Text>
                </Table.Td>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td><Badge color={KIND_COLORS[h.kind]} variant="light">{t(`handling.settings.kind.${h.kind}`)}</Badge></Table.Td>
                {canEdit ? (
                  <Table.Td>
                    {h.removable ? (
                      <ActionIcon variant="subtle" color="red" aria-label={`${t('handling.settings.remove')} ${h.name}`} onClick={() => setRemoving(h)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {holidays.data && holidays.data.items.length === 0 ? <Text c="dimmed" size="sm">{t('handling.settings.noHolidays')}</Text> : null}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('handling.settings.remove')} centered>
        <Stack gap="sm">
          <Text size="sm">{removing ? t('handling.settings.removeConfirm', { name: removing.name, date: formatDate(removing.day) }) : null}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setRemoving(null)}>{t('common.cancel')}</Button>
            <Button color="red" loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing.day, { onSuccess: () => { notifySuccess(t('handling.settings.removed')); setRemoving(null); }, onError: notifyError })}>
              {t('handling.settings.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
