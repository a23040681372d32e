/** Response/body types inferred from the shared Zod contracts (never redeclared by hand). */
import type { z } from 'zod';
import type { PublicTenants, SessionInfo, SessionUser, TotpSetup } from '../../shared/contracts/auth.contract.js';
import type { UnitCreateBody, UnitTree, UnitUpdateBody, UnitView } from '../../shared/contracts/units.contract.js';
import type {
  EmployeeCreateBody,
  EmployeeListQuery,
  EmployeePage,
  EmployeeStats,
  EmployeeUpdateBody,
  EmployeeView,
} from '../../shared/contracts/employees.contract.js';
import type { Region, TenantCreateBody, TenantView } from '../../shared/contracts/tenants.contract.js';
import type {
  CampaignBody,
  CampaignUpdateBody,
  CampaignView,
  ElectionEventBody,
  ElectionEventView,
  PublicVerification,
  SignatureView,
  SignBody,
  SigningView,
  TemplateBody,
  TemplateView,
} from '../../shared/contracts/pledges.contract.js';
import type { CorrectionView } from '../../shared/contracts/employees.contract.js';
import type {
  ImportCommitBody,
  ImportIssueView,
  ImportValidateBody,
  ImportView,
} from '../../shared/contracts/imports.contract.js';

export type SessionInfoT = z.infer<typeof SessionInfo>;
export type SessionUserT = z.infer<typeof SessionUser>;
export type PublicTenantsT = z.infer<typeof PublicTenants>;
export type TotpSetupT = z.infer<typeof TotpSetup>;

export type UnitViewT = z.infer<typeof UnitView>;
export type UnitTreeT = z.infer<typeof UnitTree>;
export type UnitCreateBodyT = z.input<typeof UnitCreateBody>;
export type UnitUpdateBodyT = z.input<typeof UnitUpdateBody>;

export type EmployeeViewT = z.infer<typeof EmployeeView>;
export type EmployeePageT = z.infer<typeof EmployeePage>;
export type EmployeeListQueryT = Partial<z.input<typeof EmployeeListQuery>>;
export type EmployeeUpdateBodyT = z.input<typeof EmployeeUpdateBody>;
export type EmployeeCreateBodyT = z.input<typeof EmployeeCreateBody>;
export type EmployeeStatsT = z.infer<typeof EmployeeStats>;

export type TenantViewT = z.infer<typeof TenantView>;
export type TenantCreateBodyT = z.input<typeof TenantCreateBody>;
export type RegionT = z.infer<typeof Region>;

export type ImportViewT = z.infer<typeof ImportView>;
export type ImportIssueViewT = z.infer<typeof ImportIssueView>;
export type ImportValidateBodyT = z.input<typeof ImportValidateBody>;
export type ImportCommitBodyT = z.input<typeof ImportCommitBody>;
export type ImportStatus = ImportViewT['status'];

export type ElectionViewT = z.infer<typeof ElectionEventView>;
export type ElectionBodyT = z.input<typeof ElectionEventBody>;
export type TemplateViewT = z.infer<typeof TemplateView>;
export type TemplateBodyT = z.input<typeof TemplateBody>;
export type CampaignViewT = z.infer<typeof CampaignView>;
export type CampaignBodyT = z.input<typeof CampaignBody>;
export type CampaignUpdateBodyT = z.input<typeof CampaignUpdateBody>;
export type CampaignStatus = CampaignViewT['status'];
export type SigningViewT = z.infer<typeof SigningView>;
export type SignBodyT = z.input<typeof SignBody>;
export type SignatureViewT = z.infer<typeof SignatureView>;
export type PublicVerificationT = z.infer<typeof PublicVerification>;
export type CorrectionViewT = z.infer<typeof CorrectionView>;

export interface OkResponse {
  ok: true;
}

/* No shared contracts exist yet for the following endpoints; shapes follow the API brief. */

export interface ImportIssuePageT {
  items: ImportIssueViewT[];
  total: number;
}

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
}

export interface AuditItem {
  id: number;
  seq: number | null;
  occurredAt: string;
  actorLabel: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  requestId: string | null;
}

export interface AuditPageT {
  items: AuditItem[];
  total: number;
}

export interface AuditVerifyT {
  ok: boolean;
  checked: number;
  brokenAt?: { seq: number; reason: string } | null;
}

/** GET /api/pledges/mine: the response schema is declared inline in the route (no named contract yet). */
export interface MyPledgeT {
  campaignId: string;
  name: string;
  signDeadline: string;
  status: string;
  signature: SignatureViewT | null;
}

/* Apel reports and compliance (shared contracts). */
export type ApelSummaryT = z.infer<typeof import('../../shared/contracts/apel.contract.js').ApelSummary>;
export type ApelViewT = z.infer<typeof import('../../shared/contracts/apel.contract.js').ApelView>;
export type ApelCreateBodyT = z.input<typeof import('../../shared/contracts/apel.contract.js').ApelCreateBody>;
export type ApelUpdateBodyT = z.input<typeof import('../../shared/contracts/apel.contract.js').ApelUpdateBody>;
export type AttendanceBodyT = z.input<typeof import('../../shared/contracts/apel.contract.js').AttendanceBody>;
export type RosterViewT = z.infer<typeof import('../../shared/contracts/apel.contract.js').RosterView>;
export type ApelReportStatus = ApelSummaryT['status'];
export type AttendanceStatusT = ApelViewT['attendance'][number]['status'];
export type ComplianceTreeT = z.infer<typeof import('../../shared/contracts/compliance.contract.js').ComplianceTree>;
export type ComplianceUnitT = ComplianceTreeT['units'][number];
export type UnsignedPageT = z.infer<typeof import('../../shared/contracts/compliance.contract.js').UnsignedPage>;
export type ReminderRunResultT = z.infer<typeof import('../../shared/contracts/compliance.contract.js').ReminderRunResult>;

/* Pengaduan (reports.contract.ts). */
type ReportsContract = typeof import('../../shared/contracts/reports.contract.js');
export type ReportInputT = z.input<ReportsContract['ReportInput']>;
export type SubmitResultT = z.infer<ReportsContract['SubmitResult']>;
export type PowChallengeT = z.infer<ReportsContract['PowChallenge']>;
export type ReceiptCredentialsT = z.input<ReportsContract['ReceiptCredentials']>;
export type ReceiptViewT = z.infer<ReportsContract['ReceiptView']>;
export type ReportMessageT = z.infer<ReportsContract['ReportMessage']>;
export type InboxQueryT = Partial<z.infer<ReportsContract['InboxQuery']>>;
export type InboxListT = z.infer<ReportsContract['InboxList']>;
export type InboxItemT = z.infer<ReportsContract['InboxItem']>;
export type ReportDetailT = z.infer<ReportsContract['ReportDetail']>;
export type EvidenceFileT = z.infer<ReportsContract['EvidenceFile']>;
export type RevealViewT = z.infer<ReportsContract['RevealView']>;
export type RevealIdentityT = z.infer<ReportsContract['RevealIdentity']>;
export type StaffEntryBodyT = z.input<ReportsContract['StaffEntryBody']>;
export type StatusBodyT = z.input<ReportsContract['StatusBody']>;
