import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicVerificationT } from '../../api/types';

const LOOK = {
  valid: { color: 'teal', Icon: IconCircleCheck },
  revoked: { color: 'orange', Icon: IconAlertTriangle },
  invalid: { color: 'red', Icon: IconCircleX },
} as const;

function Row({ label, value, mono }: { label: string; value: string | null; mono?: boolean }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size={mono ? 'xs' : 'sm'} fw={mono ? 400 : 500} ff={mono ? 'monospace' : undefined} style={{ wordBreak: mono ? 'break-all' : 'break-word' }}>
        {value}
      </Text>
    </div>
  );
}

/** Big status (Sah / Dicabut / Tidak sah) with what the verification endpoint tells. */
export function VerifyResult({ result }: { result: PublicVerificationT }) {
  const { t } = useTranslation();
  const { color, Icon } = LOOK[result.status];
  return (
    <Card data-testid="verify-result" data-status={result.status} style={{ borderColor: `var(--mantine-color-${color}-5)`, borderWidth: 2 }}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color={color} size={56} radius="xl" variant="filled" aria-hidden>
            <Icon size={36} />
          </ThemeIcon>
          <div>
            <Title order={2} fz={32} c={`${color}.8`} lh={1.1} data-testid="verify-status">{t(`verify.${result.status}`)}</Title>
            {result.status === 'valid' ? <Text size="xs" c="dimmed">{t('verify.validHint')}</Text> : null}
          </div>
        </Group>
        <Row label={t('verify.name')} value={result.name} />
        <Row label={t('verify.unit')} value={result.unit} />
        <Row label={t('verify.campaign')} value={result.campaign} />
        <Row label={t('verify.signedAt')} value={result.signedAt} />
        <Row label={t('verify.reason')} value={result.reason} />
        <Row label={t('verify.textHash')} value={result.textSha256} mono />
        <Row label={t('verify.pdfHash')} value={result.pdfSha256} mono />
      </Stack>
    </Card>
  );
}
