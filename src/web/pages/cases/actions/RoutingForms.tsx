/** Forms for actions that move or close a case without per-subject findings. */
import { useState } from 'react';
import { Loader, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { FORWARD_TARGETS, type ForwardTarget } from '../../../../shared/case-workflow.js';
import { useCases } from '../../../api/cases';
import { todayIso } from '../../report/reportForm';
import { filled, FormFooter, opt, submitWith, type ActionFormProps } from './formKit';

/** start_verification, finish_clarification, finish_examination: an optional note. */
export function NoteOnlyForm({ action, onSubmit, pending, onCancel }: ActionFormProps & { action: 'start_verification' | 'finish_clarification' | 'finish_examination' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <form onSubmit={submitWith(true, () => onSubmit({ action, note: opt(note) }))}>
      <Stack gap="sm">
        <Textarea label={t('cases.actions.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <FormFooter valid pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function RequestInfoForm({ onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const valid = filled(message);
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({ action: 'request_info', message: message.trim() }))}>
      <Stack gap="sm">
        <Textarea label={t('cases.actions.message')} description={t('cases.actions.messageHint')} required autosize minRows={4} maxLength={4000}
          value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function RejectForm({ onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const valid = filled(reason);
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({ action: 'reject', reason: reason.trim() }))}>
      <Stack gap="sm">
        <Textarea label={t('cases.actions.reason')} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function RouteOutForm({ onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<'bawaslu' | 'dpmd'>('bawaslu');
  const [reason, setReason] = useState('');
  const valid = filled(reason);
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({ action: 'route_out', target, reason: reason.trim() }))}>
      <Stack gap="sm">
        <Radio.Group label={t('cases.actions.routeTarget')} value={target} onChange={(v) => setTarget(v as 'bawaslu' | 'dpmd')}>
          <Stack gap={6} mt={4}>
            {(['bawaslu', 'dpmd'] as const).map((x) => <Radio key={x} value={x} label={t(`cases.forwardTarget.${x}`)} />)}
          </Stack>
        </Radio.Group>
        <Textarea label={t('cases.actions.reason')} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function ForwardForm({ onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<ForwardTarget | null>(null);
  const [mode, setMode] = useState<'handover' | 'parallel'>('handover');
  const [reason, setReason] = useState('');
  const valid = Boolean(target) && filled(reason);
  return (
    <form onSubmit={submitWith(valid, () => target && onSubmit({ action: 'forward', target, mode, reason: reason.trim() }))}>
      <Stack gap="sm">
        <Select label={t('cases.actions.target')} required data={FORWARD_TARGETS.map((x) => ({ value: x, label: t(`cases.forwardTarget.${x}`) }))}
          value={target} onChange={(v) => setTarget(v as ForwardTarget | null)} comboboxProps={{ withinPortal: true }} />
        <Radio.Group label={t('cases.actions.mode')} value={mode} onChange={(v) => setMode(v as 'handover' | 'parallel')}>
          <Stack gap={6} mt={4}>
            <Radio value="handover" label={t('cases.actions.handover')} />
            <Radio value="parallel" label={t('cases.actions.parallel')} />
          </Stack>
        </Radio.Group>
        <Textarea label={t('cases.actions.reason')} required autosize minRows={3} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

export function ReceiveExternalForm({ onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'returned' | 'closed'>('returned');
  const [letterNumber, setLetterNumber] = useState('');
  const [letterDate, setLetterDate] = useState('');
  const [summary, setSummary] = useState('');
  const valid = filled(summary);
  return (
    <form onSubmit={submitWith(valid, () => onSubmit({ action: 'receive_external', result, letterNumber: opt(letterNumber), letterDate: letterDate || null, summary: summary.trim() }))}>
      <Stack gap="sm">
        <Radio.Group label={t('cases.actions.result')} value={result} onChange={(v) => setResult(v as 'returned' | 'closed')}>
          <Stack gap={6} mt={4}>
            <Radio value="returned" label={t('cases.actions.returned')} />
            <Radio value="closed" label={t('cases.actions.closedExternally')} />
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('cases.actions.letterNumber')} maxLength={120} value={letterNumber} onChange={(e) => setLetterNumber(e.currentTarget.value)} />
          <TextInput type="date" label={t('cases.actions.letterDate')} max={todayIso()} value={letterDate} onChange={(e) => setLetterDate(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea label={t('cases.actions.externalSummary')} required autosize minRows={3} maxLength={10_000} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

/** Merge: find the target case by number or title among the open cases. */
export function MergeForm({ detail, onSubmit, pending, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const cases = useCases({ q: debounced || undefined, state: 'open', pageSize: 10 });
  const options = (cases.data?.items ?? []).filter((c) => c.id !== detail.id).map((c) => ({ value: c.id, label: `${c.number} — ${c.title}` }));
  const valid = Boolean(targetId) && filled(reason);
  return (
    <form onSubmit={submitWith(valid, () => targetId && onSubmit({ action: 'merge', targetCaseId: targetId, reason: reason.trim() }))}>
      <Stack gap="sm">
        <Select label={t('cases.actions.mergeTarget')} placeholder={t('cases.actions.mergeSearch')} required searchable data={options} value={targetId}
          onChange={setTargetId} searchValue={search} onSearchChange={setSearch} filter={({ options: o }) => o}
          rightSection={cases.isFetching ? <Loader size="xs" /> : undefined} nothingFoundMessage={cases.isFetching ? t('app.loading') : t('cases.list.empty')}
          comboboxProps={{ withinPortal: true }} />
        <Textarea label={t('cases.actions.reason')} required autosize minRows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">{t('cases.state.closed')}: {t('cases.closeReason.merged')}</Text>
        <FormFooter valid={valid} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
