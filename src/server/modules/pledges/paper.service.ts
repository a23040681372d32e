/** Paper signatures recorded by a unit admin for employees without a device, and revocation. */
import { rm } from 'node:fs/promises';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { writeStoredFile } from '../../lib/file-store.js';
import { requireScope } from '../../lib/policy.js';
import { checkUpload } from '../../lib/uploads.js';
import { recordAudit } from '../audit/audit.service.js';
import { findEmployeeById, findEmployeeUnitPath } from '../employees/employees.repository.js';
import { findCampaign, findSignature, findSignatureOf, insertSignatureOnce, insertStoredFile, isEmployeeTargeted, searchSignatures, updateSignatureRow, type SignatureRow } from './pledges.repository.js';
import { loadCampaignContext, signatureDraft, signedPayload } from './signing.service.js';

const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const SCAN_MAX_BYTES = 10 * 1024 * 1024;

/** Records a signed paper form (scan required), clearly marked as paper, who recorded it and when. */
export async function recordPaperSignature(
  deps: AppDeps,
  ctx: RequestContext,
  campaignId: string,
  input: { employeeId: string; signedOn: string; scan: Buffer; fileName: string },
): Promise<SignatureRow> {
  const scope = requireScope(ctx.actor, 'pledge.record_paper');
  const employee = await findEmployeeById(deps.db, ctx.tenantId, input.employeeId);
  if (!employee?.isActive) throw new AppError('VALIDATION_FAILED', { employeeId: 'Pegawai tidak ditemukan atau tidak aktif.' });
  if (scope === 'subtree' && !(await findEmployeeUnitPath(deps.db, ctx.tenantId, employee.id))?.startsWith(ctx.actor.scopeUnitPath!)) throw new AppError('FORBIDDEN');
  const c = await loadCampaignContext(deps, ctx.tenantId, campaignId);
  if (c.campaign.status === 'draft') throw new AppError('CAMPAIGN_CLOSED', { status: 'draft' });
  if (input.signedOn > c.campaign.signDeadline) throw new AppError('VALIDATION_FAILED', { signedOn: 'Tanggal tanda tangan melewati batas waktu kampanye.' });
  if (!(await isEmployeeTargeted(deps.db, ctx.tenantId, c.campaign, employee.id))) throw new AppError('NOT_TARGETED');
  const existing = await findSignatureOf(deps.db, ctx.tenantId, campaignId, employee.id);
  if (existing) throw new AppError('CONFLICT', { signatureId: existing.id, method: existing.method }, 'Pegawai ini sudah menandatangani kampanye ini.');
  const type = await checkUpload(input.scan, SCAN_TYPES, SCAN_MAX_BYTES, 'Pindaian');
  const written = await writeStoredFile(deps.config.DATA_DIR, ctx.tenantId, 'paper_scan', input.scan);
  const draft = signatureDraft(c, ctx.tenantId, employee, {
    method: 'paper',
    typedName: employee.name,
    textDate: new Date(`${input.signedOn}T12:00:00Z`),
    paperSignedOn: input.signedOn,
    keyId: deps.signingKey.keyId,
  });
  // A refused or failed transaction (e.g. a NUL byte in the file name) must not leave the scan on disk
  // without its row (found by the hostile-upload test).
  const created = await deps.db.transaction(async (tx) => {
    await insertStoredFile(tx, { tenantId: ctx.tenantId, id: written.id, purpose: 'paper_scan', fileName: input.fileName.slice(0, 200), mimeType: type.mime, size: written.size, sha256: written.sha256, storagePath: written.storagePath, createdBy: ctx.actor.userId });
    const inserted = await insertSignatureOnce(tx, { ...draft, serverSignature: deps.signingKey.sign(signedPayload(draft)), paperScanFileId: written.id, recordedBy: ctx.actor.userId });
    if (!inserted) throw new AppError('CONFLICT', null, 'Pegawai ini sudah menandatangani kampanye ini.');
    await recordAudit(tx, ctx, { action: 'pledge.record_paper', entityType: 'pledge_signature', entityId: inserted.id, after: { campaignId, employeeId: employee.id, signedOn: input.signedOn, scanSha256: written.sha256 } });
    return inserted;
  }).catch(async (error: unknown) => {
    await rm(written.storagePath, { force: true });
    throw error;
  });
  return created; // its signed PDF comes on first download or from the PDF sweep, like an online one
}

/** Revokes a signature (e.g. recorded for the wrong person); verification then says "dicabut". */
export async function revokeSignature(deps: AppDeps, ctx: RequestContext, signatureId: string, reason: string): Promise<SignatureRow> {
  requireScope(ctx.actor, 'pledge.revoke');
  const before = await findSignature(deps.db, ctx.tenantId, signatureId);
  if (!before) throw notFound({ signatureId });
  if (before.revokedAt) return before;
  await deps.db.transaction(async (tx) => {
    await updateSignatureRow(tx, ctx.tenantId, signatureId, { revokedAt: new Date(), revokedReason: reason });
    await recordAudit(tx, ctx, { action: 'pledge.revoke', entityType: 'pledge_signature', entityId: signatureId, after: { reason } });
  });
  return (await findSignature(deps.db, ctx.tenantId, signatureId))!;
}

/** Signatures of a campaign for staff (pimpinan_unit: their subtree), newest first, searchable. */
export async function listCampaignSignatures(deps: AppDeps, ctx: RequestContext, campaignId: string, query: { q?: string; method?: 'online' | 'paper'; page: number; pageSize: number }) {
  const scope = requireScope(ctx.actor, 'pledge.read');
  // Another tenant's (or no) campaign is 404 like every campaign route, not an empty list (access matrix, #8).
  if (!(await findCampaign(deps.db, ctx.tenantId, campaignId))) throw notFound({ campaignId });
  const { rows, total } = await searchSignatures(deps.db, ctx.tenantId, campaignId, {
    q: query.q,
    method: query.method,
    unitPath: scope === 'subtree' ? ctx.actor.scopeUnitPath! : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({ id: r.id, employeeId: r.employeeId, name: r.name, idNumber: r.idNumber, unitName: r.unitName, method: r.method as 'online' | 'paper', signedAt: r.signedAt.toISOString(), revoked: r.revokedAt !== null })),
  };
}
