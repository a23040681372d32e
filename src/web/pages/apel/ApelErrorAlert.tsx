import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';

const TITLED = new Set([
  'APEL_STATE', 'APEL_UNIT_NOT_REQUIRED', 'APEL_DATE_OUTSIDE_CAMPAIGN', 'APEL_ATTENDANCE_INVALID', 'APEL_INCOMPLETE',
  'APEL_PHOTO_LIMIT', 'CONFLICT',
]);

interface Named { name?: string | null; employeeId?: string }

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((v: unknown) => (typeof v === 'string' ? v : (v as Named | null)?.name ?? (v as Named | null)?.employeeId ?? ''))
    .filter(Boolean);
}

/**
 * An apel error: a title by code, the server's Indonesian message, and the people or parts the
 * details name (missing employees, employees outside the unit, what is lacking before submission).
 */
export function ApelErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const title = api && TITLED.has(api.code) ? t(`apel.errors.${api.code}`) : t('common.errorTitle');
  const details = (api?.details ?? {}) as Record<string, unknown>;
  const groups = (['missing', 'notInRoster', 'lacking'] as const)
    .map((key) => ({ key, items: names(details[key]) }))
    .filter((g) => g.items.length > 0 && g.items.length > 10);
  const existing = api?.code === 'CONFLICT' && typeof details.reportId === 'string' ? details.reportId : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={title} data-testid="apel-error">
      <Text size="sm">{errorMessage(error)}</Text>
      {groups.map((g) => (
        <div key={g.key}>
          <Text size="sm" fw={500} mt="xs">{t(`apel.errors.${g.key}`)}</Text>
          <List size="sm" spacing={0}>
            {g.items.map((n, i) => <List.Item key={`${n}-${i}`}>{n}</List.Item>)}
          </List>
        </div>
      ))}
      {existing ? (
        <Anchor component={Link} to={`/apel/${existing}`} size="sm" mt="xs" display="block">
          {t('apel.errors.openExisting')}
        </Anchor>
      ) : null}
    </Alert>
  );
}
