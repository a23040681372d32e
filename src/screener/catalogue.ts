/**
 * Suggested catalogue item for a social-media act (SKB 2022 catalogue, ../shared/docs/domain.md
 * §1.2–1.3): the same act is a kode etik breach when it concerns a *bakal calon* (before penetapan
 * calon) and a disiplin breach once there is an official *calon* (on or after penetapan).
 */

/** Kinds of social-media act recorded on a capture. */
export type ActKind = 'post' | 'comment' | 'share' | 'like' | 'follow' | 'join_group' | 'photo_gesture';

export const ACT_KINDS: readonly ActKind[] = ['post', 'comment', 'share', 'like', 'follow', 'join_group', 'photo_gesture'];

export interface SuggestedItem {
  /** Catalogue code: KE-4 / KE-5 (kode etik) or D-6 / D-7 (disiplin). */
  readonly code: 'KE-4' | 'KE-5' | 'D-6' | 'D-7';
  readonly list: 'kode_etik' | 'disiplin';
  /** Indonesian title of the item. */
  readonly title: string;
  /** Legal basis of the sanction. */
  readonly basis: string;
  /** Why this item: the dates compared. */
  readonly why: string;
}

/** Calendar date (YYYY-MM-DD) of an ISO date or date-time in WIB (UTC+7), where the contests are. */
export function jakartaDate(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Suggests KE-4 (before penetapan) or D-6 (on/after) for posting, commenting, sharing, liking or
 * following/joining; KE-5 / D-7 for a photo with a partisan gesture. Null when a date is unusable.
 */
export function suggestItem(actKind: ActKind, postedAt: string, penetapanCalonOn: string): SuggestedItem | null {
  const acted = jakartaDate(postedAt);
  const penetapan = jakartaDate(penetapanCalonOn);
  if (!acted || !penetapan) return null;
  const beforePenetapan = acted < penetapan;
  const photo = actKind === 'photo_gesture';
  const why = beforePenetapan
    ? `Diunggah ${acted}, sebelum penetapan calon ${penetapan}: masih bakal calon, daftar kode etik`
    : `Diunggah ${acted}, pada/sesudah penetapan calon ${penetapan}: sudah calon, daftar disiplin`;
  if (beforePenetapan) {
    return photo
      ? { code: 'KE-5', list: 'kode_etik', title: 'Mengunggah foto bersama bakal calon/tim kampanye dengan simbol keberpihakan (gestur jari, atribut)', basis: 'PP 42/2004 Pasal 11 huruf c; sanksi moral Pasal 15', why }
      : { code: 'KE-4', list: 'kode_etik', title: 'Membuat unggahan, komentar, membagikan, menyukai, atau bergabung/mengikuti grup/akun pemenangan bakal calon', basis: 'PP 42/2004 Pasal 11 huruf c; sanksi moral Pasal 15', why };
  }
  return photo
    ? { code: 'D-7', list: 'disiplin', title: 'Mengunggah foto bersama calon/tim kampanye dengan simbol keberpihakan (gestur jari, atribut)', basis: 'PP 94/2021 Pasal 5 huruf n; hukuman berat Pasal 14 huruf i (menurut tabel SKB 2022)', why }
    : { code: 'D-6', list: 'disiplin', title: 'Membuat unggahan, komentar, membagikan, menyukai, atau bergabung/mengikuti grup/akun pemenangan calon', basis: 'PP 94/2021 Pasal 5 huruf n angka 5; hukuman berat (menurut tabel SKB 2022)', why };
}
