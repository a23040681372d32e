/** Penanganan (case handling) contracts: intake, the Satgas inbox, the case page, actions, the PPK board. */
import { z } from 'zod';
import {
  ALL_SANCTIONS,
  CASE_ACTIONS,
  CASE_DOCUMENT_KINDS,
  CASE_ORIGINS,
  CASE_STATES,
  CLOSE_REASONS,
  FORWARD_TARGETS,
  SUBJECT_TRACKS,
  TIERS,
} from '../case-workflow.js';
import { ACT_KINDS } from './reports.contract.js';
import { pageOf } from './common.js';

const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullable().optional();
/** Every change carries the version the user saw: a stale write is refused (CASE_CONFLICT). */
const ExpectedVersion = z.number().int().min(1);

export const SubjectInput = z
  .object({
    /** An employee from the master; the other fields are then taken from it. */
    employeeId: z.uuid().nullable().optional(),
    name: OptText(200),
    idNumber: OptText(30),
    position: OptText(200),
    unitName: OptText(200),
    /** Only needed for people outside the master: kepala/perangkat desa are routed out, not disciplined. */
    track: z.enum(SUBJECT_TRACKS).optional(),
  })
  .refine((s) => s.employeeId || s.name, { message: 'Pilih pegawai dari data kepegawaian atau tulis namanya.', path: ['name'] });
export type SubjectInput = z.infer<typeof SubjectInput>;

export const OriginRef = z.object({ number: Text(120), date: IsoDate, from: Text(200) });

export const CreateCaseBody = z.object({
  origin: z.enum(CASE_ORIGINS),
  /** Required for a Bawaslu recommendation or a BKN forward: the incoming letter. */
  originRef: OriginRef.nullable().optional(),
  title: Text(200),
  summary: Text(10_000),
  reportIds: z.array(z.uuid()).max(50).default([]),
  subjects: z.array(SubjectInput).max(50).default([]),
  electionEventId: z.uuid().nullable().optional(),
  electionContestId: z.uuid().nullable().optional(),
  actKind: z.enum(ACT_KINDS).nullable().optional(),
  actDate: IsoDate.nullable().optional(),
  discoveredOn: IsoDate.nullable().optional(),
  place: OptText(300),
  assigneeUserId: z.uuid().nullable().optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

/** Case from a report handed over by the Satgas inbox: new case, or attach to an existing one. */
export const FromReportBody = z.object({ caseId: z.uuid().nullable().optional(), expectedVersion: ExpectedVersion.optional() });

export const CaseListQuery = z.object({
  /** A state, or `open` (default), `overdue`, `all`. */
  state: z.enum([...CASE_STATES, 'open', 'overdue', 'all']).default('open'),
  /** `me` for the signed-in member's cases. */
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  origin: z.enum(CASE_ORIGINS).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const CaseListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  origin: z.enum(CASE_ORIGINS),
  state: z.enum(CASE_STATES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  subjects: z.array(z.string()),
  assignee: PersonRef.nullable(),
  dueOn: IsoDate.nullable(),
  /** Working days past the due date (0 when on time). */
  overdueDays: z.number().int(),
  escalationLevel: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const CaseList = pageOf(CaseListItem);

export const CaseSubjectView = z.object({
  id: z.uuid(),
  employeeId: z.uuid().nullable(),
  name: z.string(),
  idNumber: z.string().nullable(),
  position: z.string().nullable(),
  unitName: z.string().nullable(),
  category: z.string().nullable(),
  jabatanClass: z.string().nullable(),
  track: z.enum(SUBJECT_TRACKS),
  proposedItemCode: z.string().nullable(),
  itemCode: z.string().nullable(),
  tier: z.enum(TIERS).nullable(),
  overrideReason: z.string().nullable(),
  finding: z.enum(['proven', 'not_proven']).nullable(),
  findingReason: z.string().nullable(),
  recommendedTier: z.enum(TIERS).nullable(),
  sanction: z.string().nullable(),
  skNumber: z.string().nullable(),
  skDate: IsoDate.nullable(),
  followUp: z.object({ executedOn: IsoDate, note: z.string(), idisRecordedOn: IsoDate.nullable() }).nullable(),
  /** Earlier cases about the same employee (repeat offences). */
  earlierCases: z.array(z.object({ id: z.uuid(), number: z.string(), state: z.enum(CASE_STATES), closeReason: z.enum(CLOSE_REASONS).nullable(), sanction: z.string().nullable() })),
  /** What happened at clarification/examination for this subject (from the events). */
  progress: z.object({
    summonses: z.array(z.object({ summonsNo: z.number().int(), appearOn: IsoDate, attended: z.boolean().nullable() })),
    clarified: z.boolean(),
    bapRecorded: z.boolean(),
  }),
});

export const CaseEventView = z.object({
  seq: z.number().int(),
  kind: z.string(),
  fromState: z.enum(CASE_STATES).nullable(),
  toState: z.enum(CASE_STATES).nullable(),
  actor: z.string(),
  at: z.iso.datetime(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  correctsSeq: z.number().int().nullable(),
});

export const CaseEvidenceView = z.object({
  id: z.uuid(),
  source: z.enum(['report', 'upload', 'capture']),
  description: z.string(),
  sha256: z.string(),
  mimeType: z.string().nullable(),
  size: z.number().int().nullable(),
  reportNumber: z.string().nullable(),
  addedAt: z.iso.datetime(),
});

export const CaseDocumentView = z.object({
  id: z.uuid(),
  kind: z.enum(CASE_DOCUMENT_KINDS),
  number: z.string(),
  subjectName: z.string().nullable(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});

export const CaseDetail = z.object({
  id: z.uuid(),
  number: z.string(),
  version: z.number().int(),
  origin: z.enum(CASE_ORIGINS),
  originRef: OriginRef.nullable(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(CASE_STATES),
  closeReason: z.enum(CLOSE_REASONS).nullable(),
  election: z.object({ eventId: z.uuid(), eventName: z.string(), contestId: z.uuid().nullable(), contestName: z.string().nullable(), penetapanCalonOn: IsoDate.nullable() }).nullable(),
  actKind: z.enum(ACT_KINDS).nullable(),
  actDate: IsoDate.nullable(),
  discoveredOn: IsoDate.nullable(),
  place: z.string().nullable(),
  catalogueVersion: z.number().int().nullable(),
  assignee: PersonRef.nullable(),
  dueOn: IsoDate.nullable(),
  overdueDays: z.number().int(),
  escalationLevel: z.number().int(),
  external: z.object({ target: z.enum(FORWARD_TARGETS), letterNumber: z.string().nullable(), returnTo: z.enum(CASE_STATES) }).nullable(),
  mergedInto: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  /** Netra's proposal from the act date, the contest and the kind of act (the Satgas confirms or overrides). */
  proposal: z.object({ list: z.string().nullable(), itemCode: z.string().nullable(), tier: z.enum(TIERS).nullable(), reason: z.string() }).nullable(),
  subjects: z.array(CaseSubjectView),
  reports: z.array(z.object({ id: z.uuid(), number: z.string(), identityMode: z.string(), receivedOn: IsoDate })),
  events: z.array(CaseEventView),
  evidence: z.array(CaseEvidenceView),
  documents: z.array(CaseDocumentView),
  examinationTeam: z.array(z.object({ name: z.string(), title: z.string(), role: z.string() })),
  /** Actions the signed-in user may take now (the UI shows only these). */
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  /** Satgas members who may be assigned (conflicted members are left out). */
  assignable: z.array(PersonRef),
  excludedCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const SubjectRef = z.uuid();

/** One body per action; `action` selects the payload. */
export const CaseActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start_verification'), expectedVersion: ExpectedVersion, note: OptText(2000) }),
  z.object({ action: z.literal('request_info'), expectedVersion: ExpectedVersion, message: Text(4000) }),
  z.object({ action: z.literal('reject'), expectedVersion: ExpectedVersion, reason: Text(2000) }),
  z.object({ action: z.literal('route_out'), expectedVersion: ExpectedVersion, target: z.enum(['bawaslu', 'dpmd']), reason: Text(2000) }),
  z.object({
    action: z.literal('verify'),
    expectedVersion: ExpectedVersion,
    note: OptText(2000),
    subjects: z.array(z.object({ subjectId: SubjectRef, itemCode: Text(20), tier: z.enum(TIERS), overrideReason: OptText(2000) })).min(1),
  }),
  z.object({
    action: z.literal('summon'),
    expectedVersion: ExpectedVersion,
    subjectId: SubjectRef,
    summonsNo: z.union([z.literal(1), z.literal(2)]),
    appearOn: IsoDate,
    appearTime: z.string().regex(/^\d{2}[.:]\d{2}$/, 'Tulis jam seperti 09.00'),
    place: Text(300),
  }),
  z.object({
    action: z.literal('record_clarification'),
    expectedVersion: ExpectedVersion,
    subjectId: SubjectRef,
    heldOn: IsoDate,
    statement: Text(20_000),
    /** Who attended besides the employee (witnesses, the superior). */
    attendees: z.array(Text(200)).max(20).default([]),
  }),
  z.object({ action: z.literal('record_absence'), expectedVersion: ExpectedVersion, subjectId: SubjectRef, summonsNo: z.union([z.literal(1), z.literal(2)]), note: OptText(2000) }),
  z.object({ action: z.literal('finish_clarification'), expectedVersion: ExpectedVersion, note: OptText(2000) }),
  z.object({
    action: z.literal('form_examination_team'),
    expectedVersion: ExpectedVersion,
    members: z.array(z.object({ name: Text(200), title: Text(200), role: z.enum(['atasan_langsung', 'pengawasan', 'kepegawaian']) })).min(3).max(10),
  }),
  z.object({
    action: z.literal('record_bap'),
    expectedVersion: ExpectedVersion,
    subjectId: SubjectRef,
    heldOn: IsoDate,
    questions: z.array(z.object({ q: Text(2000), a: Text(10_000) })).min(1).max(100),
    signedByExamined: z.boolean(),
    refusalNote: OptText(2000),
  }),
  z.object({ action: z.literal('finish_examination'), expectedVersion: ExpectedVersion, note: OptText(2000) }),
  z.object({
    action: z.literal('conclude'),
    expectedVersion: ExpectedVersion,
    findings: z.array(z.object({ subjectId: SubjectRef, finding: z.enum(['proven', 'not_proven']), reason: Text(10_000) })).min(1),
  }),
  z.object({
    action: z.literal('recommend'),
    expectedVersion: ExpectedVersion,
    recommendations: z.array(z.object({ subjectId: SubjectRef, tier: z.enum(TIERS), reasoning: Text(10_000) })).min(1),
  }),
  z.object({
    action: z.literal('decide'),
    expectedVersion: ExpectedVersion,
    decisions: z
      .array(
        z.object({
          subjectId: SubjectRef,
          /** null: the PPK decides not to sanction (recorded, and counted as a decision). */
          sanction: z.enum(ALL_SANCTIONS as [string, ...string[]]).nullable(),
          skNumber: Text(120),
          skDate: IsoDate,
          note: OptText(2000),
        }),
      )
      .min(1),
  }),
  z.object({
    action: z.literal('record_follow_up'),
    expectedVersion: ExpectedVersion,
    executions: z.array(z.object({ subjectId: SubjectRef, executedOn: IsoDate, note: Text(2000), idisRecordedOn: IsoDate.nullable().optional() })).min(1),
  }),
  z.object({
    action: z.literal('forward'),
    expectedVersion: ExpectedVersion,
    target: z.enum(FORWARD_TARGETS),
    /** handover: wait for the other agency; parallel: keep handling here as well. */
    mode: z.enum(['handover', 'parallel']),
    reason: Text(4000),
  }),
  z.object({
    action: z.literal('receive_external'),
    expectedVersion: ExpectedVersion,
    /** returned: continue handling here; closed: the other agency handles it entirely. */
    result: z.enum(['returned', 'closed']),
    letterNumber: OptText(120),
    letterDate: IsoDate.nullable().optional(),
    summary: Text(10_000),
  }),
  z.object({ action: z.literal('merge'), expectedVersion: ExpectedVersion, targetCaseId: z.uuid(), reason: Text(2000) }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBody>;

export const AssignBody = z.object({ expectedVersion: ExpectedVersion, userId: z.uuid().nullable() });
export const NoteBody = z.object({ expectedVersion: ExpectedVersion, body: Text(10_000) });
export const AddSubjectBody = z.object({ expectedVersion: ExpectedVersion, subject: SubjectInput });
/** A correction or withdrawal of an earlier event: a new event, never an edit. */
export const CorrectionBody = z.object({
  expectedVersion: ExpectedVersion,
  correctsSeq: z.number().int().min(1),
  kind: z.enum(['correction', 'withdrawal']),
  reason: Text(4000),
  /** The corrected values (free form, shown next to the original). */
  corrected: z.record(z.string(), z.string().max(10_000)).default({}),
});
export const RegenerateDocumentBody = z.object({ kind: z.enum(CASE_DOCUMENT_KINDS), subjectId: z.uuid().nullable().optional() });

export const CaseMutationResult = z.object({ id: z.uuid(), number: z.string(), version: z.number().int(), state: z.enum(CASE_STATES) });

export const PpkBoardItem = z.object({
  caseId: z.uuid(),
  caseNumber: z.string(),
  title: z.string(),
  subjects: z.array(z.object({ name: z.string(), recommendedTier: z.enum(TIERS).nullable() })),
  recommendedOn: z.iso.datetime(),
  ppkName: z.string(),
  waitingDays: z.number().int(),
  waitingWorkingDays: z.number().int(),
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
});
export const PpkRate = z.object({
  ppkName: z.string(),
  recommended: z.number().int(),
  decided: z.number().int(),
  /** decided / recommended, 0..1 (null when nothing was recommended). */
  followUpRate: z.number().nullable(),
  avgDaysToDecide: z.number().nullable(),
});
export const PpkBoard = z.object({ waiting: z.array(PpkBoardItem), rates: z.array(PpkRate) });

export const NotificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export const NotificationList = z.object({ items: z.array(NotificationView), unread: z.number().int() });
