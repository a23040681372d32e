import { Card, Progress, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../components/format';
import type { summarize } from './complianceTree';

function Stat({ label, value, hint, color, progress }: {
  label: string; value: string; hint: string; color?: string; progress?: number;
}) {
  return (
    <Card p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={{ base: 22, sm: 28 }} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>{value}</Text>
      <Text size="xs" c="dimmed">{hint}</Text>
      {progress !== undefined ? <Progress value={progress} size="sm" mt={6} color={color} aria-hidden /> : null}
    </Card>
  );
}

/** Signed share overall and apel reporting across the actor's scope. */
export function ComplianceSummary({ s }: { s: ReturnType<typeof summarize> }) {
  const { t } = useTranslation();
  const pct = (n: number) => (s.apelRequired > 0 ? (n / s.apelRequired) * 100 : 0);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="compliance-summary">
      <Stat
        label={t('compliance.signedOverall')}
        value={s.share === null ? '—' : formatPercent(s.share)}
        hint={t('compliance.signedOf', { signed: formatNumber(s.signed), target: formatNumber(s.target) })}
        progress={s.share === null ? 0 : s.share * 100}
        color="teal.7"
      />
      <Stat
        label={t('compliance.apelReported')}
        value={formatNumber(s.apelReported)}
        hint={t('compliance.ofRequired', { count: s.apelRequired })}
        progress={pct(s.apelReported)}
        color="blue.7"
      />
      <Stat
        label={t('compliance.apelAccepted')}
        value={formatNumber(s.apelAccepted)}
        hint={t('compliance.ofRequired', { count: s.apelRequired })}
        progress={pct(s.apelAccepted)}
        color="teal.8"
      />
      <Stat
        label={t('compliance.overdueUnits')}
        value={formatNumber(s.overdue)}
        hint={t('compliance.overdueHint')}
        color={s.overdue > 0 ? 'red.7' : undefined}
      />
    </SimpleGrid>
  );
}
