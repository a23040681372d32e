import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import i18n from '../i18n';

/** Indonesian zone names (Permendagri usage): WIB, WITA, WIT. */
const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** "10:32 WIB", with the date in front when it is not today in that zone. */
export function formatAsOf(iso: string, timeZone: string | undefined, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const zone = timeZone ?? 'Asia/Jakarta';
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(at).replace('.', ':');
  const date = day(at) === day(now) ? '' : `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone }).format(at)} `;
  return `${date}${time} ${ZONE_NAMES[zone] ?? zone}`;
}

/**
 * When pre-aggregated figures were computed ("Data per 10:32 WIB"): the per-unit pledge and
 * sosialisasi counts of a large Pemda are refreshed every minute, a small one's on every view.
 */
export function DataAsOf({ computedAt, testId = 'data-as-of' }: { computedAt: string | null | undefined; testId?: string }) {
  const { t } = useTranslation();
  const { session } = useAuth();
  if (!computedAt) return null;
  return (
    <Text size="xs" c="dimmed" data-testid={testId} title={t('common.dataAsOfHint')}>
      {t('common.dataAsOf', { time: formatAsOf(computedAt, session?.tenant?.timezone) })}
    </Text>
  );
}
