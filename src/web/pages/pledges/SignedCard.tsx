import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { verifyPath } from '../../api/pledges';
import type { SignatureViewT } from '../../api/types';

/** Confirmation after signing (or when the page is opened again): time, document hash, PDF and verification. */
export function SignedCard({ signature, campaignName }: { signature: SignatureViewT; campaignName: string }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="signed-card">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="teal" size={40} radius="xl" variant="light" aria-hidden>
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={2} size="h4">{t('pledges.doneTitle')}</Title>
            <Text size="sm" c="dimmed">{campaignName}</Text>
          </div>
        </Group>
        {signature.revoked ? <Alert color="red" variant="light">{t('pledges.revoked')}</Alert> : null}
        <div>
          <Text size="xs" c="dimmed">{t('pledges.signedAt')}</Text>
          <Text size="sm" fw={500} data-testid="signed-at">{signature.signedAtLocal}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('pledges.method')}</Text>
          <Text size="sm">
            {signature.method === 'paper' ? t('pledges.methodPaper') : t('pledges.methodOnline')} ·{' '}
            {t('pledges.versions', { ikrar: signature.ikrarVersion, pakta: signature.paktaVersion })}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('pledges.hash')}</Text>
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="signed-hash">
            {signature.textSha256}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Button component="a" href={signature.pdfUrl} download leftSection={<IconDownload size={16} />}>
            {t('pledges.downloadPdf')}
          </Button>
          <Button component={Link} to={verifyPath(signature.verifyUrl)} variant="light" leftSection={<IconShieldCheck size={16} />}
            data-testid="verify-link">
            {t('pledges.verify')}
          </Button>
        </SimpleGrid>
        <Anchor component={Link} to="/" size="sm">{t('pledges.back')}</Anchor>
      </Stack>
    </Card>
  );
}
