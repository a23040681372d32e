import { useId, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CellT } from '../../api/insights';
import { formatNumber, formatPercent } from '../../components/format';
import { cellText } from './cells';

export interface PanelRow {
  key: string;
  label: string;
  /** A shorter label for the chart axis (e.g. the item code); the table shows `label`. */
  short?: string;
  cell: CellT;
}

interface Props {
  title: string;
  hint?: string;
  rows: PanelRow[];
  total: CellT;
  /** Keep rows counting 0 (a suppressed view lists its whole domain instead). */
  isSuppressed: boolean;
  xlsxHref: string;
  color: string;
  /** Columns over time (months) instead of horizontal bars. */
  columns?: boolean;
  /** Largest first in the chart (units, items); otherwise the domain's own order. */
  sortByCount?: boolean;
  labelWidth: number;
  testId: string;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One breakdown as a chart with a "Grafik | Tabel" switch and its XLSX. The chart draws published
 * counts only; suppressed ones are in the table as "<5" or "×", and a line under the chart says how many.
 */
export function BreakdownPanel({ title, hint, rows: allRows, total, isSuppressed, xlsxHref, color, columns, sortByCount, labelWidth, testId }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const rows = isSuppressed ? allRows : allRows.filter((r) => r.cell.value !== 0);
  const shown = rows.filter((r) => r.cell.value !== null && r.cell.value > 0);
  if (sortByCount) shown.sort((a, b) => b.cell.value! - a.cell.value!);
  const hidden = rows.filter((r) => r.cell.value === null).length;
  const maxChars = Math.max(8, Math.floor(labelWidth / 6.5));
  const data = shown.map((r) => ({ label: columns ? r.label : shorten(r.short ?? r.label, maxChars), count: r.cell.value! }));

  return (
    <Card h="100%" data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div style={{ flex: '1 1 180px', minWidth: 0 }}>
          <Text fw={600} id={titleId}>{title}</Text>
          {hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
        </div>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <SegmentedControl
            size="xs"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            aria-label={`${title}: ${t('insights.view')}`}
            data={[
              { value: 'chart', label: t('insights.chart') },
              { value: 'table', label: t('insights.table') },
            ]}
          />
          <Anchor href={xlsxHref} download size="xs" aria-label={`${title}: XLSX`} title={`${title}: XLSX`}>
            <Group gap={2} wrap="nowrap"><IconDownload size={14} />{t('insights.xlsx')}</Group>
          </Anchor>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">{t('insights.empty')}</Text>
      ) : view === 'chart' ? (
        <>
          {data.length > 0 ? (
            <BarChart
              h={columns ? 220 : data.length * 34 + 30}
              data={data}
              dataKey="label"
              orientation={columns ? 'horizontal' : 'vertical'}
              series={[{ name: 'count', label: t('insights.cols.count'), color }]}
              yAxisProps={columns ? { allowDecimals: false, width: 32 } : { width: labelWidth, interval: 0 }}
              xAxisProps={columns ? undefined : { domain: [0, (max: number) => Math.ceil(max * 1.15)] }}
              barChartProps={{ margin: { right: columns ? 8 : 36 } }}
              gridAxis="none"
              withXAxis={Boolean(columns)}
              withYAxis={!columns || undefined}
              withBarValueLabel
              valueFormatter={formatNumber}
              maxBarWidth={columns ? 36 : 22}
              aria-labelledby={titleId}
              role="img"
            />
          ) : null}
          {hidden > 0 ? <Text size="xs" c="dimmed" mt={4}>{t('insights.hiddenCount', { count: hidden })}</Text> : null}
        </>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table striped verticalSpacing={4} fz="sm" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('insights.cols.label')}</Table.Th>
                <Table.Th ta="right">{t('insights.cols.count')}</Table.Th>
                {!isSuppressed ? <Table.Th ta="right">{t('insights.cols.share')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{cellText(r.cell)}</Table.Td>
                  {!isSuppressed ? <Table.Td ta="right">{total.value && r.cell.value !== null ? formatPercent(r.cell.value / total.value) : '—'}</Table.Td> : null}
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('insights.total')}</Table.Td>
                <Table.Td ta="right">{cellText(total)}</Table.Td>
                {!isSuppressed ? <Table.Td /> : null}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
