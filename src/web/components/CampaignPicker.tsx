import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../api/campaigns';
import type { CampaignViewT } from '../api/types';
import { useEnumLabel } from './labels';

/**
 * The campaign a screen works on: the one named in the URL when it exists, otherwise the newest
 * open one (the list comes newest first), otherwise the newest one.
 */
export function useCampaignChoice(requested: string | null) {
  const campaigns = useCampaigns();
  const items = useMemo(() => campaigns.data?.items ?? [], [campaigns.data]);
  const campaign: CampaignViewT | undefined =
    items.find((c) => c.id === requested) ?? items.find((c) => c.status === 'open') ?? items[0];
  return { campaigns, items, campaign, campaignId: campaign?.id ?? null };
}

interface Props {
  items: CampaignViewT[];
  value: string | null;
  onChange: (id: string) => void;
}

/** A Select over the campaigns, shown only when there is more than one to choose from. */
export function CampaignPicker({ items, value, onChange }: Props) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  if (items.length < 2) return null;
  const data = items.map((c) => ({ value: c.id, label: `${c.name} (${label('campaignStatus', c.status)})` }));
  return (
    <Select
      label={t('apel.campaign')}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      maw={560}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
