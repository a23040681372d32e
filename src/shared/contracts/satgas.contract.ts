/** The Satgas Netralitas ASN: the decree forming it (SK Bupati/Sekda) and its members. */
import { z } from 'zod';
import { SATGAS_POSITIONS } from '../case-workflow.js';

const IsoDate = z.iso.date();

export const SatgasMemberBody = z.object({
  /** Keep an existing member's id when editing; leave out for a new member. */
  id: z.uuid().optional(),
  position: z.enum(SATGAS_POSITIONS),
  /** Name as printed on letters, with academic titles. */
  name: z.string().trim().min(2).max(200),
  /** Jabatan and origin as printed on letters, e.g. "Inspektur Pembantu II, Inspektorat". */
  title: z.string().trim().min(2).max(300),
  /** The member's record in the employee master, when they are a Pemda employee. */
  employeeId: z.uuid().nullable().default(null),
  /** The staff account that acts for this member in Netra (role satgas, admin or inspektorat). */
  userId: z.uuid().nullable().default(null),
});

export const SatgasDecreeBody = z
  .object({
    /** Decree number, e.g. "800.1.6.4/123/2026". */
    number: z.string().trim().min(3).max(200),
    signedOn: IsoDate,
    /** Who signed it, e.g. "Bupati Contoh" or "Sekretaris Daerah". */
    signerTitle: z.string().trim().min(3).max(200),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    /** An OPD's own Satgas (its unit); null for the Pemda-wide Satgas. */
    scopeUnitId: z.uuid().nullable().default(null),
    isActive: z.boolean().default(true),
    members: z.array(SatgasMemberBody).min(1, 'Isi minimal satu anggota').max(200),
  })
  .superRefine((body, ctx) => {
    if (body.periodEnd < body.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Akhir masa tugas tidak boleh sebelum awalnya' });
    if (body.signedOn > body.periodEnd) ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'Tanggal SK tidak boleh sesudah akhir masa tugas' });
    const chairs = body.members.map((m, i) => (m.position === 'ketua' ? i : -1)).filter((i) => i >= 0);
    for (const i of chairs.slice(1)) ctx.addIssue({ code: 'custom', path: ['members', i, 'position'], message: 'Satgas hanya memiliki satu ketua' });
    const users = new Map<string, number>();
    body.members.forEach((m, i) => {
      if (!m.userId) return;
      if (users.has(m.userId)) ctx.addIssue({ code: 'custom', path: ['members', i, 'userId'], message: 'Akun ini sudah dipakai anggota lain dalam SK yang sama' });
      else users.set(m.userId, i);
    });
  });

export const SatgasMemberView = z.object({
  id: z.uuid(),
  position: z.enum(SATGAS_POSITIONS),
  name: z.string(),
  title: z.string(),
  employeeId: z.uuid().nullable(),
  /** NIP or other identity number of the linked employee. */
  employeeIdNumber: z.string().nullable(),
  /** The linked employee's unit (for conflict-of-interest checks and display). */
  employeeUnitName: z.string().nullable(),
  userId: z.uuid().nullable(),
  /** Username of the linked account. */
  username: z.string().nullable(),
  ordinal: z.number().int(),
});

export const SatgasDecreeView = z.object({
  id: z.uuid(),
  number: z.string(),
  signedOn: IsoDate,
  signerTitle: z.string(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  scopeUnitId: z.uuid().nullable(),
  scopeUnitName: z.string().nullable(),
  isActive: z.boolean(),
  createdAt: z.string(),
  members: z.array(SatgasMemberView),
});

export const SatgasDecreeList = z.object({ items: z.array(SatgasDecreeView) });

export const ActiveSatgasQuery = z.object({ on: IsoDate.optional() });
/** The Pemda-wide decree in force on a day, or null. */
export const ActiveSatgasView = z.object({ on: IsoDate, decree: SatgasDecreeView.nullable() });

/** Staff accounts that may be linked to a member (roles satgas, admin, inspektorat). */
export const SatgasAccountOption = z.object({ id: z.uuid(), username: z.string().nullable(), displayName: z.string(), roles: z.array(z.string()) });
export const SatgasAccountList = z.object({ items: z.array(SatgasAccountOption) });
