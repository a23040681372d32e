import { useState } from 'react';
import { Button, Card, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowBackUp, IconCheck, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApelTransition } from '../../api/apel';
import type { ApelViewT } from '../../api/types';
import { notifySuccess } from '../../components/notify';
import { ApelErrorAlert } from './ApelErrorAlert';

interface Props {
  report: ApelViewT;
  /** Details or attendance edited and not yet saved. */
  dirty: boolean;
  canSave: boolean;
  saving: boolean;
  save: () => Promise<void>;
  error: unknown;
  setError: (err: unknown) => void;
}

/** Simpan / Ajukan ke BKPSDM for the unit; Terima / Kembalikan for BKPSDM. Driven by `report.can`. */
export function ApelActions({ report, dirty, canSave, saving, save, error, setError }: Props) {
  const { t } = useTranslation();
  const transition = useApelTransition(report.id);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [confirming, setConfirming] = useState(false);
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const { can } = report;
  if (!can.edit && !can.submit && !can.accept && !can.return) return null;

  const onSave = () => save().then(() => notifySuccess(t('apel.saved')), () => undefined);

  const onSubmit = async () => {
    setConfirming(false);
    try {
      await save();
      const view = await transition.mutateAsync({ action: 'submit' });
      notifySuccess(t('apel.submitted', { number: view.number ?? '' }));
    } catch (err) {
      setError(err);
    }
  };

  const review = async (action: 'accept' | 'return') => {
    setError(null);
    try {
      await transition.mutateAsync({ action, note: action === 'return' ? note.trim() : undefined });
      setReturning(false);
      setNote('');
      notifySuccess(t(action === 'accept' ? 'apel.accepted' : 'apel.returned'));
    } catch (err) {
      if (action === 'accept') setError(err);
      else throw err;
    }
  };

  const busy = saving || transition.isPending;
  return (
    <Card p={{ base: 'sm', sm: 'md' }} data-testid="apel-actions">
      <Stack gap="sm">
        <ApelErrorAlert error={error} />
        <Group gap="xs" justify="flex-end" wrap="wrap">
          {can.edit ? (
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void onSave()}
              loading={saving && !transition.isPending} disabled={!dirty || !canSave || busy} fullWidth={isPhone}>
              {t('apel.save')}
            </Button>
          ) : null}
          {can.submit ? (
            <Button leftSection={<IconSend size={16} />} onClick={() => setConfirming(true)} disabled={!canSave || busy}
              loading={transition.isPending && transition.variables?.action === 'submit'} fullWidth={isPhone}>
              {t('apel.submit')}
            </Button>
          ) : null}
          {can.return ? (
            <Button color="red" variant="light" leftSection={<IconArrowBackUp size={16} />} disabled={busy}
              onClick={() => { transition.reset(); setReturning(true); }} fullWidth={isPhone}>
              {t('apel.return')}
            </Button>
          ) : null}
          {can.accept ? (
            <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => void review('accept')} disabled={busy}
              loading={transition.isPending && transition.variables?.action === 'accept'} fullWidth={isPhone}>
              {t('apel.accept')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('apel.submit')} centered>
        <Text size="sm">{t('apel.submitConfirm')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button onClick={() => void onSubmit()} data-autofocus>{t('apel.submit')}</Button>
        </Group>
      </Modal>
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('apel.returnTitle')} centered fullScreen={isPhone}>
        <form onSubmit={(e) => { e.preventDefault(); void review('return').catch(() => undefined); }}>
          <Stack gap="sm">
            <Textarea label={t('apel.returnNote')} description={t('apel.returnHint')} value={note} required
              onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={3} maxLength={2000} data-autofocus />
            <ApelErrorAlert error={transition.variables?.action === 'return' ? transition.error : null} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReturning(false)}>{t('common.cancel')}</Button>
              <Button type="submit" color="red" disabled={note.trim().length < 5} loading={transition.isPending}>
                {t('apel.return')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
