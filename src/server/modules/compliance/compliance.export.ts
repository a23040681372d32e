/** XLSX exports of a campaign: compliance per unit, and the signatures themselves (streamed). */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ComplianceUnitView } from '../../../shared/contracts/compliance.contract.js';
import { APEL_STATUS_LABEL, overdueReason } from './compliance.labels.js';
import { TIMEZONE_LABEL, type TenantTimezone } from '../../../shared/enums.js';
import type { Db } from '../../db/client.js';
import { iterateSignatures, templateVersions } from './compliance.repository.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams rows through exceljs's streaming writer (constant memory) and surfaces failures on the stream. */
function streamWorkbook(sheetName: string, columns: Partial<ExcelJS.Column>[], fill: (add: (row: Record<string, unknown>) => void) => Promise<void>): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns;
  (async () => {
    await fill((row) => sheet.addRow(row).commit());
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * One row per unit in tree order. "Induk" is the chain of parent names inside the exported subtree,
 * so a filtered sheet still reads without the tree beside it.
 */
export function exportComplianceXlsx(units: ComplianceUnitView[]): PassThrough {
  const columns = [
    { header: 'Unit', key: 'name', width: 40 },
    { header: 'Jenis Unit', key: 'unitType', width: 16 },
    { header: 'Induk', key: 'parentPath', width: 60 },
    { header: 'Sasaran', key: 'targetSubtree', width: 10 },
    { header: 'Sudah Tanda Tangan', key: 'signedSubtree', width: 12 },
    { header: '% Tanda Tangan', key: 'signedPct', width: 10 },
    { header: 'Sasaran Langsung', key: 'targetDirect', width: 10 },
    { header: 'TTD Langsung', key: 'signedDirect', width: 10 },
    { header: 'Wajib Apel', key: 'apelRequired', width: 8 },
    { header: 'Status Apel', key: 'apelStatus', width: 18 },
    { header: 'Nomor Berita Acara', key: 'reportNumber', width: 24 },
    { header: 'Terlambat', key: 'overdue', width: 24 },
  ];
  return streamWorkbook('Kepatuhan per Unit', columns, async (add) => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    const parents = new Map(units.map((u) => [u.id, u.parentId]));
    for (const u of units) {
      const chain: string[] = [];
      for (let p = u.parentId; p && names.has(p); p = parents.get(p) ?? null) chain.unshift(names.get(p)!);
      add({
        ...u,
        parentPath: chain.join(' / '),
        signedPct: u.signedPct,
        apelRequired: u.apelRequired ? 'Ya' : 'Tidak',
        apelStatus: u.apelRequired || u.apelStatus !== 'belum' ? APEL_STATUS_LABEL[u.apelStatus] : '-',
        overdue: u.overdue ? `Ya (${overdueReason(u)})` : 'Tidak',
      });
    }
  });
}

/** "2026-11-24 09:15:03 WIB": sortable, in the tenant's zone, unambiguous when printed. */
export function localDateTime(date: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(date)} ${TIMEZONE_LABEL[timeZone as TenantTimezone] ?? timeZone}`;
}

/** Every signature under the path prefix in NIP order; NIP is written as text so Excel keeps all 18 digits. */
export function exportSignaturesXlsx(db: Db, tenantId: string, campaignId: string, pathPrefix: string, timeZone: string): PassThrough {
  const columns = [
    { header: 'NIP/NI PPPK/NIK', key: 'idNumber', width: 22, style: { numFmt: '@' } },
    { header: 'Nama', key: 'name', width: 36 },
    { header: 'Unit Kerja', key: 'unitName', width: 36 },
    { header: 'Cara', key: 'method', width: 10 },
    { header: 'Waktu Tanda Tangan', key: 'signedAt', width: 24 },
    { header: 'Versi Ikrar', key: 'ikrarVersion', width: 8 },
    { header: 'Versi Pakta', key: 'paktaVersion', width: 8 },
    { header: 'Dicabut', key: 'revoked', width: 24 },
  ];
  return streamWorkbook('Tanda Tangan', columns, async (add) => {
    const versions = await templateVersions(db, tenantId, campaignId);
    for await (const page of iterateSignatures(db, tenantId, campaignId, pathPrefix)) {
      for (const s of page) {
        add({
          idNumber: s.idNumber,
          name: s.name,
          unitName: s.unitName,
          method: s.method === 'paper' ? 'kertas' : 'online',
          signedAt: localDateTime(s.signedAt, timeZone),
          ikrarVersion: versions.get(s.ikrarTemplateId) ?? null,
          paktaVersion: versions.get(s.paktaTemplateId) ?? null,
          revoked: s.revokedAt ? `Ya, ${localDateTime(s.revokedAt, timeZone)}` : 'Tidak',
        });
      }
    }
  });
}
