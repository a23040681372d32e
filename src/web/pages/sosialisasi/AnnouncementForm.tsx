import { useState } from 'react';
import { Button, Card, Checkbox, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/fieldErrors';
import { usePublishAnnouncement } from '../../api/sosialisasi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { UnitMultiSelect } from '../../components/UnitSelect';

/** BKPSDM publishes a circular or material to units (their whole subtrees). */
export function AnnouncementForm() {
  const { t } = useTranslation();
  const publish = usePublishAnnouncement();
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [body, setBody] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [hasQuiz, setHasQuiz] = useState(true);
  const [notifyByEmail, setNotifyByEmail] = useState(true);
  const errors = fieldErrors(publish.error);
  const submit = async () => {
    await publish.mutateAsync({ title, body, reference: reference || null, targetUnitIds: targets, hasQuiz, notifyByEmail });
    setTitle('');
    setReference('');
    setBody('');
    setTargets([]);
    notifySuccess(t('sosialisasi.published'));
  };
  return (
    <Card>
      <Stack gap="sm">
        <Title order={3} size="h4">{t('sosialisasi.create')}</Title>
        <TextInput label={t('sosialisasi.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} required />
        <TextInput label={t('sosialisasi.reference')} placeholder={t('sosialisasi.referencePlaceholder')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errors.reference} />
        <Textarea label={t('sosialisasi.body')} description={t('sosialisasi.bodyHint')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={4} error={errors.body} required />
        <UnitMultiSelect label={t('sosialisasi.targets')} description={t('sosialisasi.targetsHint')} value={targets} onChange={setTargets} error={errors.targetUnitIds} />
        <Checkbox label={t('sosialisasi.hasQuiz')} checked={hasQuiz} onChange={(e) => setHasQuiz(e.currentTarget.checked)} />
        <Checkbox label={t('sosialisasi.notifyByEmail')} description={t('sosialisasi.notifyHint')} checked={notifyByEmail} onChange={(e) => setNotifyByEmail(e.currentTarget.checked)} />
        {publish.error && Object.keys(errors).length === 0 ? <ErrorAlert error={publish.error} /> : null}
        <div>
          <Button onClick={() => void submit().catch(() => undefined)} loading={publish.isPending}>{t('sosialisasi.publish')}</Button>
        </div>
      </Stack>
    </Card>
  );
}
