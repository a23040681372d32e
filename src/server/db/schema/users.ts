import type { Role } from '../../../shared/enums.js';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamptz, unique, uuid } from './columns.js';
import { employee, unit } from './organisation.js';
import { tenant } from './tenants.js';

/** A person who signs in: staff (username + password, optional TOTP) or an employee (NIP + OTP). */
export const userAccount = pgTable(
  'user_account',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    username: text('username'),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    /** For pimpinan_unit: the unit whose subtree this user may see. */
    scopeUnitId: uuid('scope_unit_id'),
    employeeId: uuid('employee_id'),
    totpSecret: text('totp_secret'),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    isActive: boolean('is_active').notNull().default(true),
    lastLoginAt: timestamptz('last_login_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('user_tenant_username_key').on(t.tenantId, t.username),
    unique('user_tenant_employee_key').on(t.tenantId, t.employeeId),
    foreignKey({ columns: [t.tenantId, t.scopeUnitId], foreignColumns: [unit.tenantId, unit.id], name: 'user_scope_unit_fk' }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'user_employee_fk' }),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccount.tenantId, userAccount.id], name: 'session_user_fk' }).onDelete('cascade'),
    index('session_token_idx').on(t.tokenHash),
  ],
);

/** One-time sign-in codes for employees; only a hash is kept. */
export const otpCode = pgTable(
  'otp_code',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: uuid('employee_id').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamptz('expires_at').notNull(),
    consumedAt: timestamptz('consumed_at'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employee.tenantId, employee.id], name: 'otp_employee_fk' }),
    index('otp_employee_idx').on(t.tenantId, t.employeeId),
  ],
);

/** Failure counters for sign-in and OTP, keyed by what was tried (so unknown names lock too). */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    tenantId: uuid('tenant_id').notNull().references(() => tenant.id),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
