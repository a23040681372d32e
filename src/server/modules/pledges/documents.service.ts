/** The signed PDF (rendered once, on first download or by the PDF sweep) and public verification of a signature or PDF. */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { z } from 'zod';
import type { PublicVerification } from '../../../shared/contracts/pledges.contract.js';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { formatDateId, formatDateTimeId } from '../../lib/dates.js';
import { readStoredFile, writeStoredFile } from '../../lib/file-store.js';
import { requireScope } from '../../lib/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { systemContext } from '../../lib/context.js';
import { findEmployeeUnitPath } from '../employees/employees.repository.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import { findCampaign, findSignature, findSignatureForVerification, findStoredFile, findTemplates, insertStoredFile, updateSignatureRow, type SignatureRow } from './pledges.repository.js';
import { signedPayload } from './signing.service.js';
import { findEvent } from '../elections/elections.repository.js';

export function verifyUrlOf(publicUrl: string, signatureId: string): string {
  return `${publicUrl}/verifikasi/${signatureId}`;
}

/** Renders and stores the signed PDF once; later calls return the stored bytes (so its hash stays valid). */
export async function ensureSignaturePdf(deps: AppDeps, tenantId: string, signatureId: string): Promise<{ bytes: Buffer; signature: SignatureRow }> {
  const signature = await findSignature(deps.db, tenantId, signatureId);
  if (!signature) throw notFound({ signatureId });
  if (signature.pdfFileId) {
    const file = (await findStoredFile(deps.db, tenantId, signature.pdfFileId))!;
    return { bytes: await readStoredFile(file.storagePath), signature };
  }
  const tenant = (await findTenantById(deps.db, tenantId))!;
  const campaign = (await findCampaign(deps.db, tenantId, signature.campaignId))!.campaign;
  const event = (await findEvent(deps.db, tenantId, campaign.eventId))!;
  const templates = await findTemplates(deps.db, tenantId, [signature.ikrarTemplateId, signature.paktaTemplateId]);
  const ikrar = templates.find((t) => t.id === signature.ikrarTemplateId)!;
  const pakta = templates.find((t) => t.id === signature.paktaTemplateId)!;
  const dateText = signature.paperSignedOn ? formatDateId(new Date(`${signature.paperSignedOn}T12:00:00Z`), 'UTC') : formatDateId(signature.signedAt, tenant.timezone);
  const bytes = await deps.pdf.render('pledge', {
    instansi: tenant.name,
    address: tenant.address,
    context: { instansi: tenant.name, pemilihan: event.name },
    ikrar,
    pakta,
    identity: signature.identity,
    place: campaign.signingPlace,
    dateText,
    signedAtText: formatDateTimeId(signature.signedAt, tenant.timezone),
    typedName: signature.typedName,
    drawnSignature: signature.drawnSignature,
    method: signature.method as 'online' | 'paper',
    textSha256: signature.textSha256,
    signatureId: signature.id,
    keyId: signature.keyId,
    verifyUrl: verifyUrlOf(deps.config.PUBLIC_URL, signature.id),
  });
  const written = await writeStoredFile(deps.config.DATA_DIR, tenantId, 'pledge_pdf', bytes);
  const stored = await deps.db.transaction(async (tx) => {
    const again = await findSignature(tx, tenantId, signatureId);
    if (again?.pdfFileId) return again; // rendered concurrently: keep the first
    await insertStoredFile(tx, { tenantId, id: written.id, purpose: 'pledge_pdf', fileName: `pakta-${signature.id}.pdf`, mimeType: 'application/pdf', size: written.size, sha256: written.sha256, storagePath: written.storagePath });
    await updateSignatureRow(tx, tenantId, signatureId, { pdfFileId: written.id, pdfSha256: written.sha256 });
    await recordAudit(tx, systemContext(tenantId, 'sistem (dokumen)'), { action: 'pledge.pdf.render', entityType: 'pledge_signature', entityId: signatureId, after: { sha256: written.sha256 } });
    return null;
  });
  if (stored) {
    await rm(written.storagePath, { force: true }); // the other render's file is the one referenced
    return ensureSignaturePdf(deps, tenantId, signatureId);
  }
  return { bytes, signature: { ...signature, pdfFileId: written.id, pdfSha256: written.sha256 } };
}

/** The PDF for its signer, or for staff allowed to read pledges (pimpinan_unit within their subtree). */
export async function downloadSignaturePdf(deps: AppDeps, ctx: RequestContext, signatureId: string) {
  const signature = await findSignature(deps.db, ctx.tenantId, signatureId);
  if (!signature) throw notFound({ signatureId });
  if (signature.employeeId !== ctx.actor.employeeId) {
    const scope = requireScope(ctx.actor, 'pledge.read');
    if (scope === 'subtree' && !(await findEmployeeUnitPath(deps.db, ctx.tenantId, signature.employeeId))?.startsWith(ctx.actor.scopeUnitPath!)) throw new AppError('FORBIDDEN');
  }
  return ensureSignaturePdf(deps, ctx.tenantId, signatureId);
}

type Verification = z.infer<typeof PublicVerification>;
const INVALID = (reason: string, pdfSha256: string | null = null): Verification => ({ status: 'invalid', name: null, unit: null, campaign: null, signedAt: null, textSha256: null, pdfSha256, reason });

async function judge(deps: AppDeps, row: NonNullable<Awaited<ReturnType<typeof findSignatureForVerification>>>): Promise<Verification> {
  const s = row.signature;
  // One key per installation for now; a record under an unknown key cannot be vouched for.
  const intact = s.keyId === deps.signingKey.keyId && deps.signingKey.verify(signedPayload(s), s.serverSignature);
  if (!intact) return INVALID('Catatan tanda tangan tidak cocok dengan tanda tangan server (data telah diubah).');
  return {
    status: s.revokedAt ? 'revoked' : 'valid',
    name: s.identity.nama ?? null,
    unit: row.unitName,
    campaign: row.campaignName,
    signedAt: formatDateTimeId(s.signedAt, row.timezone),
    textSha256: s.textSha256,
    pdfSha256: s.pdfSha256,
    reason: s.revokedAt ? s.revokedReason : null,
  };
}

/** Public: what the QR code leads to. Shows only name, unit, campaign, time, hash and status. */
export async function verifyById(deps: AppDeps, signatureId: string): Promise<Verification> {
  const row = await findSignatureForVerification(deps.db, { id: signatureId });
  return row ? judge(deps, row) : INVALID('Tanda tangan tidak ditemukan.');
}

/** Public: an uploaded PDF is authentic only if its bytes are exactly the document Netra issued. */
export async function verifyPdf(deps: AppDeps, bytes: Buffer): Promise<Verification> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const row = await findSignatureForVerification(deps.db, { pdfSha256: hash });
  if (!row) return INVALID('Dokumen ini tidak dikenal atau telah diubah setelah diterbitkan.', hash);
  return judge(deps, row);
}
