/**
 * The acceptance journey in a real browser against the real server: sign in as the BKPSDM admin,
 * import a CSV with some bad rows, see the errors, commit the good rows, find an imported employee.
 * Screenshots land in test-results/e2e/ as artifacts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, afterAll, expect, it } from 'vitest';
import {
  ADMIN_USERNAME,
  DEMO_PASSWORD,
  SKIP_E2E,
  screenshot,
  waitForText,
  useJourney,
} from './support';

const GOOD = [
  { nip: '197005122000031002', name: 'Larasati Kinanti Purbasari', unit: 'Dinas Kesehatan', gol: 'III/d', jabatan: 'Kepala Seksi Kesehatan Keluarga' },
  { nip: '198208172006041003', name: 'Bagaskara Wiryawan Adiwangsa', unit: 'Dinas Kesehatan', gol: 'III/b', jabatan: 'Sanitarian Ahli Muda' },
  { nip: '199001302015032004', name: 'Sekar Ayu Tunjungsari', unit: 'Dinas Kesehatan', gol: 'III/a', jabatan: 'Nutrisionis Ahli Pertama' },
  { nip: '197811042003121005', name: 'Pramudya Satriya Nugraha', unit: 'Inspektorat Daerah', gol: 'IV/a', jabatan: 'Auditor Ahli Madya' },
  { nip: '198503262010012006', name: 'Ratna Dewi Kusumawardhani', unit: 'Inspektorat Daerah', gol: 'III/c', jabatan: 'Auditor Ahli Muda' },
  { nip: '199207092019031007', name: 'Galih Cahyo Wicaksono', unit: 'Inspektorat Daerah', gol: 'II/c', jabatan: 'Pengadministrasi Umum' },
];
const SEARCHED = GOOD[0]!;

/** `;`-delimited like an Indonesian-locale Excel export; bad rows on lines 4 and 7 (header = line 1). */
function importCsv(): string {
  const row = (g: (typeof GOOD)[number]) => [g.nip, g.name, 'PNS', g.unit, g.gol, g.jabatan].join(';');
  const lines = [
    'NIP;Nama Lengkap;Jenis Pegawai;Unit Kerja;Gol/Ruang;Jabatan',
    row(GOOD[0]!),
    row(GOOD[1]!),
    '1.97005E+17;Wahyu Tri Handoko;PNS;Dinas Kesehatan;III/a;Perawat Ahli Pertama', // line 4: Excel rounded the NIP
    row(GOOD[2]!),
    row(GOOD[3]!),
    '198806142012022008;;PNS;Inspektorat Daerah;III/b;Auditor Ahli Pertama', // line 7: no name
    row(GOOD[4]!),
    row(GOOD[5]!),
  ];
  return lines.join('\r\n') + '\r\n';
}

const DESKTOP = { width: 1280, height: 860 };
const MOBILE = { width: 360, height: 740 };

describe.skipIf(SKIP_E2E)('perjalanan admin: masuk, impor CSV dengan baris salah, simpan, cari pegawai', () => {
  const journey = useJourney();
  const { pageErrors } = journey;
  let csvDir: string | undefined;
  const watch = journey.watch;
  afterAll(() => {
    if (csvDir) rmSync(csvDir, { recursive: true, force: true });
  });

  it('menjalankan perjalanan impor lengkap di Chromium', async () => {
    const base = journey.server().baseUrl;

    // 1. The login page on a phone: labels present, nothing wider than the screen.
    const mobile = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1 });
    const phone = await mobile.newPage();
    watch(phone, 'mobile');
    await phone.goto(`${base}/login`);
    await phone.getByLabel('Nama pengguna').waitFor();
    await phone.getByLabel(/^Kata sandi/).waitFor();
    await phone.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'halaman masuk melebar melewati layar 360 px').toBeLessThanOrEqual(0);
    await screenshot(phone, '01-login-mobile.png');
    await mobile.close();

    // 2. Sign in as the BKPSDM admin on a desktop.
    const desktop = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1 });
    const page = await desktop.newPage();
    page.setDefaultTimeout(20_000);
    watch(page, 'desktop');
    await page.goto(`${base}/login`);
    await page.getByLabel('Nama pengguna').fill(ADMIN_USERNAME);
    await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
    await screenshot(page, '02-home.png');

    // 3. Import page, upload the CSV; the mapping step shows the suggested fields.
    await page.getByRole('link', { name: 'Impor data pegawai' }).first().click();
    await page.waitForURL((url) => url.pathname === '/import');
    csvDir = mkdtempSync(join(tmpdir(), 'netra-e2e-csv-'));
    const csvPath = join(csvDir, 'pegawai-simpeg.csv');
    writeFileSync(csvPath, importCsv(), 'utf8');
    await page.getByLabel('Berkas data pegawai').setInputFiles(csvPath);
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await waitForText(page.locator('body'), /Berkas: pegawai-simpeg\.csv/);
    const mapped = async (header: string) => page.getByRole('combobox', { name: header, exact: true }).inputValue();
    expect(await mapped('NIP')).toBe('NIP / NI PPPK / NIK');
    expect(await mapped('Nama Lengkap')).toBe('Nama');
    expect(await mapped('Jenis Pegawai')).toBe('Kategori pegawai');
    expect(await mapped('Unit Kerja')).toBe('Unit kerja');
    expect(await mapped('Gol/Ruang')).toBe('Golongan');
    expect(await mapped('Jabatan')).toBe('Nama jabatan');
    await screenshot(page, '03-mapping.png');

    // 4. Validate: the issues table names both bad rows with their row numbers and reasons.
    await page.getByRole('button', { name: 'Periksa data' }).click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor({ timeout: 30_000 });
    const scientific = issues.getByRole('row').filter({ hasText: 'notasi ilmiah' });
    const emptyName = issues.getByRole('row').filter({ hasText: 'Nama kosong.' });
    await scientific.waitFor();
    await emptyName.waitFor();
    expect(await scientific.count()).toBe(1);
    expect(await emptyName.count()).toBe(1);
    expect(await scientific.getByRole('cell').first().innerText()).toBe('4');
    expect(await scientific.innerText()).toContain('1.97005E+17');
    expect(await scientific.innerText()).toMatch(/NIP berubah menjadi notasi ilmiah oleh Excel/);
    expect(await emptyName.getByRole('cell').first().innerText()).toBe('7');
    expect(await emptyName.innerText()).toContain('Nama Lengkap');
    // Exactly the two bad rows are reported as errors.
    const errorRows = await issues.getByRole('row').filter({ hasText: 'Salah' }).count();
    expect(errorRows).toBe(2);
    const counts = await waitForText(page.locator('main'), /Baris salah\s*2/);
    expect(counts).toMatch(/Jumlah baris\s*8/);
    expect(counts).toMatch(/Baris benar\s*6/);
    expect(await page.getByTestId('import-unknown-units').count()).toBe(0);
    await screenshot(page, '04-errors.png');

    // 5. Commit, skipping the bad rows.
    await page.getByRole('checkbox', { name: 'Lewati baris yang salah' }).check();
    await page.getByRole('button', { name: 'Simpan ke data induk' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 30_000 });
    const summaryText = await waitForText(summary, /Pegawai baru\s*6\b/);
    expect(summaryText).toMatch(/Diperbarui\s*0\b/);
    expect(summaryText).toMatch(/Unit baru\s*0\b/);
    await screenshot(page, '05-committed.png');

    // 6. Find an imported employee by name.
    await page.goto(`${base}/employees`);
    const search = page.getByLabel('Cari pegawai');
    await search.waitFor();
    await search.fill(SEARCHED.name);
    await page.waitForURL((url) => url.searchParams.get('q') === SEARCHED.name);
    const list = page.getByTestId('employee-list');
    const hit = list.locator('[data-employee-id]').filter({ hasText: SEARCHED.name });
    await hit.waitFor();
    await page.locator('.mantine-LoadingOverlay-root').waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await list.locator('[data-employee-id]').count()).toBe(1);
    const rowText = await hit.innerText();
    expect(rowText).toContain(SEARCHED.nip);
    expect(rowText).toContain(SEARCHED.unit);
    await screenshot(page, '06-employee-found.png');
    await desktop.close();

    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
