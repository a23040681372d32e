import '@mantine/charts/styles.css';
import { SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { caseInsightsXlsxUrl, type BreakdownRowT, type CaseInsightsFilters, type CaseInsightsT } from '../../api/insights';
import { useEnumLabel } from '../../components/labels';
import { BreakdownPanel } from './BreakdownPanel';
import { CompliancePanel, PpkPanel, StepsPanel } from './DetailPanels';
import { MonitoringPanel } from './MonitoringPanel';

/** Every chart of the case dashboard (lazy: recharts stays out of the first bundle). */
export default function InsightCharts({ view, filters }: { view: CaseInsightsT; filters: CaseInsightsFilters }) {
  const { t, i18n } = useTranslation();
  const enumLabel = useEnumLabel();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const labelWidth = isPhone ? 110 : 190;
  const xlsx = (section: string) => caseInsightsXlsxUrl(filters, section);
  const monthFormat = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const label = (section: string) => (r: BreakdownRowT) => {
    if (r.key === 'none') return t('insights.none');
    if (section === 'state') return t(`cases.state.${r.key}`, { defaultValue: r.label });
    if (section === 'origin') return t(`cases.origin.${r.key}`, { defaultValue: r.label });
    if (section === 'month') return monthFormat.format(new Date(`${r.key}-15T00:00:00Z`));
    if (section === 'jabatan') return enumLabel('jabatanClass', r.key);
    if (section === 'category') return enumLabel('category', r.key);
    if (section === 'unit' && r.key === 'self') return t('insights.self', { unit: view.filters.unitName });
    return r.label;
  };
  const rows = (section: string, list: BreakdownRowT[]) => list.map((r) => ({ key: r.key, label: label(section)(r), short: section === 'item' && r.key !== 'none' ? r.key : undefined, cell: r.cell }));
  const common = { isSuppressed: view.isSuppressed, labelWidth };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <BreakdownPanel {...common} testId="insights-byState" title={t('insights.panels.byState')} hint={t('insights.hints.cases')} rows={rows('state', view.cases.byState)} total={view.cases.total} xlsxHref={xlsx('byState')} color="teal.6" />
      <BreakdownPanel {...common} testId="insights-byMonth" title={t('insights.panels.byMonth')} hint={t('insights.hints.cases')} rows={rows('month', view.cases.byMonth)} total={view.cases.total} xlsxHref={xlsx('byMonth')} color="blue.5" columns />
      <BreakdownPanel {...common} testId="insights-byItem" title={t('insights.panels.byItem')} hint={t('insights.hints.subjects')} rows={rows('item', view.subjects.byItem)} total={view.subjects.total} xlsxHref={xlsx('byItem')} color="red.5" sortByCount />
      <BreakdownPanel {...common} testId="insights-byUnit" title={t('insights.panels.byUnit')} hint={t('insights.hints.subjects')} rows={rows('unit', view.subjects.byUnit)} total={view.subjects.total} xlsxHref={xlsx('byUnit')} color="orange.5" sortByCount />
      <BreakdownPanel {...common} testId="insights-byJabatanClass" title={t('insights.panels.byJabatanClass')} hint={t('insights.hints.subjects')} rows={rows('jabatan', view.subjects.byJabatanClass)} total={view.subjects.total} xlsxHref={xlsx('byJabatanClass')} color="indigo.5" />
      <BreakdownPanel {...common} testId="insights-byCategory" title={t('insights.panels.byCategory')} hint={t('insights.hints.subjects')} rows={rows('category', view.subjects.byCategory)} total={view.subjects.total} xlsxHref={xlsx('byCategory')} color="cyan.6" />
      <BreakdownPanel {...common} testId="insights-byOrigin" title={t('insights.panels.byOrigin')} hint={t('insights.hints.cases')} rows={rows('origin', view.cases.byOrigin)} total={view.cases.total} xlsxHref={xlsx('byOrigin')} color="lime.6" />
      <StepsPanel view={view} xlsxHref={xlsx('steps')} labelWidth={labelWidth} />
      <PpkPanel view={view} xlsxHref={xlsx('ppk')} labelWidth={labelWidth} />
      <CompliancePanel view={view} xlsxHref={xlsx('compliance')} labelWidth={labelWidth} />
      {view.monitoring ? <MonitoringPanel monitoring={view.monitoring} xlsxHref={xlsx('monitoring')} /> : null}
    </SimpleGrid>
  );
}
