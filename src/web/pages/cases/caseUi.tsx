/** Small pieces shared by the case pages: state badge, due date, escalation icon, the conflict alert. */
import { Alert, Badge, Button, Group, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconBell, IconRefresh, IconUrgent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseState, CloseReason } from '../../../shared/case-workflow.js';
import { errorMessage } from '../../api/client';
import { isCaseConflict } from '../../api/cases';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

export const STATE_COLORS: Record<CaseState, string> = {
  registered: 'blue',
  verification: 'cyan',
  clarification: 'indigo',
  examination: 'violet',
  conclusion: 'grape',
  recommendation: 'orange',
  awaiting_ppk: 'yellow',
  follow_up: 'teal',
  forwarded: 'gray',
  closed: 'green',
};

export function StateBadge({ state, closeReason, size = 'md' }: { state: CaseState; closeReason?: CloseReason | null; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const label = t(`cases.state.${state}`);
  return (
    <Badge color={STATE_COLORS[state]} variant="light" size={size} title={closeReason ? t(`cases.closeReason.${closeReason}`) : undefined}
      styles={{ root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 } }}>
      {label}
    </Badge>
  );
}

/** The step's due date, with a red badge counting working days past it. */
export function DueInfo({ dueOn, overdueDays, compact }: { dueOn: string | null; overdueDays: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Group gap={6} wrap="wrap">
      {compact ? null : <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDate(dueOn)}</Text>}
      {overdueDays > 0 ? (
        <Badge color="red" variant="filled" size="sm" data-testid="overdue-badge">{t('cases.overdueDays', { count: overdueDays })}</Badge>
      ) : null}
      {compact ? <Text size="xs" c="dimmed">{t('cases.dueOn', { date: formatDate(dueOn) })}</Text> : null}
    </Group>
  );
}

const ESCALATION_ICON = { 1: IconBell, 2: IconAlertTriangle, 3: IconUrgent } as const;
const ESCALATION_COLOR = { 1: 'yellow', 2: 'orange', 3: 'red' } as const;

/** 0: none; 1: assignee told; 2: Satgas chair told; 3: PPK told. */
export function EscalationIcon({ level, withLabel }: { level: number; withLabel?: boolean }) {
  const { t } = useTranslation();
  if (level <= 0) return <Text size="sm" c="dimmed" aria-label={t('cases.escalation.0')}>—</Text>;
  const key = Math.min(level, 3) as 1 | 2 | 3;
  const Icon = ESCALATION_ICON[key];
  const label = t(`cases.escalation.${key}`);
  if (withLabel) {
    return (
      <Group gap={6} wrap="nowrap">
        <ThemeIcon color={ESCALATION_COLOR[key]} variant="light" size="md" radius="xl" aria-hidden><Icon size={16} /></ThemeIcon>
        <Text size="sm" c={ESCALATION_COLOR[key]}>{label}</Text>
      </Group>
    );
  }
  return (
    <Tooltip label={label} withArrow>
      <ThemeIcon color={ESCALATION_COLOR[key]} variant="light" size="md" radius="xl" aria-label={label} role="img">
        <Icon size={16} />
      </ThemeIcon>
    </Tooltip>
  );
}

/**
 * The error of a change to a case. A CASE_CONFLICT (someone else changed the case) is never retried
 * silently: the user reads the message and reloads to see the other change before trying again.
 */
export function CaseErrorAlert({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!isCaseConflict(error)) return <ErrorAlert error={error} />;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={t('cases.conflict.title')} data-testid="case-conflict">
      <Text size="sm" mb="xs">{errorMessage(error)}</Text>
      <Button size="xs" variant="white" color="orange" leftSection={<IconRefresh size={14} />} onClick={onReload}>{t('cases.conflict.reload')}</Button>
    </Alert>
  );
}
