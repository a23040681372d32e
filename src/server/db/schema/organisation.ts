import { sql } from 'drizzle-orm';
import type { PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import type { EmployeeCategory, GolonganScheme, IdType, JabatanClass, Sex, UnitType } from '../../../shared/enums.js';
import { boolean, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamptz, unique, uuid } from './columns.js';
import { tenant } from './tenants.js';

/**
 * The organisation tree: Pemda → OPD → bidang/UPTD/kecamatan → kelurahan, any depth.
 * `path` is the chain of ids from the root ("/id1/id2/"), so a subtree is one prefix match.
 * Units and employees share a file because each references the other (unit head, employee unit).
 */
export const unit = pgTable(
  'unit',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** Lower-cased, single-spaced name used to match import rows. */
    nameKey: text('name_key').notNull(),
    code: text('code'),
    unitType: text('unit_type').$type<UnitType>().notNull(),
    headEmployeeId: uuid('head_employee_id'),
    path: text('path').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id], name: 'unit_parent_fk' }),
    foreignKey({
      columns: [t.tenantId, t.headEmployeeId],
      foreignColumns: [employee.tenantId, employee.id],
      name: 'unit_head_fk',
    }),
    unique('unit_tenant_parent_name_key').on(t.tenantId, t.parentId, t.nameKey),
    index('unit_tenant_path_idx').on(t.tenantId, t.path.op('text_pattern_ops')),
    index('unit_tenant_name_key_idx').on(t.tenantId, t.nameKey),
  ],
);

/** An employee of the tenant: PNS, PPPK or non-ASN (domain §4). */
export const employee = pgTable(
  'employee',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    idType: text('id_type').$type<IdType>().notNull(),
    /** NIP, NI PPPK, NIK or internal number; unique in the tenant. */
    idNumber: text('id_number').notNull(),
    /** Full name as written, with gelar. */
    name: text('name').notNull(),
    sex: text('sex').$type<Sex>(),
    birthDate: date('birth_date', { mode: 'string' }),
    category: text('category').$type<EmployeeCategory>().notNull(),
    golonganScheme: text('golongan_scheme').$type<GolonganScheme>(),
    golongan: text('golongan'),
    jabatanName: text('jabatan_name'),
    jabatanClass: text('jabatan_class').$type<JabatanClass>().notNull().default('lainnya'),
    unitId: uuid('unit_id').notNull(),
    supervisorId: uuid('supervisor_id'),
    email: text('email'),
    phone: text('phone'),
    isActive: boolean('is_active').notNull().default(true),
    /** Mismatches found when cross-checking the identity number (never silently corrected). */
    dataWarnings: jsonb('data_warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('employee_tenant_id_number_key').on(t.tenantId, t.idNumber),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id], name: 'employee_unit_fk' }),
    foreignKey({
      columns: [t.tenantId, t.supervisorId],
      foreignColumns: [t.tenantId, t.id],
      name: 'employee_supervisor_fk',
    }),
    index('employee_tenant_unit_idx').on(t.tenantId, t.unitId),
    // The per-unit counts of the dashboards (compliance tree, sosialisasi rates) read active employees with their
    // unit, id and category only: an index-only scan of this instead of a heap fetch per employee.
    index('employee_tenant_unit_active_idx').on(t.tenantId, t.unitId, t.id, t.category).where(sql`is_active`),
    index('employee_tenant_name_idx').on(t.tenantId, sql`lower(${t.name})`),
    // The list page orders by name, id_number: this index serves the page without sorting the tenant.
    index('employee_tenant_sort_idx').on(t.tenantId, t.name, t.idNumber),
    index('employee_tenant_category_idx').on(t.tenantId, t.category, t.jabatanClass),
  ],
);
