/**
 * The report form's draft, its per-step checks (mirroring the shared contract so the reporter learns
 * of a problem before sending) and the mapping to ReportInput. Enum values come from the contract's
 * types; the lists are repeated here only as values, checked against those types, so the public
 * chunk does not pull in zod.
 */
import type { ActKind, IdentityMode, WarningCode } from '../../../shared/contracts/reports.contract.js';
import type { ReportInputT } from '../../api/types';

export const IDENTITY_MODES = ['anonim', 'rahasia', 'terbuka'] as const satisfies readonly IdentityMode[];
export const ACT_KINDS = [
  'kampanye_media_sosial', 'ikut_kampanye', 'foto_gestur', 'atribut_peserta', 'penggunaan_fasilitas',
  'keputusan_menguntungkan', 'mobilisasi_asn', 'dukungan_ktp', 'politik_uang', 'mencalonkan_diri', 'lainnya',
] as const satisfies readonly ActKind[];
// Compile-time check that no kind of the contract is missing here.
const allKinds: Exclude<ActKind, (typeof ACT_KINDS)[number]> extends never ? true : never = true;
void allKinds;

/** Server defaults (REPORT_FILE_MAX_BYTES, REPORT_TOTAL_MAX_BYTES, REPORT_MAX_FILES); the server has the last word. */
export const FILE_LIMITS = { perFile: 25 * 1024 * 1024, total: 60 * 1024 * 1024, files: 10 };
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/webm,application/pdf';
const EVIDENCE_TYPES = new Set(EVIDENCE_ACCEPT.split(','));

export const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export interface ReporterDraft { name: string; nik: string; address: string; occupation: string; phone: string; email: string }

export interface ReportDraft {
  identityMode: IdentityMode | null;
  reporter: ReporterDraft;
  contactEmail: string;
  reported: { name: string; agency: string; position: string; idNumber: string };
  actKind: ActKind | null;
  actKindOther: string;
  election: string;
  actDate: string;
  discoveredOn: string;
  place: string;
  description: string;
  links: string[];
  files: File[];
}

export const emptyDraft = (): ReportDraft => ({
  identityMode: null,
  reporter: { name: '', nik: '', address: '', occupation: '', phone: '', email: '' },
  contactEmail: '',
  reported: { name: '', agency: '', position: '', idNumber: '' },
  actKind: null,
  actKindOther: '',
  election: '',
  actDate: '',
  discoveredOn: '',
  place: '',
  description: '',
  links: [],
  files: [],
});

/** Field id → i18n key of the message (with params). Ids double as the DOM ids for the error summary. */
export type StepErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const blank = (s: string) => s.trim() === '';

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Problems with the files chosen (size, type, count); shared by the form and the receipt portal. */
export function fileProblems(files: File[], already = 0): StepErrors {
  const errors: StepErrors = {};
  files.forEach((file, i) => {
    if (!EVIDENCE_TYPES.has(file.type)) errors[`file-${i}`] = { key: 'reports.evidence.badType', params: { name: file.name } };
    else if (file.size > FILE_LIMITS.perFile) errors[`file-${i}`] = { key: 'reports.evidence.tooLarge', params: { name: file.name, max: megabytes(FILE_LIMITS.perFile) } };
  });
  if (files.length + already > FILE_LIMITS.files) errors['evidence-files'] = { key: 'reports.evidence.tooMany', params: { max: FILE_LIMITS.files } };
  else if (files.reduce((sum, f) => sum + f.size, 0) > FILE_LIMITS.total) errors['evidence-files'] = { key: 'reports.evidence.totalTooLarge', params: { max: megabytes(FILE_LIMITS.total) } };
  return errors;
}

export function validateStep(step: number, d: ReportDraft): StepErrors {
  const e: StepErrors = {};
  if (step === 0) {
    if (!d.identityMode) e['identity-mode'] = { key: 'reports.errors.modeRequired' };
    if (d.identityMode && d.identityMode !== 'anonim') {
      const r = d.reporter;
      if (r.name.trim().length < 2) e['reporter-name'] = { key: 'reports.errors.nameRequired' };
      if (!blank(r.nik) && !/^\d{16}$/.test(r.nik.trim())) e['reporter-nik'] = { key: 'reports.errors.nik' };
      if (!blank(r.phone) && !PHONE.test(r.phone.trim())) e['reporter-phone'] = { key: 'reports.errors.phone' };
      if (!blank(r.email) && !EMAIL.test(r.email.trim())) e['reporter-email'] = { key: 'reports.errors.email' };
    }
    if (!blank(d.contactEmail) && !EMAIL.test(d.contactEmail.trim())) e['contact-email'] = { key: 'reports.errors.email' };
  }
  if (step === 1 && !blank(d.reported.idNumber) && !/^\d{16,18}$/.test(d.reported.idNumber.trim())) {
    e['reported-id'] = { key: 'reports.errors.idNumber' };
  }
  if (step === 2) {
    if (blank(d.reported.name) && !d.actKind) e['act-kind'] = { key: 'reports.errors.whoOrWhat' };
    if (d.actKind === 'lainnya' && blank(d.actKindOther)) e['act-other'] = { key: 'reports.errors.otherRequired' };
    const today = todayIso();
    if (d.actDate && d.actDate > today) e['act-date'] = { key: 'reports.errors.future' };
    if (d.discoveredOn && d.discoveredOn > today) e['discovered-on'] = { key: 'reports.errors.future' };
    if (d.description.trim().length < 10) e['description'] = { key: 'reports.errors.description' };
    d.links.forEach((link, i) => {
      if (!blank(link) && !isHttpUrl(link)) e[`link-${i}`] = { key: 'reports.errors.link', params: { n: i + 1 } };
    });
  }
  if (step === 3) Object.assign(e, fileProblems(d.files));
  return e;
}

/** Same rules as the server's warnings: shown on the review step, never blocking. */
export function draftWarnings(d: ReportDraft): WarningCode[] {
  const out: WarningCode[] = [];
  if (d.discoveredOn) {
    const limit = new Date(`${todayIso()}T00:00:00Z`);
    limit.setUTCDate(limit.getUTCDate() - 7);
    if (d.discoveredOn < limit.toISOString().slice(0, 10)) out.push('late_for_bawaslu');
  }
  if (blank(d.reported.name)) out.push('missing_who');
  if (!d.actKind) out.push('missing_what');
  if (!d.actDate) out.push('missing_when');
  if (d.actDate && d.discoveredOn && d.discoveredOn < d.actDate) out.push('dates_out_of_order');
  return out;
}

const orNull = (s: string) => (blank(s) ? null : s.trim());

/** The JSON the server validates with ReportInput; `election` holds "eventId|contestId" from the picker. */
export function toInput(d: ReportDraft): ReportInputT {
  const mode = d.identityMode ?? 'anonim';
  const r = d.reporter;
  const [eventId, contestId] = d.election.split('|');
  const description = d.description.trim();
  return {
    identityMode: mode,
    reporter: mode === 'anonim' ? null : {
      name: r.name.trim(), nik: orNull(r.nik), address: orNull(r.address), occupation: orNull(r.occupation),
      phone: orNull(r.phone), email: orNull(r.email),
    },
    contactEmail: orNull(d.contactEmail),
    reported: { name: orNull(d.reported.name), agency: orNull(d.reported.agency), position: orNull(d.reported.position), idNumber: orNull(d.reported.idNumber) },
    actKind: d.actKind,
    actKindOther: d.actKind === 'lainnya' ? orNull(d.actKindOther) : null,
    actDate: d.actDate || null,
    discoveredOn: d.discoveredOn || null,
    place: orNull(d.place),
    description,
    links: d.links.map((l) => l.trim()).filter(Boolean),
    electionEventId: eventId || null,
    electionContestId: contestId || null,
  };
}
