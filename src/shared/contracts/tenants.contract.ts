import { z } from 'zod';
import { TIMEZONES } from '../enums.js';

export const TenantView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['kabupaten', 'kota', 'provinsi', 'instansi']),
  /** Kemendagri wilayah code from idn-area-data. */
  wilayahCode: z.string().nullable(),
  timezone: z.enum(TIMEZONES),
  isActive: z.boolean(),
  employeeCount: z.number().int(),
  unitCount: z.number().int(),
});

export const TenantCreateBody = z.object({
  slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'huruf kecil, angka dan tanda hubung').min(3).max(40),
  name: z.string().trim().min(3).max(200),
  kind: z.enum(['kabupaten', 'kota', 'provinsi', 'instansi']),
  wilayahCode: z.string().trim().regex(/^\d{2}(\.\d{2})?$/).nullable(),
  timezone: z.enum(TIMEZONES),
  address: z.string().trim().max(300).nullable().optional(),
  /** The first BKPSDM admin of the new instansi. */
  admin: z.object({
    username: z.string().trim().regex(/^[a-z0-9._-]{3,40}$/),
    displayName: z.string().trim().min(2).max(100),
    email: z.email().nullable().optional(),
    password: z.string().min(12).max(200),
  }),
});

export const Region = z.object({ code: z.string(), name: z.string(), provinceName: z.string() });
export const RegionQuery = z.object({ q: z.string().trim().max(60).default('') });
