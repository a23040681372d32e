import { useState } from 'react';
import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useReloadSigningView, useSigningView } from '../../api/pledges';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { PledgeText } from '../../components/PledgeText';
import { SignedCard } from './SignedCard';
import { SignForm } from './SignForm';

/** /ikrar/:campaignId — read the ikrar, tick the pakta, sign; or the confirmation when already signed. */
export default function SigningPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const view = useSigningView(campaignId);
  const reload = useReloadSigningView(campaignId);
  const [stale, setStale] = useState(false);

  if (view.isPending) return <PageLoader />;
  if (view.error || !view.data) {
    const code = view.error instanceof ApiError ? view.error.code : null;
    return (
      <Stack gap="sm" maw={720}>
        {code === 'NOT_TARGETED' ? (
          <Alert color="orange" variant="light">{t('pledges.notTargeted')}</Alert>
        ) : (
          <ErrorAlert error={view.error} />
        )}
        <Anchor component={Link} to="/" size="sm">{t('pledges.back')}</Anchor>
      </Stack>
    );
  }

  const v = view.data;
  if (v.signature) {
    return (
      <Stack maw={720}>
        <SignedCard signature={v.signature} campaignName={v.campaign.name} />
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={720}>
      <div>
        <Title order={2} size="h3">{v.campaign.name}</Title>
        <Text size="sm" c="dimmed">{t('pledges.deadline', { date: formatDate(v.campaign.signDeadline) })}</Text>
      </div>
      {stale ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} withCloseButton onClose={() => setStale(false)}>
          {t('pledges.staleTemplate')}
        </Alert>
      ) : null}
      {v.campaign.status !== 'open' ? <Alert color="orange" variant="light">{t('pledges.campaignClosed')}</Alert> : null}
      <Card padding="md">
        <Title order={3} size="h5" ta="center" mb="sm">{v.ikrar.title}</Title>
        <PledgeText body={v.ikrar.body} />
      </Card>
      <Card padding="md">
        <Title order={3} size="h5" ta="center" mb="sm">{v.pakta.title}</Title>
        <SignForm
          key={`${v.ikrar.id}:${v.pakta.id}`}
          view={v}
          onStale={() => { setStale(true); void reload(); }}
        />
      </Card>
    </Stack>
  );
}
