import { Group, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IDENTITY_MODES, type ReporterDraft } from './reportForm';
import { useFieldError, type StepProps } from './ErrorSummary';

/** Step 1: anonim / rahasia / terbuka, the identity when given, and the optional notice e-mail. */
export function IdentityStep({ draft, set, errors, internal }: StepProps & { internal?: boolean }) {
  const { t } = useTranslation();
  const err = useFieldError(errors);
  const reporter = (patch: Partial<ReporterDraft>) => set({ reporter: { ...draft.reporter, ...patch } });
  const field = (key: keyof ReporterDraft, extra: { type?: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string; description?: string; required?: boolean } = {}) => (
    <TextInput
      id={`reporter-${key}`}
      label={t(`reports.reporter.${key}`)}
      value={draft.reporter[key]}
      onChange={(e) => reporter({ [key]: e.currentTarget.value })}
      error={err(`reporter-${key}`)}
      size="md"
      {...extra}
    />
  );
  return (
    <Stack gap="md">
      <Radio.Group
        id="identity-mode"
        tabIndex={-1}
        label={<Title order={2} size="h4">{t('reports.mode.legend')}</Title>}
        value={draft.identityMode ?? ''}
        onChange={(value) => set({ identityMode: value as (typeof IDENTITY_MODES)[number] })}
        error={err('identity-mode')}
      >
        <Stack gap="sm" mt="xs">
          {IDENTITY_MODES.map((mode) => (
            <Radio.Card key={mode} value={mode} p="md" radius="md" data-testid={`mode-${mode}`} aria-label={t(`reports.mode.${mode}`)}>
              <Group wrap="nowrap" align="flex-start">
                <Radio.Indicator mt={3} />
                <div>
                  <Text fw={600}>{t(`reports.mode.${mode}`)}</Text>
                  <Text size="sm" c="dimmed">{t(`reports.mode.${mode}Hint`)}</Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {internal ? <Text size="sm" c="dimmed">{t('reports.internalNote')}</Text> : null}
      {draft.identityMode && draft.identityMode !== 'anonim' ? (
        <Stack gap="sm">
          <Title order={3} size="h5">{t('reports.reporter.title')}</Title>
          {field('name', { required: true, autoComplete: 'name' })}
          {field('nik', { inputMode: 'numeric', description: t('reports.reporter.nikHint') })}
          <Textarea id="reporter-address" label={t('reports.reporter.address')} value={draft.reporter.address} onChange={(e) => reporter({ address: e.currentTarget.value })} autosize minRows={2} size="md" />
          {field('occupation')}
          {field('phone', { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
          {field('email', { type: 'email', inputMode: 'email', autoComplete: 'email' })}
        </Stack>
      ) : null}
      <TextInput
        id="contact-email"
        type="email"
        inputMode="email"
        label={`${t('reports.contact')} ${t('reports.optional')}`}
        description={t('reports.contactHint')}
        value={draft.contactEmail}
        onChange={(e) => set({ contactEmail: e.currentTarget.value })}
        error={err('contact-email')}
        size="md"
      />
    </Stack>
  );
}
