import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ReportDetail } from '../../../shared/contracts/reports.contract';
import { useTriage } from '../../api/inbox';
import { EmployeePicker } from '../../components/EmployeePicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

/** Links the reported person to the employee master, so a case gets the real record and its exclusions. */
export function ReportTriage({ report }: { report: z.infer<typeof ReportDetail> }) {
  const { t } = useTranslation();
  const [employeeId, setEmployeeId] = useState<string | null>(report.reportedEmployeeId);
  const triage = useTriage(report.id);
  if (report.caseId) return null;
  const save = (value: string | null) => triage.mutate(value, { onSuccess: () => notifySuccess(t('inbox.detail.triageSaved')) });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>{t('inbox.detail.triageTitle')}</Title>
        <Text size="sm" c="dimmed">{t('inbox.detail.triageHelp')}</Text>
        <EmployeePicker label={t('inbox.detail.triageLabel')} value={employeeId} onChange={setEmployeeId} initialLabel={report.reported.name} />
        <ErrorAlert error={triage.error} />
        <Group gap="xs">
          <Button size="xs" onClick={() => save(employeeId)} loading={triage.isPending} disabled={employeeId === report.reportedEmployeeId}>{t('inbox.detail.triageSave')}</Button>
          {report.reportedEmployeeId ? <Button size="xs" variant="subtle" color="gray" onClick={() => { setEmployeeId(null); save(null); }}>{t('inbox.detail.triageClear')}</Button> : null}
        </Group>
      </Stack>
    </Card>
  );
}
