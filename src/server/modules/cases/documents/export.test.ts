import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CaseExportRow } from './case-document.types.js';
import { CASE_EXPORT_HEADERS, csvField, renderCasesCsv, renderCasesXlsx } from './export.js';

const row: CaseExportRow = {
  caseNumber: 'KS-2026-0042',
  registeredOn: '2026-10-05',
  origin: 'temuan_medsos',
  channelRef: null,
  electionName: 'Pemilihan Bupati dan Wakil Bupati Contoh Tahun 2026',
  contestName: 'Pemilihan Bupati dan Wakil Bupati Contoh',
  actDate: '2026-10-05',
  discoveredOn: '2026-10-05',
  place: 'Akun Facebook "Budi Santoso", Kec. Contoh',
  actKind: 'Unggahan di media sosial',
  summary: 'Foto bersama paslon nomor urut 2,\ndengan gestur dua jari.',
  subjectName: 'Budi Santoso, S.Pd.',
  subjectIdNumber: '198503152010011003',
  subjectCategory: 'PNS',
  subjectPosition: 'Guru Ahli Muda',
  subjectUnit: 'SMP Negeri 3 Contoh',
  itemCode: 'D-7',
  itemAct: '=HYPERLINK("http://evil.example","klik")',
  list: 'disiplin',
  tier: 'berat',
  finding: 'proven',
  recommendedTier: 'berat',
  recommendedOn: '2026-11-20',
  sanction: 'jabatan_pelaksana_12_bulan',
  skNumber: '800.1.6.4/0021/SK-HD/2026',
  skDate: '2026-11-27',
  executedOn: null,
  idisRecordedOn: null,
  state: 'follow_up',
  closeReason: null,
  forwardedTo: 'bawaslu,bkn',
};

describe('case export', () => {
  it('XLSX: Indonesian headers in the BKN/Bawaslu order, bold frozen header, real dates, NIP as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderCasesXlsx([row])) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(CASE_EXPORT_HEADERS);
    expect(header.slice(0, 3)).toEqual(['Nomor Kasus', 'Tanggal Registrasi', 'Sumber']);
    expect(header.at(-1)).toBe('Diteruskan Ke');
    expect(header).toHaveLength(31);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(8);

    const cell = (name: string) => sheet.getRow(2).getCell(CASE_EXPORT_HEADERS.indexOf(name) + 1);
    expect(cell('Nomor Kasus').value).toBe('KS-2026-0042');
    expect(cell('Tanggal Registrasi').value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(cell('Tanggal Registrasi').numFmt).toBe('dd/mm/yyyy');
    expect(cell('NIP/NIK').value).toBe('198503152010011003');
    expect(cell('Sumber').value).toBe('Temuan pengawasan media sosial');
    expect(cell('Jenis (Kode Etik/Disiplin)').value).toBe('Disiplin');
    expect(cell('Tingkat Sanksi').value).toBe('Hukuman disiplin berat');
    expect(cell('Hasil').value).toBe('Terbukti');
    expect(cell('Jenis Sanksi').value).toBe('Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan');
    expect(cell('Status').value).toBe('Tindak lanjut sanksi');
    expect(cell('Diteruskan Ke').value).toBe('Bawaslu Kabupaten/Kota, Badan Kepegawaian Negara (BKN)');
    // A string cell in XLSX is never a formula, whatever it starts with.
    expect(cell('Uraian Pelanggaran').value).toBe(row.itemAct);
    expect(cell('Tanggal Pelaksanaan').value).toBeNull();
  });

  it('CSV: BOM, header, CRLF rows, RFC 4180 quoting', () => {
    const csv = renderCasesCsv([row]);
    expect(csv.startsWith('\uFEFFNomor Kasus,Tanggal Registrasi,Sumber,Nomor Surat Asal,')).toBe(true);
    const [header, ...rest] = csv.slice(1).split('\r\n');
    expect(header!.split(',')).toHaveLength(31);
    const body = rest.join('\r\n');
    expect(body).toContain('KS-2026-0042,2026-10-05,Temuan pengawasan media sosial,,');
    expect(body).toContain('"Akun Facebook ""Budi Santoso"", Kec. Contoh"');
    expect(body).toContain('"Foto bersama paslon nomor urut 2,\ndengan gestur dua jari."');
    expect(body).toContain(',198503152010011003,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('CSV: cells that Excel would run as a formula get a leading apostrophe', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+62 812')).toBe("'+62 812");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvField('D-7')).toBe('D-7');
    expect(csvField(null)).toBe('');
    expect(renderCasesCsv([row])).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
  });
});
