/** Charts of the national overview (lazy: recharts stays out of the first bundle); each has its table and the XLSX. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CASE_STATUS_GROUPS } from '../../../shared/contracts/national.contract.js';
import { nationalXlsxUrl, type NationalViewT } from '../../api/national';
import { formatNumber } from '../../components/format';
import { cellText } from './cells';
import { Panel } from './DetailPanels';

const LOWEST = 15;
const pct = (signed: number, target: number) => (target === 0 ? null : Math.round((signed * 1000) / target) / 10);

export default function NationalCharts({ view }: { view: NationalViewT }) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const labelWidth = isPhone ? 120 : 220;
  const xlsx = nationalXlsxUrl({ election: view.filters.election, province: view.filters.province ?? undefined, asOf: view.filters.asOf });
  // Signing per province (exact figures: summing them discloses nothing), or the lowest tenants within one province.
  const byProvince = !view.filters.province && view.provinces.length > 1;
  const signing = byProvince
    ? view.provinces.map((p) => {
        const rows = view.rows.filter((r) => r.provinceCode === p.code);
        const target = rows.reduce((s, r) => s + r.pledge.target, 0);
        const signed = rows.reduce((s, r) => s + r.pledge.signed, 0);
        return { key: p.code, label: p.name.replace(/^Provinsi /, ''), target, signed, pct: pct(signed, target) };
      })
    : view.rows.map((r) => ({ key: r.tenantId, label: r.name, target: r.pledge.target, signed: r.pledge.signed, pct: r.pledge.signedPct }));
  const charted = (byProvince ? signing : [...signing].sort((a, b) => (a.pct ?? 101) - (b.pct ?? 101)).slice(0, LOWEST)).filter((s) => s.pct !== null);
  const status = CASE_STATUS_GROUPS.map((g) => ({ key: g, label: t(`national.status.${g}`), cell: view.totals.cases.byStatus[g] }));
  const statusShown = status.filter((s) => s.cell.value !== null).map((s) => ({ label: s.label, count: s.cell.value! }));
  const empty = <Text size="sm" c="dimmed">{t('national.empty')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Panel
        title={byProvince ? t('national.charts.signedByProvince') : t('national.charts.signedByTenant')}
        hint={t('national.charts.hint')}
        xlsxHref={xlsx}
        testId="national-chart-signing"
        chart={
          charted.length ? (
            <BarChart h={Math.min(charted.length, 40) * 26 + 30} data={charted} dataKey="label" orientation="vertical" series={[{ name: 'pct', label: t('national.cols.signedPct'), color: 'indigo.5' }]} yAxisProps={{ width: labelWidth, interval: 0 }} xAxisProps={{ domain: [0, 100] }} gridAxis="none" withXAxis={false} withBarValueLabel valueFormatter={(v) => `${formatNumber(v)}%`} maxBarWidth={18} barChartProps={{ margin: { right: 48 } }} />
          ) : (
            empty
          )
        }
        table={
          <Table.ScrollContainer minWidth={420} mah={420}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{byProvince ? t('national.filters.province') : t('national.cols.tenant')}</Table.Th>
                  <Table.Th ta="right">{t('national.cols.signed')}</Table.Th>
                  <Table.Th ta="right">{t('national.cols.signedPct')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {signing.map((s) => (
                  <Table.Tr key={s.key}>
                    <Table.Td>{s.label}</Table.Td>
                    <Table.Td ta="right">{`${formatNumber(s.signed)} / ${formatNumber(s.target)}`}</Table.Td>
                    <Table.Td ta="right">{s.pct === null ? '—' : `${formatNumber(s.pct)}%`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        }
      />
      <Panel
        title={t('national.charts.casesByStatus')}
        hint={`${t('insights.legend.small')} · ${t('insights.legend.complementary')}`}
        xlsxHref={xlsx}
        testId="national-chart-status"
        chart={
          statusShown.length ? (
            <BarChart h={statusShown.length * 34 + 30} data={statusShown} dataKey="label" orientation="vertical" series={[{ name: 'count', label: t('national.cols.cases'), color: 'teal.6' }]} yAxisProps={{ width: labelWidth, interval: 0 }} gridAxis="none" withXAxis={false} withBarValueLabel valueFormatter={formatNumber} maxBarWidth={22} barChartProps={{ margin: { right: 48 } }} />
          ) : (
            <Text size="sm" c="dimmed">{t('national.charts.allHidden')}</Text>
          )
        }
        table={
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {status.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{s.label}</Table.Td>
                  <Table.Td ta="right">{cellText(s.cell)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('national.total', { count: view.totals.tenants })}</Table.Td>
                <Table.Td ta="right">{cellText(view.totals.cases.total)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        }
      />
    </SimpleGrid>
  );
}
