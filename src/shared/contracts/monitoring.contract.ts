/**
 * Pengawasan media sosial (issue 6): captured posts as evidence, the review queue sorted by risk,
 * watchlists per election, bulk import of social-listening exports, the register of declared accounts.
 * Post texts are stored exactly as captured and always rendered as text (never as HTML).
 */
import { z } from 'zod';
import { CATALOGUE_LISTS, TIERS } from '../case-workflow.js';
import { pageOf } from './common.js';

export const PLATFORMS = ['facebook', 'instagram', 'x', 'tiktok', 'youtube', 'whatsapp', 'telegram', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const PLATFORM_LABELS: Record<Platform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (Twitter)',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  other: 'Lainnya',
};

/** Kinds of social-media act (SKB 2022 KE-4/KE-5, D-6/D-7: posting, commenting, liking, sharing, following, photos). */
export const CAPTURE_ACT_KINDS = ['post', 'comment', 'like', 'share', 'follow_join_group', 'photo_gesture'] as const;
export type CaptureActKind = (typeof CAPTURE_ACT_KINDS)[number];
export const CAPTURE_ACT_LABELS: Record<CaptureActKind, string> = {
  post: 'Membuat unggahan',
  comment: 'Mengomentari',
  like: 'Menyukai',
  share: 'Membagikan',
  follow_join_group: 'Mengikuti akun / bergabung ke grup',
  photo_gesture: 'Foto dengan calon / gestur dukungan',
};

export const REVIEW_STATUSES = ['pending', 'relevant', 'not_relevant', 'duplicate'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_DECISIONS = ['relevant', 'not_relevant', 'duplicate'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Risk bands of the 0–100 screening score (the queue's red and orange badges), used by the dashboard's hit rate. */
export const RISK_BANDS = { high: 70, medium: 40 } as const;

export const CAPTURE_SOURCES = ['form', 'import'] as const;
export const SIGNALS = ['partisan', 'hate', 'abusive', 'hoax'] as const;

/** Longest post text accepted (a long Facebook note fits; anything bigger is not a post). */
export const MAX_CAPTURE_TEXT = 50_000;

const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();
/** A web address of the post (http or https only). */
export const PostUrl = z.url({ protocol: /^https?$/, message: 'URL tidak valid: tulis alamat lengkap yang diawali http:// atau https://' }).max(2000);
/** Account handle as shown on the platform; a leading "@" is dropped. */
export const Handle = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@+/, ''))
  .pipe(z.string().min(1, 'Nama akun (handle) wajib diisi').max(100));
const ExpectedRevision = z.number().int().min(1);

export const CaptureInput = z.object({
  platform: z.enum(PLATFORMS),
  /** Link to the post, comment or account. */
  url: PostUrl,
  accountHandle: Handle,
  /** Display name of the account as shown on the platform. */
  accountName: OptText(200),
  /** The employee the account belongs to (from the master); null when not yet known. */
  employeeId: z.uuid().nullable().optional(),
  /** True once a person checked that the account really is this employee. */
  employeeConfirmed: z.boolean().default(false),
  /** The post text exactly as published (for a like or share: the text of the liked/shared post). */
  text: z.string().max(MAX_CAPTURE_TEXT, `Teks terlalu panjang (maksimal ${MAX_CAPTURE_TEXT} karakter)`),
  actKind: z.enum(CAPTURE_ACT_KINDS),
  /** When it was posted (ISO 8601 with offset); decides kode etik vs disiplin. */
  postedAt: z.iso.datetime({ offset: true }),
  electionEventId: z.uuid().nullable().optional(),
  electionContestId: z.uuid().nullable().optional(),
});
export type CaptureInputT = z.infer<typeof CaptureInput>;

/** An edit: the changed fields and why. It becomes a new revision; the original is never changed. */
export const CaptureEditBody = z.object({
  platform: z.enum(PLATFORMS).optional(),
  url: PostUrl.optional(),
  accountHandle: Handle.optional(),
  accountName: OptText(200),
  employeeId: z.uuid().nullable().optional(),
  employeeConfirmed: z.boolean().optional(),
  text: z.string().max(MAX_CAPTURE_TEXT).optional(),
  actKind: z.enum(CAPTURE_ACT_KINDS).optional(),
  postedAt: z.iso.datetime({ offset: true }).optional(),
  electionEventId: z.uuid().nullable().optional(),
  electionContestId: z.uuid().nullable().optional(),
  reason: Text(500).min(3, 'Tulis alasan perubahan (minimal 3 karakter)'),
  /** The revision the user saw: a stale edit is refused. */
  expectedRevision: ExpectedRevision,
});
export type CaptureEditBodyT = z.infer<typeof CaptureEditBody>;

export const ReviewBody = z
  .object({
    decision: z.enum(REVIEW_DECISIONS),
    reason: Text(1000).min(3, 'Tulis alasan keputusan (minimal 3 karakter)'),
    /** For a duplicate: the capture it repeats. */
    duplicateOfId: z.uuid().nullable().optional(),
    expectedRevision: ExpectedRevision,
  })
  .refine((b) => b.decision !== 'duplicate' || !!b.duplicateOfId, { message: 'Pilih tangkapan yang diduplikasi', path: ['duplicateOfId'] });
export type ReviewBodyT = z.infer<typeof ReviewBody>;

/** "Buka kasus": a Satgas finding (temuan_medsos) with the capture(s) as evidence. */
export const OpenCaseBody = z.object({
  /** Further captures of the same act to attach as evidence (e.g. its duplicates). */
  alsoCaptureIds: z.array(z.uuid()).max(20).default([]),
  title: OptText(200),
  assigneeUserId: z.uuid().nullable().optional(),
  expectedRevision: ExpectedRevision,
});
export const OpenCaseResult = z.object({ caseId: z.uuid(), caseNumber: z.string() });

export const CaptureQuery = z.object({
  /** Review status; `all` for every capture. Default: pending. */
  status: z.enum([...REVIEW_STATUSES, 'all']).default('pending'),
  electionEventId: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  /** Only captures scoring at least this (0–100). */
  minScore: z.coerce.number().min(0).max(100).optional(),
  /** Words of the handle, display name or employee name. */
  q: z.string().trim().max(100).optional(),
  /** `risk` (default: highest score first) or `recent` (latest capture first). */
  sort: z.enum(['risk', 'recent']).default('risk'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaptureQueryT = z.infer<typeof CaptureQuery>;

/** A highlighted part of the post text: offsets are UTF-16 code units into the text (JavaScript string indices). */
export const ReasonSpan = z.object({
  signal: z.enum(SIGNALS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The highlighted text. */
  text: z.string(),
  /** Indonesian explanation. */
  why: z.string(),
  /** Rule id, or "model" for words that raised a classifier score. */
  rule: z.string(),
});
export type ReasonSpanT = z.infer<typeof ReasonSpan>;

export const Signals = z.object({ partisan: z.number(), hate: z.number(), abusive: z.number(), hoax: z.number() });

export const SuggestedItem = z.object({
  code: z.string(),
  list: z.enum(CATALOGUE_LISTS),
  tier: z.enum(TIERS).nullable(),
  /** Why this item (the dates compared), in Indonesian. */
  reason: z.string(),
});

export const EmployeeRef = z.object({ id: z.uuid(), name: z.string(), idNumber: z.string(), unitName: z.string().nullable(), position: z.string().nullable() });

export const CaptureListItem = z.object({
  id: z.uuid(),
  source: z.enum(CAPTURE_SOURCES),
  platform: z.enum(PLATFORMS),
  url: z.string(),
  accountHandle: z.string(),
  accountName: z.string().nullable(),
  employee: EmployeeRef.nullable(),
  employeeConfirmed: z.boolean(),
  /** The post text, cut after 1,500 characters in the queue (the detail has all of it). */
  text: z.string(),
  textTruncated: z.boolean(),
  actKind: z.enum(CAPTURE_ACT_KINDS),
  postedAt: z.iso.datetime(),
  capturedAt: z.iso.datetime(),
  /** Calibrated risk 0–100 from the screener. */
  score: z.number(),
  signals: Signals,
  /** Ballot number and label of the pair the post refers to most. */
  pair: z.number().int().nullable(),
  pairLabel: z.string().nullable(),
  suggestedItem: SuggestedItem.nullable(),
  /** Reasons within `text` (spans beyond the cut are left out of the queue). */
  reasons: z.array(ReasonSpan),
  modelVersion: z.string(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  caseId: z.uuid().nullable(),
  revision: z.number().int(),
  fileCount: z.number().int(),
});
export const CaptureList = pageOf(CaptureListItem);

export const CaptureFileView = z.object({
  id: z.uuid(),
  /** SHA-256 of the original bytes as received. */
  sha256: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  hasCleanCopy: z.boolean(),
  addedInRevision: z.number().int(),
});

export const CaptureRevisionView = z.object({
  revision: z.number().int(),
  editedBy: z.string().nullable(),
  editedAt: z.iso.datetime(),
  /** Null for the original capture. */
  reason: z.string().nullable(),
  platform: z.enum(PLATFORMS),
  url: z.string(),
  accountHandle: z.string(),
  accountName: z.string().nullable(),
  employeeId: z.uuid().nullable(),
  employeeConfirmed: z.boolean(),
  text: z.string(),
  textSha256: z.string(),
  actKind: z.enum(CAPTURE_ACT_KINDS),
  postedAt: z.iso.datetime(),
  score: z.number(),
  modelVersion: z.string(),
  /** The watchlist version the text was screened with. */
  watchlistId: z.uuid().nullable(),
});

export const CaptureDetail = CaptureListItem.extend({
  textSha256: z.string(),
  electionEventId: z.uuid().nullable(),
  electionContestId: z.uuid().nullable(),
  electionName: z.string().nullable(),
  watchlistId: z.uuid().nullable(),
  watchlistVersion: z.number().int().nullable(),
  capturedBy: z.string().nullable(),
  importId: z.uuid().nullable(),
  files: z.array(CaptureFileView),
  revisions: z.array(CaptureRevisionView),
  review: z
    .object({
      status: z.enum(REVIEW_DECISIONS),
      by: z.string().nullable(),
      at: z.iso.datetime(),
      reason: z.string(),
      duplicateOfId: z.uuid().nullable(),
    })
    .nullable(),
  case: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** Other captures of the same text or the same URL. */
  possibleDuplicates: z.array(z.object({ id: z.uuid(), accountHandle: z.string(), score: z.number(), reviewStatus: z.enum(REVIEW_STATUSES), capturedAt: z.iso.datetime() })),
  /** What the signed-in user may do now (decided by the server). */
  allowed: z.object({ review: z.boolean(), edit: z.boolean(), openCase: z.boolean() }),
});
export type CaptureDetailT = z.infer<typeof CaptureDetail>;

export const CaptureFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const CaptureFileQuery = z.object({ variant: z.enum(['clean', 'original']).default('clean') });

/* Watchlists */

export const WatchlistScopeQuery = z.object({ electionEventId: z.uuid(), electionContestId: z.uuid().optional() });
export const WatchlistSaveBody = z.object({
  electionEventId: z.uuid(),
  /** A contest of the event; without it the watchlist covers the whole event. */
  electionContestId: z.uuid().nullable().optional(),
  /** The watchlist in the documented JSON format `netra.watchlist/v1` (docs/MONITORING.md). */
  document: z.record(z.string(), z.unknown()),
  /** Why this version (e.g. "nomor urut ditetapkan KPU"). */
  note: OptText(500),
});
export const WatchlistView = z.object({
  id: z.uuid(),
  electionEventId: z.uuid(),
  electionContestId: z.uuid().nullable(),
  electionName: z.string(),
  contestName: z.string().nullable(),
  version: z.number().int(),
  isCurrent: z.boolean(),
  /** SHA-256 of the canonical JSON of the document. */
  sha256: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  pairs: z.number().int(),
  hoaxClaims: z.number().int(),
  /** Phrases that will also match ordinary words, and other notes for whoever edits it. */
  warnings: z.array(z.string()),
  document: z.record(z.string(), z.unknown()),
});
export const WatchlistSummary = WatchlistView.omit({ document: true, warnings: true });
export const WatchlistList = z.object({ items: z.array(WatchlistSummary) });

/* Bulk import */

/** skip_invalid: valid rows are imported (in one transaction), invalid rows are listed. all_or_nothing: any invalid row refuses the whole file. */
export const IMPORT_MODES = ['skip_invalid', 'all_or_nothing'] as const;
export const CAPTURE_IMPORT_STATUSES = ['queued', 'running', 'done', 'refused', 'failed'] as const;
export const CaptureImportOptions = z.object({
  mode: z.enum(IMPORT_MODES).default('skip_invalid'),
  electionEventId: z.uuid().nullable().optional(),
  electionContestId: z.uuid().nullable().optional(),
});
export const ImportRowIssue = z.object({
  /** Row number as the user sees it: the line of a JSONL file, the record's first line in a CSV (header = 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export const CaptureImportView = z.object({
  id: z.uuid(),
  status: z.enum(CAPTURE_IMPORT_STATUSES),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  format: z.enum(['csv', 'jsonl']).nullable(),
  mode: z.enum(IMPORT_MODES),
  electionEventId: z.uuid().nullable(),
  electionContestId: z.uuid().nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errorRows: z.number().int(),
  /** 0–100. */
  progress: z.number().int(),
  issues: z.array(ImportRowIssue),
  /** More rows were wrong than the list keeps (the first 1,000 are listed). */
  issuesTruncated: z.boolean(),
  failureMessage: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export const CaptureImportList = z.object({ items: z.array(CaptureImportView.omit({ issues: true })) });

/* Declared accounts */

export const DeclaredAccountInput = z.object({
  employeeId: z.uuid(),
  platform: z.enum(PLATFORMS),
  handle: Handle,
  url: PostUrl.nullable().optional(),
  /** Why Netra may keep this (e.g. "Dinyatakan pegawai dalam pakta integritas; hanya unggahan publik dipantau, UU 27/2022"). */
  legalBasis: Text(500),
  declaredOn: IsoDate,
  note: OptText(500),
});
export const DeclaredAccountPatch = DeclaredAccountInput.partial();
export const DeclaredAccountQuery = z.object({
  q: z.string().trim().max(100).optional(),
  platform: z.enum(PLATFORMS).optional(),
  employeeId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export const DeclaredAccountView = z.object({
  id: z.uuid(),
  employee: EmployeeRef,
  platform: z.enum(PLATFORMS),
  handle: z.string(),
  url: z.string().nullable(),
  legalBasis: z.string(),
  declaredOn: IsoDate,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export const DeclaredAccountList = pageOf(DeclaredAccountView);

export const SuggestionQuery = z.object({
  platform: z.enum(PLATFORMS).optional(),
  handle: z.string().trim().max(100).optional(),
  name: z.string().trim().max(200).optional(),
});
export const EmployeeSuggestion = z.object({
  employee: EmployeeRef,
  /** declared_account: the handle is in the register (strong); name: the display name resembles the employee's name (weak). */
  matchedBy: z.enum(['declared_account', 'name']),
  account: z.object({ platform: z.enum(PLATFORMS), handle: z.string() }).nullable(),
});
export const SuggestionList = z.object({ items: z.array(EmployeeSuggestion) });

/** Labelled data for retraining: one JSON line per reviewed capture. */
export const LabelsQuery = z.object({ electionEventId: z.uuid().optional() });
