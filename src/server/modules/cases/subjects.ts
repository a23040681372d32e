/** Turning "who is reported" into subject rows: a snapshot of the employee master plus Netra's proposal. */
import { ASN_CATEGORIES, type EmployeeCategory } from '../../../shared/enums.js';
import type { SubjectInput } from '../../../shared/contracts/cases.contract.js';
import type { ActKind } from '../../../shared/contracts/reports.contract.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/app-error.js';
import { proposeItem } from '../catalogue/catalogue.service.js';
import { employeeForSubject, type CaseRow, type SubjectRow } from './cases.repository.js';

type NewSubject = Omit<SubjectRow, 'id' | 'addedAt'>;

/** The catalogue item Netra proposes for the case's act (kode etik before penetapan, disiplin after). */
export async function proposalFor(db: DbOrTx, tenantId: string, c: Pick<CaseRow, 'actKind' | 'actDate' | 'electionContestId' | 'catalogueId'>) {
  if (!c.actKind) return null;
  return proposeItem(db, tenantId, { actKind: c.actKind as ActKind, actDate: c.actDate, contestId: c.electionContestId, catalogueId: c.catalogueId ?? undefined });
}

export async function buildSubjectRows(db: DbOrTx, tenantId: string, caseId: string, c: Pick<CaseRow, 'actKind' | 'actDate' | 'electionContestId' | 'catalogueId'>, inputs: SubjectInput[]): Promise<NewSubject[]> {
  const proposal = await proposalFor(db, tenantId, c);
  const rows: NewSubject[] = [];
  for (const input of inputs) {
    const base = { tenantId, caseId, itemCode: null, tier: null, overrideReason: null, finding: null, findingReason: null, recommendedTier: null, sanction: null, skNumber: null, skDate: null, followUp: null };
    if (input.employeeId) {
      const found = await employeeForSubject(db, tenantId, input.employeeId);
      if (!found) throw new AppError('VALIDATION_FAILED', { employeeId: 'Pegawai tidak ditemukan pada data kepegawaian.' });
      const track = ASN_CATEGORIES.includes(found.e.category as EmployeeCategory) ? 'asn' : 'non_asn';
      rows.push({
        ...base,
        employeeId: found.e.id,
        name: found.e.name,
        idNumber: found.e.idNumber,
        position: found.e.jabatanName,
        unitId: found.e.unitId,
        unitName: found.unitName,
        category: found.e.category,
        jabatanClass: found.e.jabatanClass,
        track,
        proposedItemCode: track === 'asn' ? (proposal?.itemCode ?? null) : null,
      });
    } else {
      const track = input.track ?? 'asn';
      rows.push({
        ...base,
        employeeId: null,
        name: input.name!,
        idNumber: input.idNumber ?? null,
        position: input.position ?? null,
        unitId: null,
        unitName: input.unitName ?? null,
        category: null,
        jabatanClass: null,
        track,
        proposedItemCode: track === 'asn' ? (proposal?.itemCode ?? null) : null,
      });
    }
  }
  const ids = rows.map((r) => r.employeeId).filter(Boolean);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', { subjects: 'Pegawai yang sama disebut lebih dari sekali.' });
  return rows;
}
