import { Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFieldError, type StepProps } from './ErrorSummary';

type Key = keyof StepProps['draft']['reported'];

/** Step 2: who is reported, as free text (the public never browses the employee directory). */
export function ReportedStep({ draft, set, errors }: StepProps) {
  const { t } = useTranslation();
  const err = useFieldError(errors);
  const input = (key: Key, id: string, extra: { description?: string; inputMode?: 'numeric' } = {}) => (
    <TextInput
      id={id}
      label={`${t(`reports.reported.${key}`)} ${key === 'name' ? '' : t('reports.optional')}`.trim()}
      value={draft.reported[key]}
      onChange={(e) => set({ reported: { ...draft.reported, [key]: e.currentTarget.value } })}
      error={err(id)}
      size="md"
      autoComplete="off"
      {...extra}
    />
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('reports.reported.title')}</Title>
      <Text size="sm" c="dimmed">{t('reports.reported.hint')}</Text>
      {input('name', 'reported-name')}
      {input('agency', 'reported-agency', { description: t('reports.reported.agencyHint') })}
      {input('position', 'reported-position')}
      {input('idNumber', 'reported-id', { inputMode: 'numeric', description: t('reports.reported.idNumberHint') })}
    </Stack>
  );
}
