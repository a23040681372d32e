import { z } from 'zod';
import { EMPLOYEE_CATEGORIES, UNIT_TYPES } from '../enums.js';

export const STAGE_KINDS = ['tahapan_mulai', 'pendaftaran_calon', 'penetapan_calon', 'kampanye', 'pemungutan_suara', 'selesai'] as const;
export const CONTEST_KINDS = ['presiden', 'dpr', 'dpd', 'dprd_provinsi', 'dprd_kabkota', 'gubernur', 'bupati_walikota'] as const;
const IsoDate = z.iso.date();

export const Stage = z.object({ kind: z.enum(STAGE_KINDS), startsOn: IsoDate, endsOn: IsoDate.nullable() });
export const Contest = z.object({
  id: z.uuid().optional(),
  kind: z.enum(CONTEST_KINDS),
  name: z.string().trim().min(3).max(200),
  /** Date of penetapan calon: acts before it fall under kode etik, on/after it under disiplin. */
  penetapanCalonOn: IsoDate,
});

export const ElectionEventBody = z.object({
  kind: z.enum(['pemilu', 'pilkada']),
  name: z.string().trim().min(3).max(200),
  stages: z.array(Stage).min(1),
  contests: z.array(Contest).min(1),
});
export const ElectionEventView = ElectionEventBody.extend({ id: z.uuid(), contests: z.array(Contest.extend({ id: z.uuid() })) });

export const TemplateView = z.object({
  id: z.uuid(),
  kind: z.enum(['ikrar', 'pakta']),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  isCurrent: z.boolean(),
  createdAt: z.string(),
});

const DEFAULT_APEL_UNIT_TYPES = ['dinas', 'badan', 'inspektorat', 'sekretariat_daerah', 'sekretariat_dprd', 'satpol_pp', 'kecamatan', 'kelurahan', 'uptd', 'rsud'] as const;

const CampaignFields = z.object({
  eventId: z.uuid(),
  name: z.string().trim().min(3).max(200),
  /** Empty: every active employee, ASN and non-ASN. */
  targetCategories: z.array(z.enum(EMPLOYEE_CATEGORIES)),
  /** Empty: the whole Pemda; otherwise these units and their subtrees. */
  targetUnitIds: z.array(z.uuid()),
  signDeadline: IsoDate,
  /** Unit types that hold their own apel and report it to BKPSDM. */
  apelUnitTypes: z.array(z.enum(UNIT_TYPES)),
  apelReportDeadline: IsoDate.nullable(),
  /** City printed as the place of signing. */
  signingPlace: z.string().trim().min(2).max(100),
});

export const CampaignBody = CampaignFields.extend({
  targetCategories: CampaignFields.shape.targetCategories.default([]),
  targetUnitIds: CampaignFields.shape.targetUnitIds.default([]),
  apelUnitTypes: CampaignFields.shape.apelUnitTypes.default([...DEFAULT_APEL_UNIT_TYPES]),
  apelReportDeadline: CampaignFields.shape.apelReportDeadline.default(null),
});
// No defaults here: a PATCH changes only what it names.
export const CampaignUpdateBody = CampaignFields.omit({ eventId: true }).partial().extend({ status: z.enum(['draft', 'open', 'closed']).optional() });

export const CampaignView = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventName: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  targetCategories: z.array(z.enum(EMPLOYEE_CATEGORIES)),
  targetUnitIds: z.array(z.uuid()),
  signDeadline: z.string(),
  apelUnitTypes: z.array(z.string()),
  apelReportDeadline: z.string().nullable(),
  signingPlace: z.string(),
  ikrar: TemplateView,
  pakta: TemplateView,
  /** Targeted active employees and how many have signed. */
  targetCount: z.number().int(),
  signedCount: z.number().int(),
});

export const TemplateBody = z.object({ title: z.string().trim().min(3).max(200), body: z.string().trim().min(20).max(20_000) });

/** What an employee sees before signing: the texts, their identity block as the master holds it. */
export const SigningView = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string(), signDeadline: z.string(), status: z.string(), signingPlace: z.string() }),
  ikrar: TemplateView,
  pakta: TemplateView,
  identity: z.record(z.string(), z.string()),
  /** The undertakings the employee must tick, one per line of the pakta's list. */
  undertakings: z.array(z.string()),
  signature: z.lazy(() => SignatureView).nullable(),
});

export const SignBody = z.object({
  ikrarTemplateId: z.uuid(),
  paktaTemplateId: z.uuid(),
  /** Full name typed by the employee as their signature. */
  typedName: z.string().trim().min(2).max(200),
  /** One `true` per undertaking shown. */
  undertakings: z.array(z.literal(true)).min(1),
  /** Optional drawn signature, PNG data URL, at most ~60 kB. */
  drawnSignature: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/).max(80_000).nullable().optional(),
});

export const SignatureView = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  employeeId: z.uuid(),
  method: z.enum(['online', 'paper']),
  identity: z.record(z.string(), z.string()),
  typedName: z.string(),
  ikrarVersion: z.number().int(),
  paktaVersion: z.number().int(),
  textSha256: z.string(),
  signedAt: z.string(),
  /** Signing time in the tenant's zone, e.g. "24 November 2026 09.15 WIB". */
  signedAtLocal: z.string(),
  keyId: z.string(),
  /** SHA-256 of the issued PDF once rendered (what the verification page shows), else null. */
  pdfSha256: z.string().nullable(),
  verifyUrl: z.string(),
  pdfUrl: z.string(),
  revoked: z.boolean(),
});

export const PaperSignatureFields = z.object({
  employeeId: z.uuid(),
  /** Date the paper was signed. */
  signedOn: IsoDate,
});

export const RevokeBody = z.object({ reason: z.string().trim().min(5).max(500) });

export const CorrectionBody = z.object({ message: z.string().trim().min(5).max(1000) });

/** The public verification answer: only what is needed to trust the document. */
export const PublicVerification = z.object({
  status: z.enum(['valid', 'invalid', 'revoked']),
  name: z.string().nullable(),
  unit: z.string().nullable(),
  campaign: z.string().nullable(),
  signedAt: z.string().nullable(),
  /** SHA-256 of the exact text signed: the fingerprint the signer's page and the PDF's footer show. */
  textSha256: z.string().nullable(),
  /** SHA-256 of the PDF file as issued (null until issued); for an unknown uploaded file, that file's. */
  pdfSha256: z.string().nullable(),
  /** Why the document is not valid, when it is not. */
  reason: z.string().nullable(),
});

/** A campaign the signed-in employee is asked to sign, with their signature if they signed. */
export const MyPledge = z.object({ campaignId: z.uuid(), name: z.string(), signDeadline: z.string(), status: z.string(), signature: SignatureView.nullable() });

export const SignatureListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  method: z.enum(['online', 'paper']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const SignatureListItem = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  name: z.string(),
  idNumber: z.string(),
  unitName: z.string(),
  method: z.enum(['online', 'paper']),
  signedAt: z.string(),
  revoked: z.boolean(),
});
