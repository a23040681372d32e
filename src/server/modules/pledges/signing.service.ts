/**
 * Signing the ikrar + pakta: one employee, one campaign, one signature record signed by the server's
 * Ed25519 key over the SHA-256 of the exact text. Idempotent; never half-written (one transaction).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SignBody } from '../../../shared/contracts/pledges.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import { canonicalJson } from '../../lib/canonical-json.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateId, localIsoDate } from '../../lib/dates.js';
import { requireScope } from '../../lib/policy.js';
import { auditRowOf } from '../audit/audit.service.js';
import { pangkatOf } from '../employees/employees.presenter.js';
import type { EmployeeWithUnit } from '../employees/employees.repository.js';
import type { TenantRow } from '../tenants/tenants.repository.js';
import { typedNameMatches } from '../../../shared/typed-name.js';
import { canonicalPledgeText, fillTemplate, sha256, undertakingsOf, type TextContext } from './pledge-text.js';
import { findCampaign, findCurrentTemplates, findSigningStateBySession, findSignatureOf, findTemplates, insertSignatureOnceAudited, type CampaignRow, type SignatureRow, type SigningCampaign, type SigningEmployee, type TemplateRow } from './pledges.repository.js';

/** What the identity block is made of. */
type IdentitySource = Pick<EmployeeWithUnit, 'name' | 'idNumber' | 'idType' | 'golonganScheme' | 'golongan' | 'jabatanName' | 'unitName'>;

/** The identity block as the master holds it (shown prefilled, signed as part of the text). */
export function identityOf(e: IdentitySource): Record<string, string> {
  const pangkat = pangkatOf(e.golonganScheme, e.golongan);
  return {
    nama: e.name,
    nomorIdentitas: e.idNumber,
    /** How the number is called under the signature: NIP, NI PPPK, NIK or Nomor. */
    labelNomor: { nip: 'NIP', ni_pppk: 'NI PPPK', nik: 'NIK', internal: 'Nomor' }[e.idType],
    pangkatGolongan: e.golongan ? (pangkat ? `${pangkat} (${e.golongan})` : e.golongan) : '-',
    jabatan: e.jabatanName ?? '-',
    unitKerja: e.unitName,
  };
}

/** The payload the server signs: every field that makes the record what it is. */
export function signedPayload(s: Pick<SignatureRow, 'id' | 'tenantId' | 'campaignId' | 'employeeId' | 'ikrarTemplateId' | 'paktaTemplateId' | 'textSha256' | 'signedAt' | 'typedName' | 'method' | 'paperSignedOn'>): string {
  return canonicalJson({
    v: 1,
    id: s.id,
    tenantId: s.tenantId,
    campaignId: s.campaignId,
    employeeId: s.employeeId,
    ikrarTemplateId: s.ikrarTemplateId,
    paktaTemplateId: s.paktaTemplateId,
    textSha256: s.textSha256,
    signedAt: s.signedAt,
    typedName: s.typedName,
    method: s.method,
    paperSignedOn: s.paperSignedOn ?? null,
  });
}

export interface CampaignContext {
  campaign: SigningCampaign;
  tenant: Pick<TenantRow, 'name' | 'timezone'>;
  ikrar: TemplateRow;
  pakta: TemplateRow;
  text: TextContext;
}

export async function loadCampaignContext(deps: AppDeps, tenantId: string, campaignId: string): Promise<CampaignContext & { campaign: CampaignRow }> {
  const row = await findCampaign(deps.db, tenantId, campaignId);
  if (!row) throw notFound({ campaignId });
  const { ikrar, pakta } = await findCurrentTemplates(deps.db, tenantId, campaignId);
  return { campaign: row.campaign, tenant: row.tenant, ikrar, pakta, text: { instansi: row.tenant.name, pemilihan: row.eventName } };
}

/** A new signature record (without the server signature) for the campaign's current texts. */
export function signatureDraft(c: CampaignContext, tenantId: string, employee: IdentitySource & { id: string }, opts: { method: 'online' | 'paper'; typedName: string; textDate: Date; paperSignedOn: string | null; keyId: string }) {
  const identity = identityOf(employee);
  return {
    tenantId,
    id: randomUUID(),
    campaignId: c.campaign.id,
    employeeId: employee.id,
    ikrarTemplateId: c.ikrar.id,
    paktaTemplateId: c.pakta.id,
    method: opts.method,
    identity,
    typedName: opts.typedName,
    textSha256: sha256(textFor(c, identity, opts.typedName, opts.textDate)),
    signedAt: new Date(),
    paperSignedOn: opts.paperSignedOn,
    keyId: opts.keyId,
  };
}

/** Whether the campaign accepts signatures today (tenant's calendar day). */
export function assertCampaignOpen(c: CampaignContext, now: Date): void {
  if (c.campaign.status !== 'open') throw new AppError('CAMPAIGN_CLOSED', { status: c.campaign.status });
  if (localIsoDate(now, c.tenant.timezone) > c.campaign.signDeadline) throw new AppError('CAMPAIGN_CLOSED', { signDeadline: c.campaign.signDeadline });
}

export function textFor(c: CampaignContext, identity: Record<string, string>, typedName: string, signedAt: Date, ikrar = c.ikrar, pakta = c.pakta): string {
  return canonicalPledgeText({ ikrar, pakta, identity, context: c.text, place: c.campaign.signingPlace, dateText: formatDateId(signedAt, c.tenant.timezone), typedName });
}

/** The signed-in employee's id; throws unless the actor may sign and is an employee. */
function ownEmployeeId(ctx: RequestContext): string {
  requireScope(ctx.actor, 'pledge.sign');
  if (!ctx.actor.employeeId) throw new AppError('NOT_AN_EMPLOYEE');
  return ctx.actor.employeeId;
}

/**
 * The signing read (`findSigningStateBySession`): the session and everything signing needs, one
 * statement. Undefined when no session cookie was sent or it names no live session; the route hands
 * it to `adoptSession` before anything else.
 */
export type SigningRead = NonNullable<Awaited<ReturnType<typeof findSigningStateBySession>>>;
export async function readSigningState(deps: AppDeps, tokenHash: string | null, campaignId: string): Promise<SigningRead | undefined> {
  return tokenHash ? findSigningStateBySession(deps.db, tokenHash, new Date(), campaignId) : undefined;
}

/** What signing knows after its one read: the employee, the campaign context, their live signature's id, targeting. */
interface SigningState {
  employee: SigningEmployee;
  c: CampaignContext;
  signatureId: string | null;
  isTargeted: boolean;
}

/**
 * Template versions by id, kept per database. The text of a version never changes under its id (an
 * edit always writes a new version: `editTemplate`), so the signing read selects only the current ids
 * and the texts (~2.5 KB) are read from the database once per process instead of once per signature.
 * Only `isCurrent` can change on a stored version; a version reached through the read is current.
 */
const templateVersions = new WeakMap<object, Map<string, TemplateRow>>();
const TEMPLATE_VERSIONS_KEPT = 512;

async function currentTemplates(deps: AppDeps, tenantId: string, ikrarId: string, paktaId: string): Promise<{ ikrar: TemplateRow; pakta: TemplateRow } | null> {
  let kept = templateVersions.get(deps.db);
  if (!kept) templateVersions.set(deps.db, (kept = new Map()));
  const key = (id: string) => `${tenantId}:${id}`;
  const missing = [ikrarId, paktaId].filter((id) => !kept.has(key(id)));
  if (missing.length) {
    if (kept.size + missing.length > TEMPLATE_VERSIONS_KEPT) kept.clear();
    for (const row of await findTemplates(deps.db, tenantId, missing)) kept.set(key(row.id), row);
  }
  const ikrar = kept.get(key(ikrarId));
  const pakta = kept.get(key(paktaId));
  return ikrar && pakta ? { ikrar: { ...ikrar, isCurrent: true }, pakta: { ...pakta, isCurrent: true } } : null;
}

/** The read turned into the signing state, for the context `adoptSession` made of the same read. */
async function signingStateOf(deps: AppDeps, ctx: RequestContext, read: SigningRead, campaignId: string): Promise<SigningState> {
  const employeeId = ownEmployeeId(ctx);
  const { employee, unitName } = read;
  if (!employee?.isActive || employee.id !== employeeId || unitName === null) throw new AppError('NOT_AN_EMPLOYEE');
  if (!read.campaign || !read.tenant || !read.ikrarId || !read.paktaId || read.eventName === null) throw notFound({ campaignId });
  const templates = await currentTemplates(deps, ctx.tenantId, read.ikrarId, read.paktaId);
  if (!templates) throw notFound({ campaignId });
  return {
    employee: { ...employee, unitName },
    c: { campaign: read.campaign, tenant: read.tenant, ...templates, text: { instansi: read.tenant.name, pemilihan: read.eventName } },
    signatureId: read.signatureId,
    isTargeted: read.isTargeted,
  };
}

/** The employee's live signature (the read holds only its id: most signers have none yet). */
async function liveSignatureOf(deps: AppDeps, ctx: RequestContext, state: SigningState): Promise<SignatureRow | null> {
  return state.signatureId ? ((await findSignatureOf(deps.db, ctx.tenantId, state.c.campaign.id, state.employee.id)) ?? null) : null;
}

/** What the employee reads before signing, with their own signature if they already signed. */
export async function getSigningView(deps: AppDeps, ctx: RequestContext, read: SigningRead, campaignId: string) {
  const state = await signingStateOf(deps, ctx, read, campaignId);
  const { employee, c, isTargeted } = state;
  if (c.campaign.status === 'draft' || !isTargeted) throw new AppError('NOT_TARGETED');
  const filled = (t: TemplateRow) => ({ ...t, body: fillTemplate(t.body, c.text) });
  return { c, ikrar: filled(c.ikrar), pakta: filled(c.pakta), identity: identityOf(employee), undertakings: undertakingsOf(fillTemplate(c.pakta.body, c.text)), signature: await liveSignatureOf(deps, ctx, state) };
}

/** Signs the current ikrar + pakta for the signed-in employee. Returns the signature and whether it was new. */
export interface SignResult {
  signature: SignatureRow;
  created: boolean;
  /** What the response needs, when known without another read (not for a signature of older texts). */
  presentation: { ikrarVersion: number; paktaVersion: number; timezone: string } | null;
}

/** The versions of a signature when they are the campaign's current ones (known from the state). */
function presentationOf(c: CampaignContext, s: SignatureRow): SignResult['presentation'] {
  if (s.ikrarTemplateId !== c.ikrar.id || s.paktaTemplateId !== c.pakta.id) return null;
  return { ikrarVersion: c.ikrar.version, paktaVersion: c.pakta.version, timezone: c.tenant.timezone };
}

/** The rules a new signature must pass, in the order the employee would fix them. */
function assertSignable(state: SigningState, input: z.infer<typeof SignBody>, now: Date): void {
  const { c, employee } = state;
  assertCampaignOpen(c, now);
  if (!state.isTargeted) throw new AppError('NOT_TARGETED');
  if (input.ikrarTemplateId !== c.ikrar.id || input.paktaTemplateId !== c.pakta.id) {
    throw new AppError('STALE_TEMPLATE', { ikrar: { id: c.ikrar.id, version: c.ikrar.version }, pakta: { id: c.pakta.id, version: c.pakta.version } });
  }
  if (input.undertakings.length !== undertakingsOf(c.pakta.body).length) throw new AppError('VALIDATION_FAILED', { undertakings: 'Centang semua pernyataan dalam pakta.' });
  const name = employee.name;
  if (!typedNameMatches(input.typedName, name)) {
    throw new AppError('TYPED_NAME_MISMATCH', { expected: name.split(',')[0] });
  }
}

/** The stored row of a signature this request has just written: the values it wrote, nothing else set yet. */
function newSignatureRow(row: ReturnType<typeof signatureDraft> & { drawnSignature: string | null; serverSignature: string }): SignatureRow {
  return { ...row, paperScanFileId: null, recordedBy: null, pdfFileId: null, pdfSha256: null, revokedAt: null, revokedReason: null };
}

/**
 * Database round trips of a new signature: two (three the first time a process meets a template version). The read (`findSigningStateBySession`: the session,
 * employee, campaign, event, tenant, current texts, existing signature, targeting), then one statement
 * writing the signature and its audit entry together (`insertSignatureOnceAudited`). The signed PDF is
 * not queued here: it is rendered on first download or by the PDF sweep (`pledges.jobs.ts`), so a
 * signing surge writes nothing else.
 */
export async function signPledge(deps: AppDeps, ctx: RequestContext, read: SigningRead, campaignId: string, input: z.infer<typeof SignBody>): Promise<SignResult> {
  const state = await signingStateOf(deps, ctx, read, campaignId);
  const { c, employee } = state;
  const existing = await liveSignatureOf(deps, ctx, state);
  if (existing) return { signature: existing, created: false, presentation: presentationOf(c, existing) }; // signing twice is idempotent
  const now = new Date();
  assertSignable(state, input, now);
  const draft = {
    ...signatureDraft(c, ctx.tenantId, employee, { method: 'online', typedName: input.typedName, textDate: now, paperSignedOn: null, keyId: deps.signingKey.keyId }),
    signedAt: now,
    drawnSignature: input.drawnSignature ?? null,
  };
  const audit = auditRowOf(ctx, { action: 'pledge.sign', entityType: 'pledge_signature', entityId: draft.id, after: { campaignId, employeeId: employee.id, textSha256: draft.textSha256, ikrarVersion: c.ikrar.version, paktaVersion: c.pakta.version } });
  const row = { ...draft, serverSignature: deps.signingKey.sign(signedPayload(draft)) };
  // False when a concurrent request of the same employee won (then neither row nor audit entry is written).
  if (!(await insertSignatureOnceAudited(deps.db, row, audit))) {
    const winner = (await findSignatureOf(deps.db, ctx.tenantId, campaignId, employee.id))!;
    return { signature: winner, created: false, presentation: presentationOf(c, winner) };
  }
  const signature = newSignatureRow(row);
  return { signature, created: true, presentation: presentationOf(c, signature) };
}
