import { z } from 'zod';
import { ROLES } from '../enums.js';

export const LoginBody = z.object({
  /** Tenant slug; may be omitted when the installation has a single tenant. */
  tenant: z.string().max(64).optional(),
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** 6-digit TOTP when the account has it enabled. */
  totp: z.string().regex(/^[0-9]{6}$/).optional(),
});

export const OtpRequestBody = z.object({
  tenant: z.string().max(64).optional(),
  /** NIP, NI PPPK, NIK or internal number; spaces are ignored. */
  idNumber: z.string().trim().min(3).max(40),
});

export const OtpVerifyBody = OtpRequestBody.extend({
  code: z.string().trim().regex(/^[0-9]{6}$/),
});

export const TotpEnableBody = z.object({
  /** The secret returned by /api/auth/totp/setup. */
  secret: z.string().min(16).max(128),
  code: z.string().regex(/^[0-9]{6}$/),
});

export const TotpSetup = z.object({
  /** Base32 secret to type into an authenticator app. */
  secret: z.string(),
  /** otpauth:// URI for a QR code. */
  uri: z.string(),
});

export const SessionUser = z.object({
  id: z.uuid(),
  displayName: z.string(),
  username: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  scopeUnitId: z.uuid().nullable(),
  employeeId: z.uuid().nullable(),
  hasTotp: z.boolean(),
});

export const SessionInfo = z.object({
  user: SessionUser.nullable(),
  tenant: z
    .object({ id: z.uuid(), slug: z.string(), name: z.string(), timezone: z.string() })
    .nullable(),
  /** Echo this in the x-csrf-token header of every state-changing request. */
  csrfToken: z.string(),
  /** What the signed-in user may do, e.g. {"employee.import": true}; the UI never re-implements rules. */
  permissions: z.record(z.string(), z.boolean()),
  /** True when mail goes to the dev outbox instead of SMTP. */
  devOutbox: z.boolean(),
});

export const PublicTenant = z.object({ slug: z.string(), name: z.string() });
export const PublicTenants = z.object({ items: z.array(PublicTenant) });
