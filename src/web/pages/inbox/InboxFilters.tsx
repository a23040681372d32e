import { useEffect, useState } from 'react';
import { Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ACT_KINDS, IDENTITY_MODES } from '../report/reportForm';
import { CHANNELS, STATUSES } from './inboxEnums';
import type { useInboxFilters } from './useInboxFilters';

type Filters = ReturnType<typeof useInboxFilters>;

export function InboxFilters({ filters }: { filters: Filters }) {
  const { t } = useTranslation();
  const { values, update } = filters;
  const [q, setQ] = useState(values.q);
  const [debounced] = useDebouncedValue(q, 350);
  useEffect(() => {
    if (debounced !== values.q) update({ q: debounced });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const select = (key: 'status' | 'channel' | 'identityMode' | 'actKind', data: { value: string; label: string }[]) => (
    <Select label={t(`inbox.filters.${key}`)} data={data} value={values[key] || null} onChange={(v) => update({ [key]: v ?? '' })} clearable placeholder={t('common.all')} comboboxProps={{ withinPortal: true }} />
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      <TextInput label={t('inbox.filters.q')} placeholder={t('inbox.filters.qPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {select('status', STATUSES.map((s) => ({ value: s, label: t(`inbox.status.${s}`) })))}
      {select('channel', CHANNELS.map((c) => ({ value: c, label: t(`inbox.channel.${c}`) })))}
      {select('identityMode', IDENTITY_MODES.map((m) => ({ value: m, label: t(`reports.identityMode.${m}`) })))}
      {select('actKind', ACT_KINDS.map((k) => ({ value: k, label: t(`reports.actKind.${k}`) })))}
      <TextInput type="date" label={t('inbox.filters.from')} value={values.from} onChange={(e) => update({ from: e.currentTarget.value })} />
      <TextInput type="date" label={t('inbox.filters.to')} value={values.to} onChange={(e) => update({ to: e.currentTarget.value })} />
      {filters.active ? (
        <Button variant="subtle" style={{ alignSelf: 'end' }} onClick={() => { setQ(''); filters.reset(); }}>{t('inbox.filters.reset')}</Button>
      ) : null}
    </SimpleGrid>
  );
}
