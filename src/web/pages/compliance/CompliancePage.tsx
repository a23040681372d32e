import { lazy, Suspense, useMemo, useState } from 'react';
import { Box, Button, Card, Drawer, Grid, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCompliance } from '../../api/compliance';
import { CampaignPicker, useCampaignChoice } from '../../components/CampaignPicker';
import { DataAsOf } from '../../components/DataAsOf';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { ComplianceActions } from './ComplianceActions';
import { ComplianceSummary } from './ComplianceSummary';
import { ComplianceTreeView } from './ComplianceTreeView';
import { chartUnits, nestUnits, summarize } from './complianceTree';
import { UnsignedPanel } from './UnsignedPanel';

const ComplianceChart = lazy(() => import('./ComplianceChart'));

/** Kepatuhan: signing and apel per unit, overdue units, drill-down and exports. Filters live in the URL. */
export default function CompliancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const onlyOverdue = params.get('onlyOverdue') === 'true';
  const unitId = params.get('unit');
  const { campaigns, items, campaign, campaignId } = useCampaignChoice(params.get('campaign'));
  const full = useCompliance(campaignId, false);
  const filtered = useCompliance(onlyOverdue ? campaignId : null, true);
  const tree = onlyOverdue ? filtered : full;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [command, setCommand] = useState<{ kind: 'expand' | 'collapse'; n: number } | null>(null);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    }, { replace: true });

  const fullRoots = useMemo(() => nestUnits(full.data?.units ?? []), [full.data]);
  const summary = useMemo(() => summarize(fullRoots), [fullRoots]);
  const roots = useMemo(() => nestUnits(tree.data?.units ?? []), [tree.data]);
  const byId = useMemo(() => new Map((full.data?.units ?? []).map((u) => [u.id, u])), [full.data]);
  const selected = unitId ? byId.get(unitId) : undefined;
  const compared = chartUnits(fullRoots);
  const scopeRoot = fullRoots.length === 1 ? fullRoots[0]!.unit : null;
  const chartTitle = scopeRoot && scopeRoot.unitType !== 'pemda'
    ? t('compliance.chartTitleUnits', { unit: scopeRoot.name })
    : t('compliance.chartTitle');

  const drill = selected && campaignId ? (
    <UnsignedPanel key={selected.id} campaignId={campaignId} unitId={selected.id} unitName={selected.name} compact={isPhone} />
  ) : null;

  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">{t('compliance.title')}</Title>
        <Text size="sm" c="dimmed">{t('compliance.intro')}</Text>
      </div>
      <ErrorAlert error={campaigns.error} />
      {campaigns.isPending ? <PageLoader /> : null}
      {!campaigns.isPending && !campaign ? <Text c="dimmed">{t('apel.noCampaign')}</Text> : null}
      <CampaignPicker items={items} value={campaignId} onChange={(id) => update({ campaign: id, unit: null })} />
      {campaignId ? (
        <>
          <ErrorAlert error={full.error} />
          {full.isPending ? <PageLoader /> : null}
          {full.data ? (
            <>
              <Text size="xs" c="dimmed">
                {t('compliance.today', {
                  date: formatDate(full.data.today),
                  sign: formatDate(full.data.signDeadline),
                  apel: formatDate(full.data.apelReportDeadline),
                })}
              </Text>
              <DataAsOf computedAt={full.data.computedAt} />
              <ComplianceSummary s={summary} />
              <ComplianceActions campaignId={campaignId} unitId={selected?.id ?? null} unitName={selected?.name ?? null} reach={{ unsigned: summary.target - summary.signed, lateUnits: summary.overdue }} />
              <Suspense fallback={<PageLoader />}>
                <ComplianceChart title={chartTitle} units={compared} onSelect={(id) => update({ unit: id })} />
              </Suspense>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Card p="sm">
                    <Group justify="space-between" gap="xs" mb="xs">
                      <Text fw={600}>{t('compliance.treeTitle')}</Text>
                      <Switch label={t('compliance.onlyOverdue')} checked={onlyOverdue}
                        onChange={(e) => update({ onlyOverdue: e.currentTarget.checked ? 'true' : null })} />
                    </Group>
                    <Group gap="xs" mb="xs">
                      <Button size="compact-xs" variant="subtle" onClick={() => setCommand({ kind: 'expand', n: Date.now() })}>
                        {t('compliance.expandAll')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" onClick={() => setCommand({ kind: 'collapse', n: Date.now() })}>
                        {t('compliance.collapseAll')}
                      </Button>
                    </Group>
                    <ErrorAlert error={tree.error} />
                    {tree.isPending ? <PageLoader /> : null}
                    {tree.data && roots.length === 0 ? <Text size="sm" c="dimmed">{t('compliance.noUnits')}</Text> : null}
                    <Box mah={{ base: 'none', md: 'calc(100dvh - 200px)' }} style={{ overflowY: 'auto', overflowX: 'hidden' }}
                      data-testid="compliance-tree">
                      {roots.length > 0 ? (
                        <ComplianceTreeView key={`${campaignId}-${onlyOverdue}`} roots={roots} byId={byId}
                          selectedId={unitId} onSelect={(id) => update({ unit: id })} command={command} openAll={onlyOverdue} />
                      ) : null}
                    </Box>
                  </Card>
                </Grid.Col>
                {isPhone ? null : (
                  <Grid.Col span={{ base: 12, md: 5 }}>
                    <Card p="sm" pos="sticky" top={76}>
                      {drill ?? <Text size="sm" c="dimmed">{t('compliance.selectUnit')}</Text>}
                      {selected ? (
                        <Button size="compact-xs" variant="subtle" mt="xs" onClick={() => update({ unit: null })}>
                          {t('compliance.clearUnit')}
                        </Button>
                      ) : null}
                    </Card>
                  </Grid.Col>
                )}
              </Grid>
            </>
          ) : null}
        </>
      ) : null}
      {isPhone ? (
        <Drawer opened={Boolean(selected)} onClose={() => update({ unit: null })} position="bottom" size="85%"
          title={<Text fw={600} style={{ wordBreak: 'break-word' }}>{selected ? t('compliance.unsignedTitle', { unit: selected.name }) : ''}</Text>}>
          {drill}
        </Drawer>
      ) : null}
    </Stack>
  );
}
