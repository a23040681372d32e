import { useId, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../components/format';

export interface StatRow {
  key: string;
  label: string;
  count: number;
  /** Where a click on the bar or the row leads (e.g. the filtered employee list). */
  href?: string;
}

interface Props {
  title: string;
  hint?: string;
  rows: StatRow[];
  /** Denominator of the share column (defaults to the sum of the rows, e.g. when rows are a top-N). */
  total?: number;
  /** Column header for the row labels in the table view. */
  labelHeader: string;
  color: string;
  /** Width of the y-axis labels in px (horizontal bars). */
  labelWidth: number;
  onOpen: (href: string) => void;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One statistic as horizontal bars, with a "Grafik | Tabel" switch: the table carries the same
 * numbers (plus shares) for screen readers and for anyone who wants exact figures.
 */
export function StatsPanel({ title, hint, rows, total: totalProp, labelHeader, color, labelWidth, onOpen }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const total = totalProp ?? rows.reduce((sum, r) => sum + r.count, 0);
  const maxChars = Math.max(8, Math.floor(labelWidth / 6.5));
  const data = rows.map((r) => ({ ...r, short: shorten(r.label, maxChars) }));

  return (
    <Card h="100%">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} id={titleId}>{title}</Text>
          {hint ? <Text size="xs" c="dimmed">{hint}</Text> : null}
        </div>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          aria-label={`${title}: ${t('dashboard.view')}`}
          data={[
            { value: 'chart', label: t('dashboard.chart') },
            { value: 'table', label: t('dashboard.table') },
          ]}
          style={{ flexShrink: 0 }}
        />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">{t('dashboard.empty')}</Text>
      ) : view === 'chart' ? (
        <BarChart
          h={rows.length * 34 + 30}
          data={data}
          dataKey="short"
          orientation="vertical"
          series={[{ name: 'count', label: t('dashboard.count'), color }]}
          yAxisProps={{ width: labelWidth, interval: 0 }}
          gridAxis="none"
          withXAxis={false}
          xAxisProps={{ domain: [0, (max: number) => Math.ceil(max * 1.15)] }}
          withBarValueLabel
          valueFormatter={formatNumber}
          maxBarWidth={22}
          aria-labelledby={titleId}
          role="img"
          barProps={{
            cursor: rows.some((r) => r.href) ? 'pointer' : undefined,
            onClick: (entry: { payload?: StatRow }) => {
              if (entry.payload?.href) onOpen(entry.payload.href);
            },
          }}
        />
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table striped verticalSpacing={4} fz="sm" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{labelHeader}</Table.Th>
                <Table.Th ta="right">{t('dashboard.count')}</Table.Th>
                <Table.Th ta="right">{t('dashboard.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    {r.href ? (
                      <Anchor component={Link} to={r.href} fz="sm" c="teal.8" underline="always">
                        {r.label}
                      </Anchor>
                    ) : (
                      r.label
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(r.count)}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {total ? formatPercent(r.count / total) : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
