/** Small shared bits of the catalogue pages: tier colours and badges. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TIER_COLORS: Record<string, string> = { moral: 'blue', ringan: 'teal', sedang: 'yellow', berat: 'orange', ptdh: 'red', kontrak: 'gray' };

export function TierBadge({ tier }: { tier: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={TIER_COLORS[tier] ?? 'gray'} variant="light" style={{ flexShrink: 0 }}>
      {t(`handling.tier.${tier}`, { defaultValue: tier })}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" style={{ flexShrink: 0 }}>
      {t(`handling.stage.${stage}`, { defaultValue: stage })}
    </Badge>
  );
}
