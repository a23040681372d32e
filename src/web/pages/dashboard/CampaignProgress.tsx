import { Anchor, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { formatDate, formatNumber } from '../../components/format';

/** Open pledge campaigns with how many targeted employees have signed; details on the compliance page. */
export function CampaignProgress() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const open = (campaigns.data?.items ?? []).filter((c) => c.status === 'open');
  if (open.length === 0) return null;
  return (
    <Card>
      <Stack gap="sm">
        <Text fw={600}>{t('home.campaigns')}</Text>
        {open.map((c) => {
          const pct = c.targetCount ? Math.round((c.signedCount / c.targetCount) * 1000) / 10 : 0;
          return (
            <Stack key={c.id} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Anchor component={Link} to={`/kepatuhan?campaign=${c.id}`} size="sm" lineClamp={1}>
                  {c.name}
                </Anchor>
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatNumber(c.signedCount)} / {formatNumber(c.targetCount)} ({pct.toLocaleString('id-ID')}%)
                </Text>
              </Group>
              <Progress value={pct} aria-label={t('home.campaignProgress', { name: c.name })} />
              <Text size="xs" c="dimmed">
                {t('home.signDeadline', { date: formatDate(c.signDeadline) })}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
