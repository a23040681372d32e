/** Monitoring queue volume per week and the hit rate per screening-risk band (Satgas and BKPSDM only). */
import { BarChart } from '@mantine/charts';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseInsightsT } from '../../api/insights';
import { formatNumber } from '../../components/format';
import { Panel } from './DetailPanels';

const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v)}%`);

export function MonitoringPanel({ monitoring: m, xlsxHref }: { monitoring: NonNullable<CaseInsightsT['monitoring']>; xlsxHref: string }) {
  const { t, i18n } = useTranslation();
  const dayFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const weeks = m.byWeek.slice(-12).map((w) => ({ label: dayFormat.format(new Date(`${w.week}T00:00:00Z`)), captured: w.captured, relevant: w.relevant }));
  const summary = (
    <Group gap="lg" mb="xs" data-testid="insights-monitoring-summary">
      <Text size="sm">{t('insights.monitoring.captured')}: <b>{formatNumber(m.captured)}</b></Text>
      <Text size="sm">{t('insights.monitoring.pending')}: <b>{formatNumber(m.pending)}</b>{m.oldestPendingDays !== null ? ` (${t('insights.monitoring.oldest', { count: m.oldestPendingDays })})` : ''}</Text>
      <Text size="sm">{t('insights.monitoring.hitRate')}: <b data-testid="insights-monitoring-hit-rate">{pct(m.hitRatePct)}</b></Text>
      <Text size="sm">{t('insights.monitoring.casesOpened')}: <b>{formatNumber(m.casesOpened)}</b></Text>
    </Group>
  );
  return (
    <Panel
      title={t('insights.panels.monitoring')}
      hint={t('insights.hints.monitoring')}
      xlsxHref={xlsxHref}
      testId="insights-monitoring"
      chart={
        <Stack gap={4}>
          {summary}
          {weeks.length ? (
            <BarChart h={220} data={weeks} dataKey="label" series={[{ name: 'captured', label: t('insights.monitoring.captured'), color: 'blue.4' }, { name: 'relevant', label: t('insights.monitoring.relevant'), color: 'red.5' }]}
              withLegend gridAxis="y" valueFormatter={formatNumber} maxBarWidth={18} role="img" aria-label={t('insights.panels.monitoring')} />
          ) : (
            <Text size="sm" c="dimmed">{t('insights.empty')}</Text>
          )}
        </Stack>
      }
      table={
        <Stack gap={4}>
          {summary}
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['band', 'captured', 'pending', 'relevant', 'notRelevant', 'hitRate'] as const).map((c) => <Table.Th key={c} ta={c === 'band' ? undefined : 'right'}>{t(`insights.monitoring.${c}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {m.byBand.map((b) => (
                  <Table.Tr key={b.band}>
                    <Table.Td>{t(`insights.monitoring.bands.${b.band}`)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(b.captured)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(b.pending)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(b.relevant)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(b.notRelevant)}</Table.Td>
                    <Table.Td ta="right">{pct(b.hitRatePct)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      }
    />
  );
}
