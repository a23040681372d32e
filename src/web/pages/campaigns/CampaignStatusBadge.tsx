import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../api/types';
import { formatNumber } from '../../components/format';
import { useEnumLabel } from '../../components/labels';

const COLOR: Record<CampaignStatus, string> = { draft: 'gray', open: 'teal', closed: 'orange' };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const label = useEnumLabel();
  return (
    <Badge size="sm" variant="light" color={COLOR[status]} style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {label('campaignStatus', status)}
    </Badge>
  );
}

/** Signed / targeted as a bar with "x dari y". */
export function SignProgress({ signed, target }: { signed: number; target: number }) {
  const { t } = useTranslation();
  const pct = target > 0 ? Math.min(100, (signed / target) * 100) : 0;
  return (
    <Stack gap={2} miw={140}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs">{t('campaigns.progressOf', { signed: formatNumber(signed), target: formatNumber(target) })}</Text>
        <Text size="xs" c="dimmed">{Math.round(pct)}%</Text>
      </Group>
      <Progress value={pct} size="sm" aria-label={t('campaigns.progress')} />
    </Stack>
  );
}
