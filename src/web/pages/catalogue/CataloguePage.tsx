import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Drawer, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_LISTS, type CatalogueList } from '../../../shared/case-workflow.js';
import { useCatalogueVersion, useCatalogueVersions, useCurrentCatalogue, type CatalogueItemViewT } from '../../api/catalogue';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageLoader } from '../../components/PageLoader';
import { CatalogueItemCard } from './CatalogueItemCard';
import { CataloguePublishForm } from './CataloguePublishForm';
import { CatalogueVersions } from './CatalogueVersions';

const matches = (item: CatalogueItemViewT, q: string) =>
  !q || [item.code, item.act, item.legalBasis, item.tierSource, item.examples ?? ''].some((s) => s.toLowerCase().includes(q));

/** /katalog (catalogue.read): the violation catalogue in force, grouped by list; older versions; admins publish a new version. */
export default function CataloguePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const current = useCurrentCatalogue();
  const versions = useCatalogueVersions();
  const [viewId, setViewId] = useState<string | null>(null);
  const older = useCatalogueVersion(viewId);
  const [tab, setTab] = useState<string>('kode_etik');
  const [search, setSearch] = useState('');
  const [publishing, setPublishing] = useState(false);
  const shown = viewId ? older.data : current.data;
  const q = search.trim().toLowerCase();
  const byList = useMemo(() => {
    const out = {} as Record<CatalogueList, CatalogueItemViewT[]>;
    for (const l of CATALOGUE_LISTS) out[l] = (shown?.items ?? []).filter((i) => i.list === l && matches(i, q));
    return out;
  }, [shown, q]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: 1, minWidth: 240 }}>
          <Title order={2} size="h3">{t('handling.catalogue.title')}</Title>
          <Text size="sm" c="dimmed">{t('handling.catalogue.intro')}</Text>
        </div>
        {can('catalogue.publish') && current.data ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setPublishing(true)}>{t('handling.catalogue.publish')}</Button>
        ) : null}
      </Group>
      <ErrorAlert error={current.error ?? older.error} />
      {current.isPending || (viewId && older.isPending) ? <PageLoader /> : null}
      {shown ? (
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{t('handling.catalogue.version', { version: shown.version, title: shown.title })}</Text>
          <Badge color={shown.isCurrent ? 'teal' : 'gray'} variant="light">{shown.isCurrent ? t('handling.catalogue.current') : t('handling.catalogue.old')}</Badge>
          <Text size="sm" c="dimmed">
            {shown.publishedByName
              ? t('handling.catalogue.published', { date: formatDateTime(shown.publishedAt), name: shown.publishedByName })
              : t('handling.catalogue.publishedBuiltIn', { date: formatDateTime(shown.publishedAt) })}
          </Text>
        </Group>
      ) : null}
      {shown?.note ? <Text size="sm">{shown.note}</Text> : null}
      {viewId && shown ? (
        <Alert color="yellow" variant="light">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('handling.catalogue.viewing', { version: shown.version })}</Text>
            <Button size="compact-sm" variant="light" onClick={() => setViewId(null)}>{t('handling.catalogue.backToCurrent')}</Button>
          </Group>
        </Alert>
      ) : null}
      {shown ? (
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'kode_etik')} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            {CATALOGUE_LISTS.map((l) => (
              <Tabs.Tab key={l} value={l}>
                {t(`handling.list.${l}`)} <Text span c="dimmed" size="xs">({byList[l].length})</Text>
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="versions">{t('handling.catalogue.versions')}</Tabs.Tab>
          </Tabs.List>
          {CATALOGUE_LISTS.map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack gap="sm">
                <TextInput leftSection={<IconSearch size={16} />} aria-label={t('handling.catalogue.search')} placeholder={t('handling.catalogue.searchPlaceholder')}
                  value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
                {byList[l].length === 0 ? <Text c="dimmed" size="sm">{t('handling.catalogue.noMatch')}</Text> : null}
                {byList[l].map((item) => <CatalogueItemCard key={item.code} item={item} />)}
              </Stack>
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="versions" pt="sm">
            <ErrorAlert error={versions.error} />
            <CatalogueVersions versions={versions.data?.items ?? []} onView={(id) => { setViewId(id); setTab('kode_etik'); }} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      <Drawer opened={publishing} onClose={() => setPublishing(false)} position="right" size={isPhone ? '100%' : 'xl'} title={t('handling.catalogue.publishTitle')}>
        {publishing && current.data ? (
          <CataloguePublishForm
            current={current.data}
            onCancel={() => setPublishing(false)}
            onDone={(v) => {
              notifySuccess(t('handling.catalogue.publishedOk', { version: v.version }));
              setPublishing(false);
              setViewId(null);
            }}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
