import { useState } from 'react';
import { Button, Card, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { casesKey, useCases, type CaseDetailT, type CaseMutationResultT } from '../../api/cases';
import type { ReportDetailT } from '../../api/types';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/**
 * On the report page: the case handling this report, or (for the Satgas) making it a new case or adding
 * it to an open one. The target case's version goes with the request, so a concurrent change is refused.
 */
export function ReportToCase({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [targetId, setTargetId] = useState<string | null>(null);
  const mayHandle = can('case.handle');
  const cases = useCases({ q: debounced || undefined, state: 'open', pageSize: 10 }, mayHandle && !report.caseId);
  const make = useMutation({
    mutationFn: async (caseId: string | null) => {
      // The version of the target as it is now: attaching to a case that changes meanwhile is refused.
      const expectedVersion = caseId ? (await api<CaseDetailT>(`/api/cases/${encodeURIComponent(caseId)}`)).version : undefined;
      return api<CaseMutationResultT>(`/api/reports/${encodeURIComponent(report.id)}/case`, { method: 'POST', body: { caseId, expectedVersion } });
    },
    onSuccess: (res) => {
      void client.invalidateQueries({ queryKey: casesKey });
      void client.invalidateQueries({ queryKey: ['reports'] });
      notifySuccess(t('cases.fromReport.done', { number: res.number }));
      void navigate(`/kasus/${res.id}`);
    },
  });
  if (report.caseId) {
    if (!can('case.read')) return null;
    return (
      <Card withBorder radius="md" p="md">
        <Button component={Link} to={`/kasus/${report.caseId}`} variant="light" leftSection={<IconBriefcase size={16} />} fullWidth>{t('cases.fromReport.open')}</Button>
      </Card>
    );
  }
  if (!mayHandle) return null;
  return (
    <Card withBorder radius="md" p="md" data-testid="report-to-case">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('cases.fromReport.title')}</Title>
        <Text size="xs" c="dimmed">{t('cases.fromReport.hint')}</Text>
        <Button leftSection={<IconBriefcase size={16} />} loading={make.isPending && make.variables === null} onClick={() => make.mutate(null)}>{t('cases.fromReport.create')}</Button>
        <Select label={t('cases.fromReport.attachTo')} placeholder={t('cases.actions.mergeSearch')} searchable clearable value={targetId} onChange={setTargetId}
          data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number} — ${c.title}` }))} searchValue={search} onSearchChange={setSearch}
          filter={({ options }) => options} rightSection={cases.isFetching ? <Loader size="xs" /> : undefined} comboboxProps={{ withinPortal: true }} />
        <Button variant="light" disabled={!targetId} loading={make.isPending && make.variables !== null} onClick={() => targetId && make.mutate(targetId)}>
          {t('cases.fromReport.attach')}
        </Button>
        <ErrorAlert error={make.error} />
      </Stack>
    </Card>
  );
}
