import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSaveTemplate } from '../../api/campaigns';
import { fieldErrors } from '../../api/fieldErrors';
import type { TemplateViewT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

interface Props {
  campaignId: string;
  template: TemplateViewT;
  canWrite: boolean;
}

/** Edits the ikrar or pakta text (PUT …/templates/:kind); every saved change is a new version. */
export function TemplateEditor({ campaignId, template, canWrite }: Props) {
  const { t } = useTranslation();
  const save = useSaveTemplate(campaignId, template.kind);
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const errors = fieldErrors(save.error);
  const changed = title !== template.title || body !== template.body;
  const kindLabel = template.kind === 'ikrar' ? 'Ikrar' : 'Pakta';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ title: title.trim(), body: body.trim() }, {
      onSuccess: (saved) => notifySuccess(t('campaigns.templateSaved', { kind: kindLabel, version: saved.version })),
    });
  };

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h5">{kindLabel}</Title>
            <Badge variant="light" data-testid={`template-version-${template.kind}`}>
              {t('campaigns.version', { version: template.version })}
            </Badge>
          </Group>
          <ErrorAlert error={save.error} />
          <TextInput label={t('campaigns.templateTitle')} value={title} disabled={!canWrite} error={errors.title}
            onChange={(e) => setTitle(e.currentTarget.value)} />
          <Textarea label={t('campaigns.templateBody')} value={body} disabled={!canWrite} error={errors.body}
            autosize minRows={6} maxRows={24} onChange={(e) => setBody(e.currentTarget.value)}
            styles={{ input: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.5 } }} />
          {canWrite ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!changed || title.trim().length < 3 || body.trim().length < 20}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
          <Text size="xs" c="dimmed">{t('campaigns.templateHint')}</Text>
        </Stack>
      </form>
    </Card>
  );
}
