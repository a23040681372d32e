import { useState } from 'react';
import { Button, Card, Divider, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHandover, useMarkDuplicate, useSetStatus } from '../../api/inbox';
import type { ReportDetailT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { SETTABLE_STATUSES } from './inboxEnums';

/** Status change, duplicate marking and the hand-over to case handling, as the server allows (`can`). */
export function ReportActions({ report }: { report: ReportDetailT }) {
  const { t } = useTranslation();
  const status = useSetStatus(report.id);
  const duplicate = useMarkDuplicate(report.id);
  const handover = useHandover(report.id);
  const [next, setNext] = useState<string | null>(null);
  const [statusNote, setStatusNote] = useState('');
  const [number, setNumber] = useState('');
  const [handoverNote, setHandoverNote] = useState('');
  const { can } = report;
  if (!can.changeStatus && !can.markDuplicate && !can.handover) return null;
  const done = () => notifySuccess(t('inbox.detail.done'));
  return (
    <Card withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('inbox.detail.actions')}</Title>
        {can.changeStatus ? (
          <>
            <Select
              label={t('inbox.detail.status')}
              data={SETTABLE_STATUSES.filter((s) => s !== report.status).map((s) => ({ value: s, label: t(`inbox.status.${s}`) }))}
              value={next}
              onChange={setNext}
            />
            <Textarea label={t('inbox.detail.statusNote')} value={statusNote} onChange={(e) => setStatusNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
            <ErrorAlert error={status.error} />
            <Button
              disabled={!next}
              loading={status.isPending}
              onClick={() => next && status.mutate({ status: next as (typeof SETTABLE_STATUSES)[number], note: statusNote.trim() || null }, { onSuccess: () => { setNext(null); setStatusNote(''); done(); } })}
            >
              {t('inbox.detail.applyStatus')}
            </Button>
          </>
        ) : null}
        {can.markDuplicate ? (
          <>
            <Divider />
            <TextInput
              label={t('inbox.detail.duplicateNumber')}
              description={t('inbox.detail.duplicateHint')}
              placeholder="LP-XXXX-XXXX"
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
            />
            <ErrorAlert error={duplicate.error} />
            <Button variant="light" color="grape" disabled={number.trim().length < 4} loading={duplicate.isPending} onClick={() => duplicate.mutate(number.trim(), { onSuccess: () => { setNumber(''); done(); } })}>
              {t('inbox.detail.markDuplicate')}
            </Button>
          </>
        ) : null}
        {can.handover ? (
          <>
            <Divider />
            <Textarea label={t('inbox.detail.handoverNote')} value={handoverNote} onChange={(e) => setHandoverNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
            <ErrorAlert error={handover.error} />
            <Button variant="light" color="orange" loading={handover.isPending} onClick={() => handover.mutate(handoverNote.trim() || null, { onSuccess: () => notifySuccess(t('inbox.detail.handoverDone')) })}>
              {t('inbox.detail.handover')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
