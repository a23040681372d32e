import '@mantine/charts/styles.css';
import { SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEmployeeStats } from '../../api/employees';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/labels';
import { PageLoader } from '../../components/PageLoader';
import { StatsPanel, type StatRow } from './StatsPanel';

const TOP_UNITS = 10;

/** Dashboard charts (lazy-loaded: recharts stays out of the first bundle). */
export default function EmployeeCharts() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const stats = useEmployeeStats();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

  if (stats.isPending) return <PageLoader />;
  if (stats.error || !stats.data) return <ErrorAlert error={stats.error} />;

  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  const categories: StatRow[] = [...stats.data.byCategory].sort(byCount).map((c) => ({
    key: c.key,
    label: label('category', c.key),
    count: c.count,
    href: `/employees?category=${encodeURIComponent(c.key)}`,
  }));
  const classes: StatRow[] = [...stats.data.byJabatanClass].sort(byCount).map((c) => ({
    key: c.key,
    label: label('jabatanClass', c.key),
    count: c.count,
    href: `/employees?jabatanClass=${encodeURIComponent(c.key)}`,
  }));
  const units: StatRow[] = [...stats.data.byUnit]
    .sort(byCount)
    .slice(0, TOP_UNITS)
    .map((u) => ({ key: u.unitId, label: u.name, count: u.count, href: `/employees?unitId=${u.unitId}` }));

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <StatsPanel
          title={t('dashboard.byCategory')}
          rows={categories}
          labelHeader={t('employees.category')}
          color="teal.6"
          labelWidth={isPhone ? 96 : 130}
          onOpen={navigate}
        />
        <StatsPanel
          title={t('dashboard.byJabatanClass')}
          rows={classes}
          labelHeader={t('employees.jabatanClass')}
          color="indigo.5"
          labelWidth={isPhone ? 96 : 130}
          onOpen={navigate}
        />
      </SimpleGrid>
      <StatsPanel
        title={t('dashboard.byUnit')}
        hint={t('dashboard.byUnitHint')}
        rows={units}
        total={stats.data.total}
        labelHeader={t('employees.unit')}
        color="cyan.6"
        labelWidth={isPhone ? 130 : 320}
        onOpen={navigate}
      />
    </>
  );
}
