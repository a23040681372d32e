/** The dashboard panels that are more than one breakdown: time per step, PPK follow-up, pledge compliance. */
import { useId, useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInsightsT } from '../../api/insights';
import { DataAsOf } from '../../components/DataAsOf';
import { formatNumber, formatPercent } from '../../components/format';
import { cellText } from './cells';

const dash = (n: number | null | undefined, f: (n: number) => string = formatNumber) => (n === null || n === undefined ? '—' : f(n));

/** Card with a title, a chart/table switch and the XLSX link of its section. */
export function Panel({ title, hint, xlsxHref, testId, chart, table, footer }: { title: string; hint: string; xlsxHref: string; testId: string; chart: ReactNode; table: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card h="100%" data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <div style={{ flex: '1 1 180px', minWidth: 0 }}>
          <Text fw={600}>{title}</Text>
          <Text size="xs" c="dimmed">{hint}</Text>
        </div>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as 'chart' | 'table')} aria-label={`${title}: ${t('insights.view')}`} data={[{ value: 'chart', label: t('insights.chart') }, { value: 'table', label: t('insights.table') }]} />
          <Anchor href={xlsxHref} download size="xs" title={`${title}: XLSX`}>
            <Group gap={2} wrap="nowrap"><IconDownload size={14} />{t('insights.xlsx')}</Group>
          </Anchor>
        </Group>
      </Group>
      {view === 'chart' ? chart : table}
      {footer}
    </Card>
  );
}

export function StepsPanel({ view, xlsxHref, labelWidth }: { view: CaseInsightsT; xlsxHref: string; labelWidth: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const data = view.steps.filter((s) => s.avgWorkingDays !== null).map((s) => ({ label: t(`cases.state.${s.state}`), days: s.avgWorkingDays! }));
  return (
    <Panel
      title={t('insights.panels.steps')}
      hint={t('insights.hints.steps')}
      xlsxHref={xlsxHref}
      testId="insights-steps"
      chart={
        data.length ? (
          <BarChart h={data.length * 34 + 30} data={data} dataKey="label" orientation="vertical" series={[{ name: 'days', label: t('insights.cols.avgWorking'), color: 'grape.5' }]} yAxisProps={{ width: labelWidth, interval: 0 }} gridAxis="none" withXAxis={false} withBarValueLabel valueFormatter={formatNumber} maxBarWidth={22} barChartProps={{ margin: { right: 36 } }} role="img" aria-labelledby={titleId} />
        ) : (
          <Text size="sm" c="dimmed" id={titleId}>{t('insights.empty')}</Text>
        )
      }
      table={
        <Table.ScrollContainer minWidth={620}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                {(['state', 'completed', 'avgCalendar', 'avgWorking', 'open', 'overdue', 'maxOverdue'] as const).map((c) => <Table.Th key={c} ta={c === 'state' ? undefined : 'right'}>{t(`insights.cols.${c}`)}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.steps.map((s) => (
                <Table.Tr key={s.state}>
                  <Table.Td>{t(`cases.state.${s.state}`)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(s.completed)}</Table.Td>
                  <Table.Td ta="right">{dash(s.avgCalendarDays)}</Table.Td>
                  <Table.Td ta="right">{dash(s.avgWorkingDays)}</Table.Td>
                  <Table.Td ta="right">{cellText(s.open)}</Table.Td>
                  <Table.Td ta="right" c={s.overdue.value ? 'red.7' : undefined}>{cellText(s.overdue)}</Table.Td>
                  <Table.Td ta="right">{dash(s.maxOverdueWorkingDays)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}

export function PpkPanel({ view, xlsxHref, labelWidth }: { view: CaseInsightsT; xlsxHref: string; labelWidth: number }) {
  const { t } = useTranslation();
  const p = view.ppk;
  const data = p.byPpk.map((r) => ({ label: r.ppkName, pct: r.followUpRate === null ? 0 : Math.round(r.followUpRate * 1000) / 10 }));
  return (
    <Panel
      title={t('insights.panels.ppk')}
      hint={t('insights.hints.ppk')}
      xlsxHref={xlsxHref}
      testId="insights-ppk"
      chart={
        data.length ? (
          <BarChart h={data.length * 40 + 30} data={data} dataKey="label" orientation="vertical" series={[{ name: 'pct', label: t('insights.cols.rate'), color: 'teal.6' }]} yAxisProps={{ width: labelWidth, interval: 0 }} xAxisProps={{ domain: [0, 100] }} gridAxis="none" withXAxis={false} withBarValueLabel valueFormatter={(v) => formatPercent(v / 100)} maxBarWidth={22} barChartProps={{ margin: { right: 48 } }} />
        ) : (
          <Text size="sm">{p.followUpRate === null ? `${t('insights.cols.recommended')}: ${cellText(p.recommended)} · ${t('insights.cols.decided')}: ${cellText(p.decided)}` : formatPercent(p.followUpRate)}</Text>
        )
      }
      table={
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {([
              ['recommended', cellText(p.recommended)],
              ['decided', cellText(p.decided)],
              ['rate', dash(p.followUpRate, formatPercent)],
              ['avgDecide', dash(p.avgDaysToDecide)],
              ['waitingAvg', dash(p.avgWaitingWorkingDays)],
              ['waitingMax', dash(p.maxWaitingWorkingDays)],
            ] as const).map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Td>{t(`insights.cols.${k}`)}</Table.Td>
                <Table.Td ta="right" fw={600}>{v}</Table.Td>
              </Table.Tr>
            ))}
            {p.byPpk.map((r) => (
              <Table.Tr key={r.ppkName}>
                <Table.Td>{r.ppkName}</Table.Td>
                <Table.Td ta="right">{`${formatNumber(r.decided)} / ${formatNumber(r.recommended)} (${dash(r.followUpRate, formatPercent)})`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    />
  );
}

export function CompliancePanel({ view, xlsxHref, labelWidth }: { view: CaseInsightsT; xlsxHref: string; labelWidth: number }) {
  const { t } = useTranslation();
  const data = view.compliance.map((c) => ({ label: c.campaignName, pct: c.signedPct ?? 0 }));
  const empty = <Text size="sm" c="dimmed">{t('insights.noCampaign')}</Text>;
  // The oldest of the campaigns' per-unit counts (pre-aggregated, at most about a minute old).
  const asOf = view.compliance.map((c) => c.computedAt).sort()[0];
  return (
    <Panel
      footer={<DataAsOf computedAt={asOf} testId="insights-compliance-as-of" />}
      title={t('insights.panels.compliance')}
      hint={t('insights.hints.compliance')}
      xlsxHref={xlsxHref}
      testId="insights-compliance"
      chart={data.length ? <BarChart h={data.length * 40 + 30} data={data} dataKey="label" orientation="vertical" series={[{ name: 'pct', label: t('insights.cols.signedPct'), color: 'indigo.5' }]} yAxisProps={{ width: labelWidth, interval: 0 }} xAxisProps={{ domain: [0, 100] }} gridAxis="none" withXAxis={false} withBarValueLabel valueFormatter={(v) => `${formatNumber(v)}%`} maxBarWidth={22} barChartProps={{ margin: { right: 48 } }} /> : empty}
      table={
        data.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['campaign', 'target', 'signed', 'signedPct', 'apel', 'overdueUnits'] as const).map((c) => <Table.Th key={c} ta={c === 'campaign' ? undefined : 'right'}>{t(`insights.cols.${c}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.compliance.map((c) => (
                  <Table.Tr key={c.campaignId}>
                    <Table.Td>{c.campaignName}</Table.Td>
                    <Table.Td ta="right">{formatNumber(c.target)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(c.signed)}</Table.Td>
                    <Table.Td ta="right">{c.signedPct === null ? '—' : `${formatNumber(c.signedPct)}%`}</Table.Td>
                    <Table.Td ta="right">{`${formatNumber(c.apelReported)} / ${formatNumber(c.apelRequired)}`}</Table.Td>
                    <Table.Td ta="right">{formatNumber(c.overdueUnits)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          empty
        )
      }
    />
  );
}
