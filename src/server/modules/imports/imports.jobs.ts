/**
 * The two import jobs. Both are idempotent: validation clears what an interrupted run staged, and
 * commit does nothing unless the import is still `committing` (a retried job after a crash is safe).
 */
import { randomUUID } from 'node:crypto';
import type { ImportField } from '../../../shared/contracts/imports.contract.js';
import type { EmployeeCategory } from '../../../shared/enums.js';
import { copyRows } from '../../db/copy.js';
import type { AppDeps } from '../../deps.js';
import { systemContext, type RequestContext } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findRootUnit, insertUnit, unitNameKey } from '../units/units.repository.js';
import { validateRow, type Cell, type RowIssue, type StagedEmployee } from './import-normalize.js';
import { readRows, type FileFormat } from './import-reader.js';
import { guessUnitType, UnitMatcher, unitKeyOf } from './import-units.js';
import {
  analyzeStaging,
  attachStagedUnit,
  clearStaging,
  deactivateMissing,
  deleteStagedRows,
  findImport,
  findImportsWithoutJob,
  linkSupervisors,
  listUnitsForMatching,
  updateImport,
  upsertEmployeesFromStaging,
  type UpsertColumn,
} from './imports.repository.js';
import { IMPORT_COMMIT_JOB, IMPORT_VALIDATE_JOB, type ImportJobPayload } from './imports.service.js';
import { enqueueNationalRefresh } from '../insights/national.jobs.js';

const BATCH = 5000;
const STAGE_COLUMNS = [
  'tenant_id', 'import_id', 'row_number', 'id_type', 'id_number', 'name', 'sex', 'birth_date', 'category', 'golongan_scheme', 'golongan',
  'jabatan_name', 'jabatan_class', 'unit_name', 'unit_key', 'unit_id', 'parent_unit_name', 'supervisor_id_number', 'email', 'phone', 'warnings',
];
const ISSUE_COLUMNS = ['tenant_id', 'import_id', 'seq', 'row_number', 'severity', 'column', 'value', 'reason'];

function contextOfJob(p: ImportJobPayload): RequestContext {
  return { tenantId: p.tenantId, requestId: p.requestId, actor: p.actor };
}

/** Streams the file, validates every row, stages valid rows and issues by COPY, reports progress. */
export async function runImportValidation(deps: AppDeps, payload: ImportJobPayload): Promise<void> {
  const { tenantId, importId } = payload;
  const batch = await findImport(deps.db, tenantId, importId);
  if (!batch || batch.status !== 'validating') return;
  try {
    await clearStaging(deps.db, tenantId, importId);
    const matcher = new UnitMatcher(await listUnitsForMatching(deps.db, tenantId));
    const mapping = batch.mapping ?? {};
    const defaultCategory = (batch.options?.defaultCategory as EmployeeCategory | null) ?? null;
    const fieldAt = batch.headers.map((h) => (mapping[h] as ImportField | undefined) ?? null);
    const headerOf = (field: ImportField | null) => (field ? batch.headers[fieldAt.indexOf(field)] ?? null : null);

    const seen = new Map<string, number>();
    const unknownUnits = new Map<string, string>();
    let staged: unknown[][] = [];
    let issues: unknown[][] = [];
    let issueSeq = 0;
    let total = 0, valid = 0, errorRows = 0, warningRows = 0, bytes = 0, lastReport = Date.now();
    const flush = async () => {
      await copyRows(deps.database, 'import_row', STAGE_COLUMNS, staged);
      await copyRows(deps.database, 'import_issue', ISSUE_COLUMNS, issues);
      staged = [];
      issues = [];
    };
    const addIssue = (rowNumber: number, issue: RowIssue) =>
      issues.push([tenantId, importId, ++issueSeq, rowNumber, issue.severity, headerOf(issue.field), issue.value?.slice(0, 200) ?? null, issue.reason]);

    let isHeader = true;
    for await (const { rowNumber, cells } of readRows(batch.storagePath, batch.format as FileFormat, (n) => (bytes = n))) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      total++;
      const byField: Partial<Record<ImportField, Cell>> = {};
      fieldAt.forEach((field, i) => {
        if (field && cells[i]) byField[field] = cells[i];
      });
      const result = validateRow(byField, defaultCategory);
      const rowIssues = [...result.issues];
      let employee: StagedEmployee | null = result.employee;
      let unitId: string | null = null;
      if (employee) {
        const first = seen.get(employee.idNumber);
        if (first !== undefined) {
          rowIssues.push({ severity: 'error', field: 'idNumber', value: employee.idNumber, reason: `Nomor identitas ganda: sudah ada di baris ${first}.` });
          employee = null;
        } else {
          seen.set(employee.idNumber, rowNumber);
          const match = matcher.match(employee.unitName, employee.parentUnitName);
          if (match.kind === 'ambiguous') {
            rowIssues.push({ severity: 'error', field: 'unit', value: employee.unitName, reason: `Nama unit "${employee.unitName}" ada di beberapa tempat; isi kolom unit induk (OPD) agar jelas.` });
            employee = null;
          } else if (match.kind === 'found') unitId = match.unitId;
          else unknownUnits.set(match.key, employee.parentUnitName ? `${employee.parentUnitName} › ${employee.unitName}` : employee.unitName);
        }
      }
      for (const issue of rowIssues) addIssue(rowNumber, issue);
      if (employee) {
        valid++;
        if (rowIssues.length) warningRows++;
        const e = employee;
        staged.push([
          tenantId, importId, rowNumber, e.idType, e.idNumber, e.name, e.sex, e.birthDate, e.category, e.golonganScheme, e.golongan,
          e.jabatanName, e.jabatanClass, e.unitName, unitKeyOf(e.unitName, e.parentUnitName), unitId, e.parentUnitName, e.supervisorIdNumber, e.email, e.phone, e.warnings,
        ]);
      } else errorRows++;
      if (staged.length >= BATCH || issues.length >= BATCH) await flush();
      if (Date.now() - lastReport > 500) {
        lastReport = Date.now();
        await updateImport(deps.db, tenantId, importId, { processedRows: total, progress: Math.min(99, Math.floor((bytes / batch.fileSize) * 100)) });
      }
    }
    await flush();
    // The planner otherwise assumes the freshly COPYed staging table is empty when committing.
    await analyzeStaging(deps.db);
    await updateImport(deps.db, tenantId, importId, {
      status: 'validated',
      totalRows: total,
      processedRows: total,
      validRows: valid,
      errorRows,
      warningRows,
      progress: 100,
      summary: { unknownUnits: [...unknownUnits.values()].sort() },
    });
  } catch (error) {
    deps.log.error({ err: error, importId }, 'import validation failed');
    await clearStaging(deps.db, tenantId, importId);
    await updateImport(deps.db, tenantId, importId, { status: 'failed', failureMessage: 'Berkas tidak dapat dibaca sampai selesai. Periksa format berkas lalu unggah ulang.' });
  }
}

/** Commits a validated import in one transaction: units, upsert, supervisors, deactivation, audit. */
export async function runImportCommit(deps: AppDeps, payload: ImportJobPayload): Promise<void> {
  const { tenantId, importId } = payload;
  const ctx = contextOfJob(payload);
  try {
    await deps.db.transaction(async (tx) => {
      const batch = await findImport(tx, tenantId, importId);
      if (!batch || batch.status !== 'committing') return;
      const options = (batch.options ?? {}) as { createMissingUnits?: boolean; deactivateMissing?: boolean };
      const mappedFields = new Set(Object.values(batch.mapping ?? {}));

      let unitsCreated = 0;
      const unknown = (batch.summary?.unknownUnits as string[] | undefined) ?? [];
      if (unknown.length > 0 && options.createMissingUnits) {
        const root = (await findRootUnit(tx, tenantId))!;
        const matcher = new UnitMatcher(await listUnitsForMatching(tx, tenantId));
        const createdAtTop = new Map<string, { id: string; path: string }>();
        const create = async (name: string, parent: { id: string; path: string }) => {
          const id = randomUUID();
          const row = await insertUnit(tx, { tenantId, id, parentId: parent.id, name, nameKey: unitNameKey(name), unitType: guessUnitType(name), path: `${parent.path}${id}/` });
          await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, after: row });
          unitsCreated++;
          return { id, path: row.path };
        };
        // Sorted labels put "Dinas X" before "Dinas X › Bidang Y", so parents exist before children.
        for (const label of unknown) {
          const [parentName, unitName] = label.includes(' › ') ? (label.split(' › ') as [string, string]) : [null, label];
          const isTopLevel = !parentName || unitNameKey(parentName) === unitNameKey(unitName);
          let created: { id: string; path: string };
          if (isTopLevel) {
            created = createdAtTop.get(unitNameKey(unitName)) ?? (await create(unitName, root));
            createdAtTop.set(unitNameKey(unitName), created);
          } else {
            const parentKey = unitNameKey(parentName);
            const parent = matcher.findUnique(parentName) ?? createdAtTop.get(parentKey) ?? (await create(parentName, root));
            createdAtTop.set(parentKey, parent);
            created = await create(unitName, parent);
          }
          await attachStagedUnit(tx, tenantId, importId, unitKeyOf(unitName, parentName), created.id);
        }
      }

      const updatable: UpsertColumn[] = ['name', 'category', 'idType', 'unitId', 'dataWarnings'];
      // Golongan and jabatan class also depend on the category: without their columns they follow it
      // only when it moves to another golongan scheme or between ASN and non-ASN (followCategory).
      if (mappedFields.has('golongan')) updatable.push('golonganScheme', 'golongan');
      if (mappedFields.has('jabatanName') || mappedFields.has('jabatanClass')) updatable.push('jabatanClass');
      if (mappedFields.has('jabatanName')) updatable.push('jabatanName');
      if (mappedFields.has('sex')) updatable.push('sex');
      if (mappedFields.has('birthDate')) updatable.push('birthDate');
      if (mappedFields.has('email')) updatable.push('email');
      if (mappedFields.has('phone')) updatable.push('phone');
      const { inserted, updated } = await upsertEmployeesFromStaging(tx, tenantId, importId, updatable, { followCategory: true });
      if (mappedFields.has('supervisorIdNumber')) await linkSupervisors(tx, tenantId, importId);
      const deactivated = options.deactivateMissing ? await deactivateMissing(tx, tenantId, importId) : 0;
      const summary = { inserted, updated, unchanged: batch.validRows - inserted - updated, deactivated, unitsCreated, unknownUnits: unknown };
      await deleteStagedRows(tx, tenantId, importId);
      await updateImport(tx, tenantId, importId, { status: 'committed', progress: 100, summary });
      await recordAudit(tx, ctx, {
        action: 'employee.import.commit',
        entityType: 'import',
        entityId: importId,
        after: { fileName: batch.fileName, sha256: batch.fileSha256, ...summary, options },
      });
    });
    // A bulk change: the tenant's figures in the national roll-up are refreshed now, not at the next hour.
    await enqueueNationalRefresh(deps, tenantId).catch((error: unknown) => deps.log.error({ err: error, importId }, 'national refresh not queued'));
  } catch (error) {
    deps.log.error({ err: error, importId }, 'import commit failed');
    await updateImport(deps.db, tenantId, importId, { status: 'failed', failureMessage: 'Penyimpanan gagal; tidak ada data yang berubah. Coba unggah ulang berkas.' });
  }
}

/**
 * At start-up, after the queue started: enqueues the job again for every import left waiting for a
 * job that does not exist (a crash between the status change and the enqueue; see
 * findImportsWithoutJob). Safe because both jobs are idempotent. The resumed job acts as the system.
 */
export async function resumeInterruptedImports(deps: AppDeps): Promise<number> {
  const stalled = await findImportsWithoutJob(deps.db);
  for (const i of stalled) {
    const ctx = systemContext(i.tenantId, 'sistem (impor dilanjutkan setelah restart)');
    const payload: ImportJobPayload = { tenantId: i.tenantId, importId: i.id, requestId: ctx.requestId, actor: ctx.actor };
    await deps.jobs.enqueue(i.status === 'validating' ? IMPORT_VALIDATE_JOB : IMPORT_COMMIT_JOB, payload);
  }
  return stalled.length;
}

export function registerImportJobs(deps: AppDeps): void {
  deps.jobs.register(IMPORT_VALIDATE_JOB, (p) => runImportValidation(deps, p as ImportJobPayload));
  deps.jobs.register(IMPORT_COMMIT_JOB, (p) => runImportCommit(deps, p as ImportJobPayload));
}
