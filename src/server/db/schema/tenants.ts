import { boolean, pgTable, text, timestamptz, uuid } from './columns.js';

/** An instansi (Pemda or agency). The root of every tenant-owned row. */
export const tenant = pgTable('tenant', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short code used at sign-in and in URLs, e.g. "kab-contoh". */
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** kabupaten | kota | provinsi | instansi */
  kind: text('kind').notNull(),
  /** Kemendagri wilayah code (idn-area-data), e.g. "33.01". */
  wilayahCode: text('wilayah_code'),
  /** IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT). */
  timezone: text('timezone').notNull().default('Asia/Jakarta'),
  address: text('address'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});
