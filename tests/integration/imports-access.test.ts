import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, startTestApp, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { buildCsv, employeeCount, findEmployee, ID_HEADERS, importCount, sampleEmployees, toRow, upload, validate } from '../fixtures/employee-csv.js';

// A real PNG header (8-byte signature, IHDR chunk): binary with NUL bytes.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e90000000049454e44ae426082', 'hex');

describe(`employee import: bad files and roles on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let tenantId = '';
  const storedFiles = () => {
    try {
      return readdirSync(join(t.dataDir, 'files', 'imports', tenantId));
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_BYTES: '2048' });
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 30)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
  });
  afterAll(() => t.close());

  describe('bad files', () => {
    const refuse = async (fileName: string, content: Buffer | string, status: number, code: string) => {
      const imports = await importCount(admin);
      const files = storedFiles();
      const res = await admin.upload('/api/imports', fileName, content);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe('string');
      // nothing left behind: no import row, no stored or temporary file
      expect(await importCount(admin)).toBe(imports);
      expect(storedFiles()).toEqual(files);
      return res;
    };

    it('refuses a PNG renamed to .csv by its content', async () => {
      const res = await refuse('pegawai.csv', PNG, 415, 'FILE_TYPE_UNSUPPORTED');
      expect(res.body.error.details).toMatchObject({ fileName: 'pegawai.csv' });
    });

    it('refuses a ZIP that is not a workbook', async () => {
      // "PK\x03\x04" then garbage: sniffed as XLSX, unreadable as one
      const zipish = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
      await refuse('pegawai.xlsx', zipish, 415, 'FILE_TYPE_UNSUPPORTED');
    });

    it('refuses text without any column separator', async () => {
      await refuse('catatan.csv', 'ini bukan tabel\nhanya catatan\n', 415, 'FILE_TYPE_UNSUPPORTED');
    });

    it('refuses an empty file', async () => {
      const res = await refuse('kosong.csv', '', 400, 'VALIDATION_FAILED');
      expect(res.body.error.details).toEqual({ file: 'Berkas kosong.' });
    });

    it('refuses a file over IMPORT_MAX_BYTES', async () => {
      const rows = Array.from({ length: 80 }, (_, i) => ({ ...toRow(sampleEmployees()[0]!), 'Nama Lengkap': `Pegawai Nomor ${i}` }));
      const big = buildCsv(ID_HEADERS, rows);
      expect(big.length).toBeGreaterThan(2048);
      await refuse('besar.csv', big, 413, 'FILE_TOO_LARGE');
    });

    it('refuses a multipart request without a file and a non-multipart request', async () => {
      const json = await admin.post('/api/imports', { file: 'NIP;Nama' });
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('BAD_REQUEST');

      const boundary = '----netratanpaberkas';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="catatan"\r\n\r\nhalo\r\n--${boundary}--\r\n`;
      const noFile = await admin.request({ method: 'POST', url: '/api/imports', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(noFile.status).toBe(400);
      expect(noFile.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { file: 'Berkas belum dipilih.' } });
    });

    it('still accepts a small valid file afterwards', async () => {
      const s = sampleEmployees().slice(0, 2);
      const up = await upload(admin, 'kecil.csv', buildCsv(ID_HEADERS, s.map(toRow)));
      expect(storedFiles()).toContain(`${up.id}.csv`);
      expect((await validate(admin, up)).validRows).toBe(2);
    });
  });

  describe('roles', () => {
    const file = buildCsv(ID_HEADERS, sampleEmployees().slice(0, 1).map(toRow));

    it.each(['satgas', 'pimpinan.disdik', 'bupati', 'inspektorat'])('%s cannot upload, list, read or validate imports', async (username) => {
      const up = await upload(admin, 'milik-admin.csv', file);
      const imports = await importCount(admin);
      const client = new TestClient(t);
      await client.login(username);

      const res = await client.upload('/api/imports', 'pegawai.csv', file);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect((await client.get('/api/imports')).status).toBe(403);
      expect((await client.get(`/api/imports/${up.id}`)).status).toBe(403);
      const validateRes = await client.post(`/api/imports/${up.id}/validate`, { mapping: up.mapping });
      expect(validateRes.status).toBe(403);
      expect(validateRes.body.error.code).toBe('FORBIDDEN');

      expect(await importCount(admin)).toBe(imports);
      expect((await admin.get(`/api/imports/${up.id}`)).body.status).toBe('uploaded');
    });

    it('a forbidden role cannot commit an import validated by the admin', async () => {
      const s = sampleEmployees()[0]!;
      const up = await upload(admin, 'validasi-admin.csv', buildCsv(ID_HEADERS, [toRow(s)]));
      await validate(admin, up);
      const before = await employeeCount(admin);
      const satgas = new TestClient(t);
      await satgas.login('satgas');
      const res = await satgas.post(`/api/imports/${up.id}/commit`, { createMissingUnits: true, skipInvalidRows: true });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
      expect(await employeeCount(admin)).toBe(before);
      expect((await admin.get(`/api/imports/${up.id}`)).body.status).toBe('validated');
      expect(await findEmployee(admin, s.nip)).toBeUndefined();
    });

    it('anonymous requests are refused with 401', async () => {
      const anon = new TestClient(t);
      const imports = await importCount(admin);
      const res = await anon.upload('/api/imports', 'pegawai.csv', file);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
      expect((await anon.get('/api/imports')).status).toBe(401);
      expect(await importCount(admin)).toBe(imports);
    });

    it('an import of another tenant is not found', async () => {
      const other = await seedTenant(t, 'kota-lain', 'Kota Lain', 5);
      const up = await upload(admin, 'tenant-a.csv', file);
      const otherAdmin = new TestClient(t);
      await otherAdmin.login('admin.bkpsdm', undefined, 'kota-lain');
      expect(other.tenantId).not.toBe(tenantId);
      const res = await otherAdmin.get(`/api/imports/${up.id}`);
      expect(res.status).toBe(404);
      expect((await otherAdmin.post(`/api/imports/${up.id}/validate`, { mapping: up.mapping })).status).toBe(404);
      expect((await otherAdmin.get('/api/imports')).body.items).toEqual([]);
    });
  });
});
