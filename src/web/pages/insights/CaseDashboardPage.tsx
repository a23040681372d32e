import { lazy, Suspense } from 'react';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useElections } from '../../api/campaigns';
import { caseInsightsXlsxUrl, useCaseInsights, type CellT } from '../../api/insights';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatPercent } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { UnitSelect } from '../../components/UnitSelect';
import { cellText } from './cells';
import { useInsightFilters } from './useInsightFilters';

const InsightCharts = lazy(() => import('./InsightCharts'));

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={700} data-testid={testId}>{value}</Text>
    </Card>
  );
}

/** Sum of published cells, or "<5"-style text when any is hidden. */
function sumText(cells: CellT[]): string {
  if (cells.some((c) => c.value === null)) return '—';
  return cellText({ value: cells.reduce((s, c) => s + c.value!, 0), suppressed: null });
}

/** /dashboard/penanganan: charts where people compare numbers, each with its table and XLSX; filters in the URL. */
export default function CaseDashboardPage() {
  const { t } = useTranslation();
  const { filters, update, reset } = useInsightFilters();
  const elections = useElections();
  const insights = useCaseInsights(filters);
  const view = insights.data;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('insights.title')}</Title>
        <Text size="sm" c="dimmed">{t('insights.intro')}</Text>
      </div>
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('insights.filters.event')}
            placeholder={t('insights.filters.allEvents')}
            data={(elections.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={filters.event ?? null}
            onChange={(v) => update({ event: v })}
            clearable
            data-testid="insights-event"
          />
          <TextInput type="date" label={t('insights.filters.from')} value={filters.from ?? ''} onChange={(e) => update({ from: e.currentTarget.value || null })} />
          <TextInput type="date" label={t('insights.filters.to')} value={filters.to ?? ''} onChange={(e) => update({ to: e.currentTarget.value || null })} />
          <UnitSelect label={t('insights.filters.unit')} placeholder={t('insights.filters.allUnits')} value={filters.unitId ?? null} onChange={(v) => update({ unitId: v })} clearable />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" size="compact-sm" onClick={reset} disabled={Object.keys(filters).length === 0}>{t('insights.filters.reset')}</Button>
          <Button component="a" href={caseInsightsXlsxUrl(filters)} download variant="light" size="sm" leftSection={<IconDownload size={16} />}>{t('insights.filters.xlsxAll')}</Button>
        </Group>
      </Card>
      <ErrorAlert error={insights.error} />
      {insights.isPending ? <PageLoader /> : null}
      {view ? (
        <>
          {view.isSuppressed ? (
            <Alert color="gray" variant="light" icon={<IconEyeOff size={18} />} data-testid="insights-suppressed">
              {t('insights.suppressed', { unit: view.filters.unitName })}
              <Text size="xs" mt={4}>{t('insights.legend.small')} · {t('insights.legend.complementary')}</Text>
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'sm', sm: 'md' }}>
            <Tile label={t('insights.tiles.cases')} value={cellText(view.cases.total)} testId="insights-total-cases" />
            <Tile label={t('insights.tiles.subjects')} value={cellText(view.subjects.total)} testId="insights-total-subjects" />
            <Tile label={t('insights.tiles.overdue')} value={sumText(view.steps.map((s) => s.overdue))} testId="insights-total-overdue" />
            <Tile label={t('insights.tiles.followUp')} value={view.ppk.followUpRate === null ? '—' : formatPercent(view.ppk.followUpRate)} testId="insights-follow-up" />
          </SimpleGrid>
          <Suspense fallback={<PageLoader />}>
            <InsightCharts view={view} filters={filters} />
          </Suspense>
        </>
      ) : null}
    </Stack>
  );
}
