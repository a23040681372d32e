import '@mantine/charts/styles.css';
import { useId, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ComplianceUnitT } from '../../api/types';
import { formatNumber, formatPercent } from '../../components/format';

interface Props {
  title: string;
  units: ComplianceUnitT[];
  onSelect: (unitId: string) => void;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const pctText = (v: number | null) => (v === null ? '—' : formatPercent(v / 100));

/** Signed % per unit as horizontal bars (lazy: recharts stays out of the first bundle), with a table view. */
export default function ComplianceChart({ title, units, onSelect }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const labelWidth = isPhone ? 120 : 260;
  const rows = [...units]
    .sort((a, b) => (a.signedPct ?? 0) - (b.signedPct ?? 0) || a.name.localeCompare(b.name, 'id'))
    .map((u) => ({ id: u.id, name: u.name, short: shorten(u.name, isPhone ? 30 : 40), pct: u.signedPct ?? 0 }));

  return (
    <Card p="sm">
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="nowrap">
        <Text fw={600} id={titleId} style={{ minWidth: 0 }}>{title}</Text>
        <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as 'chart' | 'table')}
          aria-label={`${title}: ${t('compliance.view')}`} style={{ flexShrink: 0 }}
          data={[{ value: 'chart', label: t('compliance.chart') }, { value: 'table', label: t('compliance.table') }]} />
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t('compliance.noUnits')}</Text>
      ) : view === 'chart' ? (
        <BarChart
          h={rows.length * (isPhone ? 40 : 30) + 40}
          data={rows}
          dataKey="short"
          orientation="vertical"
          series={[{ name: 'pct', label: t('compliance.signedPct'), color: 'teal.6' }]}
          yAxisProps={{ width: labelWidth, interval: 0 }}
          xAxisProps={{ domain: [0, 100] }}
          gridAxis="none"
          withXAxis={false}
          withBarValueLabel
          valueFormatter={(v) => pctText(v)}
          maxBarWidth={20}
          role="img"
          aria-labelledby={titleId}
          barProps={{ cursor: 'pointer', onClick: (entry: { payload?: { id: string } }) => entry.payload && onSelect(entry.payload.id) }}
        />
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped verticalSpacing={4} fz="sm" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('apel.unit')}</Table.Th>
                <Table.Th ta="right">{t('compliance.signed')}</Table.Th>
                <Table.Th ta="right">{t('compliance.target')}</Table.Th>
                <Table.Th ta="right">%</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].reverse().map((r) => {
                const u = units.find((x) => x.id === r.id)!;
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" fz="sm" onClick={() => onSelect(r.id)} ta="left">{r.name}</Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(u.signedSubtree)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(u.targetSubtree)}</Table.Td>
                    <Table.Td ta="right">{pctText(u.signedPct)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
