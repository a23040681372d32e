/** Dates as Indonesians read them, in the tenant's zone (WIB/WITA/WIT). */
import { TIMEZONE_LABEL, type TenantTimezone } from '../../shared/enums.js';

/** "24 November 2026" in the zone. */
export function formatDateId(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "24 November 2026 pukul 09.15 WIB". */
export function formatDateTimeId(date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${formatDateId(date, timeZone)} pukul ${time} ${TIMEZONE_LABEL[timeZone as TenantTimezone] ?? timeZone}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the zone: deadlines are days in the Pemda's zone. */
export function localIsoDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "12 Mei 1970" from an ISO date, for documents. */
export function formatIsoDateId(iso: string): string {
  return formatDateId(new Date(`${iso}T12:00:00Z`), 'UTC');
}
