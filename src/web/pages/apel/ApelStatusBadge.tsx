import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Report statuses plus `belum` (no report yet, as the compliance tree names it). */
export type ApelBadgeStatus = 'belum' | 'draft' | 'submitted' | 'accepted' | 'returned';

const COLOR: Record<ApelBadgeStatus, string> = {
  belum: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  accepted: 'teal',
  returned: 'red',
};

/** `subject`: say that it is the apel's status, where the badge sits beside other figures (the compliance tree's signature bars). */
export function ApelStatusBadge({ status, size = 'sm', subject = false }: { status: ApelBadgeStatus; size?: 'xs' | 'sm' | 'md'; subject?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant={status === 'accepted' ? 'filled' : 'light'}
      color={COLOR[status]}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="apel-status"
    >
      {subject ? t('apel.statusOfApel', { status: t(`apel.status.${status}`) }) : t(`apel.status.${status}`)}
    </Badge>
  );
}
