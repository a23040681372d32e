import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClockHour4, IconDownload, IconPencil, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyPledges, verifyPath } from '../../api/pledges';
import type { MyPledgeT } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';

function PledgeItem({ item }: { item: MyPledgeT }) {
  const { t } = useTranslation();
  const s = item.signature;
  const color = s ? (s.revoked ? 'red' : 'teal') : 'orange';
  const StatusIcon = s ? (s.revoked ? IconCircleX : IconCircleCheck) : IconClockHour4;
  return (
    <Card padding="sm" data-testid="my-pledge" data-campaign-id={item.campaignId}>
      <Text fw={600} size="sm">{item.name}</Text>
      <Group gap={6} mt={4} wrap="nowrap" align="flex-start" data-testid="my-pledge-status">
        <StatusIcon size={16} color={`var(--mantine-color-${color}-7)`} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
        <Text size="sm" c={`${color}.8`} fw={500}>
          {s ? (s.revoked ? t('pledges.revoked') : t('pledges.signed', { time: s.signedAtLocal }))
            : t('pledges.notSigned', { date: formatDate(item.signDeadline) })}
        </Text>
      </Group>
      <Group gap="xs" mt="sm" wrap="wrap">
        {s ? (
          <>
            <Button component="a" href={s.pdfUrl} download size="xs" variant="light" leftSection={<IconDownload size={14} />}>
              {t('pledges.downloadPdf')}
            </Button>
            <Button component={Link} to={verifyPath(s.verifyUrl)} size="xs" variant="subtle" leftSection={<IconShieldCheck size={14} />}>
              {t('pledges.verify')}
            </Button>
          </>
        ) : (
          <Button component={Link} to={`/ikrar/${item.campaignId}`} size="sm" leftSection={<IconPencil size={16} />} fullWidth>
            {t('pledges.signNow')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The employee's pledge campaigns: what is still to sign and what is signed (with PDF and verification link). */
export function MyPledges() {
  const { t } = useTranslation();
  const mine = useMyPledges();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('pledges.mineTitle')}</Title>
      <ErrorAlert error={mine.error} />
      {mine.isPending ? <PageLoader /> : null}
      {mine.data && mine.data.items.length === 0 ? <Text c="dimmed" size="sm">{t('pledges.mineEmpty')}</Text> : null}
      {(mine.data?.items ?? []).map((item) => <PledgeItem key={item.campaignId} item={item} />)}
    </Stack>
  );
}
