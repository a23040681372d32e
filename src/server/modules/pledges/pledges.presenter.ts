import type { z } from 'zod';
import type { SignatureView } from '../../../shared/contracts/pledges.contract.js';
import { formatDateTimeId } from '../../lib/dates.js';
import { verifyUrlOf } from './documents.service.js';
import type { SignatureRow } from './pledges.repository.js';

export function presentSignature(s: SignatureRow, versions: { ikrar: number; pakta: number }, timezone: string, publicUrl: string): z.infer<typeof SignatureView> {
  return {
    id: s.id,
    campaignId: s.campaignId,
    employeeId: s.employeeId,
    method: s.method as 'online' | 'paper',
    identity: s.identity,
    typedName: s.typedName,
    ikrarVersion: versions.ikrar,
    paktaVersion: versions.pakta,
    textSha256: s.textSha256,
    signedAt: s.signedAt.toISOString(),
    signedAtLocal: formatDateTimeId(s.signedAt, timezone),
    keyId: s.keyId,
    pdfSha256: s.pdfSha256,
    verifyUrl: verifyUrlOf(publicUrl, s.id),
    pdfUrl: `/api/pledges/signatures/${s.id}/pdf`,
    revoked: s.revokedAt !== null,
  };
}
