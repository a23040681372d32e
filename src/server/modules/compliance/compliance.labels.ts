/** Words for compliance states, shared by the XLSX export and the recap PDF (which renders on a worker thread, so this module imports nothing heavy). */
import type { ApelStatus, ComplianceUnitView } from '../../../shared/contracts/compliance.contract.js';

export const APEL_STATUS_LABEL: Record<ApelStatus, string> = {
  belum: 'Belum lapor',
  draft: 'Draf',
  submitted: 'Diajukan',
  accepted: 'Diterima',
  returned: 'Dikembalikan',
};

/** Why a unit is late, in words, or "" when it is not. */
export function overdueReason(u: Pick<ComplianceUnitView, 'apelOverdue' | 'signingOverdue'>): string {
  return [u.apelOverdue ? 'laporan apel' : '', u.signingOverdue ? 'penandatanganan' : ''].filter(Boolean).join(', ');
}
