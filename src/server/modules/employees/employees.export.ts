import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Db } from '../../db/client.js';
import { pangkatOf } from './employees.presenter.js';
import { iterateEmployees, type EmployeeFilter } from './employees.repository.js';

const COLUMNS = [
  { header: 'NIP/NI PPPK/NIK', key: 'idNumber', width: 22 },
  { header: 'Nama', key: 'name', width: 36 },
  { header: 'Jenis Pegawai', key: 'category', width: 16 },
  { header: 'Gol/Ruang', key: 'golongan', width: 10 },
  { header: 'Pangkat', key: 'pangkat', width: 22 },
  { header: 'Jabatan', key: 'jabatanName', width: 36 },
  { header: 'Jenis Jabatan', key: 'jabatanClass', width: 16 },
  { header: 'Unit Kerja', key: 'unitName', width: 36 },
  { header: 'Jenis Kelamin', key: 'sex', width: 8 },
  { header: 'Tanggal Lahir', key: 'birthDate', width: 14 },
  { header: 'Email', key: 'email', width: 28 },
  { header: 'No HP', key: 'phone', width: 16 },
  { header: 'Status', key: 'status', width: 10 },
];

/**
 * Streams the employee master as XLSX (exceljs streaming writer: constant memory at 100k rows).
 * Identity numbers are written as text so Excel never turns them into 1.98E+17.
 */
export function exportEmployeesXlsx(db: Db, tenantId: string, filter: EmployeeFilter): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('Pegawai');
  sheet.columns = COLUMNS.map((c) => ({ ...c, style: c.key === 'idNumber' ? { numFmt: '@' } : {} }));
  (async () => {
    for await (const page of iterateEmployees(db, tenantId, filter)) {
      for (const e of page) {
        sheet
          .addRow({
            ...e,
            pangkat: pangkatOf(e.golonganScheme, e.golongan),
            status: e.isActive ? 'Aktif' : 'Nonaktif',
          })
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
