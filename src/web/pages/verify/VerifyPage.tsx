import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePublicVerification } from '../../api/pledges';
import { Brand } from '../../components/Brand';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';
import { VerifyResult } from './VerifyResult';
import { VerifyUpload } from './VerifyUpload';

/** Public /verifikasi/:id (from the PDF's QR code) and /verifikasi (upload only); no login, no app shell. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const byId = usePublicVerification(id);

  return (
    <Container size={560} px="sm" py="md">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Brand />
        <LanguageSwitch />
      </Group>
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">{t('verify.title')}</Title>
          <Text size="sm" c="dimmed">{t('verify.intro')}</Text>
        </div>
        {id ? (
          byId.isPending ? <PageLoader /> : byId.data ? <VerifyResult result={byId.data} /> : <ErrorAlert error={byId.error} />
        ) : null}
        <VerifyUpload />
      </Stack>
    </Container>
  );
}
