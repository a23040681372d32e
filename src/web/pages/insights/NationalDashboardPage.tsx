import { lazy, Suspense, useMemo } from 'react';
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconEyeOff } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { nationalXlsxUrl, useNational, type NationalFilters, type NationalRowT, type NationalViewT } from '../../api/national';
import { useAuth } from '../../components/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { cellText } from './cells';

const NationalCharts = lazy(() => import('./NationalCharts'));
const OversightGrantsPanel = lazy(() => import('./OversightGrantsPanel'));

const KEYS = ['election', 'province', 'asOf', 'q'] as const;

/** Election, province, day and the search box, kept in the URL (shareable, survive reload and back). */
function useNationalFilters() {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<(typeof KEYS)[number], string>> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) values[k] = v;
  }
  const update = (patch: Partial<Record<(typeof KEYS)[number], string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const { q, ...filters } = values;
  return { filters: filters as NationalFilters, q: q ?? '', update, reset: () => setParams(new URLSearchParams(), { replace: true }) };
}

function Tile({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card>
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={700} data-testid={testId}>{value}</Text>
    </Card>
  );
}

const pctText = (pct: number | null) => (pct === null ? '—' : `${formatNumber(pct)}%`);
const rateText = (rate: number | null) => (rate === null ? '—' : formatPercent(rate));

function FiguresCells({ f }: { f: NationalViewT['totals'] | NationalRowT }) {
  return (
    <>
      <Table.Td ta="right">{formatNumber(f.employees)}</Table.Td>
      <Table.Td ta="right">{`${formatNumber(f.pledge.signed)} / ${formatNumber(f.pledge.target)}`}</Table.Td>
      <Table.Td ta="right">{pctText(f.pledge.signedPct)}</Table.Td>
      <Table.Td ta="right">{`${formatNumber(f.apel.reported)} / ${formatNumber(f.apel.required)}`}</Table.Td>
      <Table.Td ta="right">{cellText(f.cases.total)}</Table.Td>
      <Table.Td ta="right">{cellText(f.cases.proven)}</Table.Td>
      <Table.Td ta="right">{cellText(f.cases.sanctioned)}</Table.Td>
      <Table.Td ta="right">{rateText(f.ppk.followUpRate)}</Table.Td>
      <Table.Td ta="right">{cellText(f.ppk.waiting)}</Table.Td>
      <Table.Td ta="right">{f.ppk.avgWaitingDays === null ? '—' : formatNumber(f.ppk.avgWaitingDays)}</Table.Td>
    </>
  );
}

/** /dashboard/nasional: one row of aggregates per tenant for the platform operator or an oversight tenant. */
export default function NationalDashboardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { filters, q, update, reset } = useNationalFilters();
  const national = useNational(filters);
  const view = national.data;
  const needle = q.trim().toLowerCase();
  const rows = useMemo(() => (view ? view.rows.filter((r) => !needle || r.name.toLowerCase().includes(needle) || (r.wilayahCode ?? '').startsWith(needle)) : []), [view, needle]);
  const cols = ['code', 'tenant', 'employees', 'signed', 'signedPct', 'apel', 'cases', 'proven', 'sanctioned', 'followUp', 'waiting', 'waitingDays', 'asOf'] as const;
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('national.title')}</Title>
        <Text size="sm" c="dimmed">{t('national.intro')}</Text>
      </div>
      <Card>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Select
            label={t('national.filters.election')}
            data={[
              ...(view?.elections ?? []).map((e) => ({ value: e.key, label: t('national.electionOption', { name: e.votingDay ? `${e.name} (${formatDate(e.votingDay)})` : e.name, count: e.tenants }) })),
              { value: '*', label: t('national.filters.allElections') },
            ]}
            value={view?.filters.election ?? filters.election ?? null}
            onChange={(v) => update({ election: v })}
            allowDeselect={false}
            data-testid="national-election"
          />
          <Select
            label={t('national.filters.province')}
            placeholder={t('national.filters.allProvinces')}
            data={(view?.provinces ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.tenants})` }))}
            value={filters.province ?? null}
            onChange={(v) => update({ province: v })}
            clearable
            searchable
            data-testid="national-province"
          />
          <TextInput type="date" label={t('national.filters.asOf')} value={filters.asOf ?? view?.filters.asOf ?? ''} onChange={(e) => update({ asOf: e.currentTarget.value || null })} />
          <TextInput label={t('national.filters.search')} value={q} onChange={(e) => update({ q: e.currentTarget.value || null })} data-testid="national-search" />
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" size="compact-sm" onClick={reset} disabled={Object.keys(filters).length === 0 && !q}>{t('national.filters.reset')}</Button>
          <Button component="a" href={nationalXlsxUrl(view ? { ...filters, election: view.filters.election, asOf: view.filters.asOf } : filters)} download variant="light" size="sm" leftSection={<IconDownload size={16} />} data-testid="national-xlsx">
            {t('national.filters.xlsx')}
          </Button>
        </Group>
      </Card>
      <ErrorAlert error={national.error} />
      {national.isPending ? <PageLoader /> : null}
      {view ? (
        <>
          <Alert color="gray" variant="light" icon={<IconEyeOff size={18} />} data-testid="national-scope">
            {view.scope === 'platform' ? t('national.scopePlatform') : t('national.scopeGranted', { count: view.rows.length })} {t('national.suppressed', { threshold: view.threshold })}
            <Text size="xs" mt={4}>
              {t('national.freshness', { oldest: formatDateTime(view.computedAt.oldest), newest: formatDateTime(view.computedAt.newest) })} · {t('insights.legend.small')} · {t('insights.legend.complementary')}
            </Text>
          </Alert>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing={{ base: 'sm', sm: 'md' }}>
            <Tile label={t('national.tiles.tenants')} value={formatNumber(view.totals.tenants)} testId="national-tenants" />
            <Tile label={t('national.tiles.employees')} value={formatNumber(view.totals.employees)} testId="national-employees" />
            <Tile label={t('national.tiles.signed')} value={pctText(view.totals.pledge.signedPct)} testId="national-signed" />
            <Tile label={t('national.tiles.cases')} value={cellText(view.totals.cases.total)} testId="national-cases" />
            <Tile label={t('national.tiles.followUp')} value={rateText(view.totals.ppk.followUpRate)} testId="national-follow-up" />
          </SimpleGrid>
          <Suspense fallback={<PageLoader />}>
            <NationalCharts view={view} />
          </Suspense>
          <Card>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('national.nav')}</Text>
              <Text size="sm" c="dimmed">{t('national.shown', { shown: rows.length, total: view.rows.length })}</Text>
            </Group>
            {view.rows.length === 0 ? (
              <Text size="sm" c="dimmed">{t('national.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={1250}>
                <Table striped highlightOnHover verticalSpacing={4} fz="sm" stickyHeader data-testid="national-table">
                  <Table.Thead>
                    <Table.Tr>
                      {cols.map((c) => <Table.Th key={c} ta={c === 'tenant' || c === 'code' ? undefined : 'right'}>{t(`national.cols.${c}`)}</Table.Th>)}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.tenantId} data-testid={`national-row-${r.slug}`}>
                        <Table.Td>{r.wilayahCode ?? '—'}</Table.Td>
                        <Table.Td>
                          {r.name}
                          {!r.hasElection && view.filters.election !== '*' ? (
                            <Tooltip label={t('national.noElection')}>
                              <Badge ml={6} size="xs" variant="light" color="gray">—</Badge>
                            </Tooltip>
                          ) : null}
                        </Table.Td>
                        <FiguresCells f={r} />
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{r.statDate ? formatDate(r.statDate) : t('national.notRefreshed')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr fw={700}>
                      <Table.Td />
                      <Table.Td>{t('national.total', { count: view.totals.tenants })}</Table.Td>
                      <FiguresCells f={view.totals} />
                      <Table.Td />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          {can('oversight.manage') ? (
            <Suspense fallback={<PageLoader />}>
              <OversightGrantsPanel />
            </Suspense>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
