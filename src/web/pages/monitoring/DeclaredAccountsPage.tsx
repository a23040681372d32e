/** /pengawasan/akun: employees' declared public accounts, with the legal basis for keeping them (UU 27/2022). */
import { useState } from 'react';
import { ActionIcon, Anchor, Button, Card, Group, Pagination, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLATFORMS, type Platform } from '../../../shared/contracts/monitoring.contract.js';
import { fieldErrors } from '../../api/fieldErrors';
import { useCreateDeclared, useDeclaredAccounts, useDeleteDeclared } from '../../api/monitoring';
import { useAuth } from '../../components/auth';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { todayIso } from '../report/reportForm';

export default function DeclaredAccountsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useDeclaredAccounts({ q: q || undefined, page, pageSize: 25 });
  const remove = useDeleteDeclared();
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/pengawasan" size="sm"><IconArrowLeft size={14} /> {t('monitoring.backToQueue')}</Anchor>
      <div>
        <Title order={2}>{t('monitoring.accounts.title')}</Title>
        <Text size="sm" c="dimmed">{t('monitoring.accounts.intro')}</Text>
      </div>
      {can('monitoring.watchlist') ? <AddAccount /> : null}
      <TextInput label={t('monitoring.accounts.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} maw={360} />
      <ErrorAlert error={list.error ?? remove.error} />
      {list.isPending ? <PageLoader /> : null}
      {list.data ? (
        <>
          <Text size="sm" c="dimmed">{t('common.total', { formatted: formatNumber(list.data.total) })}</Text>
          {list.data.items.length === 0 ? <Text c="dimmed">{t('monitoring.accounts.empty')}</Text> : null}
          {list.data.items.map((a) => (
            <Card key={a.id} withBorder radius="md" p="sm" data-testid="declared-account">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{t(`monitoring.platform.${a.platform}`)} · @{a.handle}</Text>
                  <Text size="sm">{a.employee.name} ({a.employee.idNumber}) · {a.employee.unitName ?? '—'}</Text>
                  <Text size="xs" c="dimmed">{t('monitoring.accounts.declaredOnAt', { date: formatDate(a.declaredOn) })} — {a.legalBasis}</Text>
                  {a.note ? <Text size="xs">{a.note}</Text> : null}
                </div>
                {can('monitoring.watchlist') ? (
                  <ActionIcon variant="subtle" color="red" aria-label={t('monitoring.accounts.remove')} loading={remove.isPending && remove.variables === a.id}
                    onClick={() => window.confirm(t('monitoring.accounts.removeConfirm', { handle: a.handle })) && remove.mutate(a.id, { onSuccess: () => notifySuccess(t('monitoring.accounts.removed')) })}>
                    <IconTrash size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            </Card>
          ))}
          {list.data.total > list.data.pageSize ? <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function AddAccount() {
  const { t } = useTranslation();
  const create = useCreateDeclared();
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [platform, setPlatform] = useState<Platform>('facebook');
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [legalBasis, setLegalBasis] = useState(t('monitoring.accounts.legalDefault'));
  const [declaredOn, setDeclaredOn] = useState(todayIso());
  const errors = fieldErrors(create.error);
  const submit = () =>
    employeeId &&
    create.mutate({ employeeId, platform, handle: handle.trim(), url: url.trim() || null, legalBasis: legalBasis.trim(), declaredOn }, {
      onSuccess: () => { setHandle(''); setUrl(''); setEmployeeId(null); notifySuccess(t('monitoring.accounts.saved')); },
    });
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('monitoring.accounts.add')}</Title>
        <EmployeePicker label={t('monitoring.accounts.employee')} value={employeeId} onChange={setEmployeeId} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label={t('monitoring.form.platform')} data={PLATFORMS.map((p) => ({ value: p, label: t(`monitoring.platform.${p}`) }))} value={platform} onChange={(v) => v && setPlatform(v as Platform)} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
          <TextInput label={t('monitoring.form.handle')} required value={handle} onChange={(e) => setHandle(e.currentTarget.value)} error={errors.handle} autoCapitalize="none" />
          <TextInput type="date" label={t('monitoring.accounts.declaredOn')} required max={todayIso()} value={declaredOn} onChange={(e) => setDeclaredOn(e.currentTarget.value)} error={errors.declaredOn} />
        </SimpleGrid>
        <TextInput label={t('monitoring.accounts.url')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} />
        <Textarea label={t('monitoring.accounts.legalBasis')} required autosize minRows={2} value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} error={errors.legalBasis} maxLength={500} />
        <ErrorAlert error={create.error} />
        <Button onClick={submit} disabled={!employeeId || !handle.trim() || !legalBasis.trim()} loading={create.isPending}>{t('monitoring.accounts.save')}</Button>
      </Stack>
    </Card>
  );
}
