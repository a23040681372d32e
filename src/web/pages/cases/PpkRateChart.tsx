import '@mantine/charts/styles.css';
import { useId } from 'react';
import { BarChart } from '@mantine/charts';
import { Card, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { PpkBoardT } from '../../api/cases';
import { formatNumber, formatPercent } from '../../components/format';

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Follow-up rate per PPK as horizontal bars (lazy: recharts stays out of the first bundle), with the same numbers in a table below. */
export default function PpkRateChart({ rates }: { rates: PpkBoardT['rates'] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const rows = [...rates]
    .sort((a, b) => (a.followUpRate ?? -1) - (b.followUpRate ?? -1) || a.ppkName.localeCompare(b.ppkName, 'id'))
    .map((r) => ({ ...r, short: shorten(r.ppkName, isPhone ? 22 : 40), pct: r.followUpRate === null ? 0 : Math.round(r.followUpRate * 1000) / 10 }));
  const title = t('cases.ppk.rates');
  return (
    <Card withBorder radius="md" p="md">
      <Text fw={600} id={titleId}>{title}</Text>
      <Text size="xs" c="dimmed" mb="xs">{t('cases.ppk.ratesHint')}</Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('cases.ppk.noRates')}</Text>
      ) : (
        <BarChart
          h={rows.length * (isPhone ? 44 : 36) + 40}
          data={rows}
          dataKey="short"
          orientation="vertical"
          series={[{ name: 'pct', label: t('cases.ppk.rateCols.rate'), color: 'teal.6' }]}
          yAxisProps={{ width: isPhone ? 110 : 240, interval: 0 }}
          xAxisProps={{ domain: [0, 100] }}
          gridAxis="none"
          withXAxis={false}
          withBarValueLabel
          valueFormatter={(v) => formatPercent(v / 100)}
          maxBarWidth={22}
          barChartProps={{ margin: { right: 48 } }}
          role="img"
          aria-labelledby={titleId}
        />
      )}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={420} mt="sm">
          <Table striped verticalSpacing={4} fz="sm" aria-labelledby={titleId} data-testid="ppk-rates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.ppk.rateCols.ppk')}</Table.Th>
                <Table.Th ta="right">{t('cases.ppk.rateCols.recommended')}</Table.Th>
                <Table.Th ta="right">{t('cases.ppk.rateCols.decided')}</Table.Th>
                <Table.Th ta="right">{t('cases.ppk.rateCols.rate')}</Table.Th>
                <Table.Th ta="right">{t('cases.ppk.rateCols.avg')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].reverse().map((r) => (
                <Table.Tr key={r.ppkName}>
                  <Table.Td>{r.ppkName}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.recommended)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.decided)}</Table.Td>
                  <Table.Td ta="right">{r.followUpRate === null ? '—' : formatPercent(r.followUpRate)}</Table.Td>
                  <Table.Td ta="right">{r.avgDaysToDecide === null ? '—' : formatNumber(Math.round(r.avgDaysToDecide * 10) / 10)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
