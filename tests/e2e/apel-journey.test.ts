/**
 * Acceptance journey "a unit head files an apel report and BKPSDM accepts it", in a real browser
 * against the real server: the head of Dinas Pendidikan creates the report of one of its schools,
 * fills the details and the daftar hadir (one employee absent with a reason), uploads a photo and
 * submits; the BKPSDM admin opens it and accepts it; the berita acara downloads as a PDF.
 * Screenshots land in test-results/e2e/apel-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, afterAll, expect, it } from 'vitest';
import {
  ADMIN_USERNAME,
  DEMO_PASSWORD,
  SKIP_E2E,
  screenshot,
  waitForText,
  useJourney,
} from './support';

const HEAD_USERNAME = 'pimpinan.disdik';
const DESKTOP = { width: 1280, height: 860 };
const MOBILE = { width: 360, height: 740 };

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * The demo campaign's apel cascade stops at dinas/badan/kecamatan…; this journey files for a
 * school, so BKPSDM first adds `sekolah` to the campaign's apel unit types (through the API,
 * with the admin's browser session).
 */
async function requireSchoolApel(page: Page, base: string): Promise<void> {
  const session = await (await page.request.get(`${base}/api/auth/session`)).json();
  const campaigns = await (await page.request.get(`${base}/api/campaigns`)).json();
  const campaign = campaigns.items.find((c: { status: string }) => c.status === 'open');
  expect(campaign, 'demo tidak memiliki kampanye yang dibuka').toBeTruthy();
  const res = await page.request.patch(`${base}/api/campaigns/${campaign.id}`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { apelUnitTypes: [...new Set([...campaign.apelUnitTypes, 'sekolah'])] },
  });
  expect(res.status(), await res.text()).toBe(200);
}

describe.skipIf(SKIP_E2E)('perjalanan apel: kepala unit melapor, BKPSDM menerima', () => {
  const journey = useJourney();
  const { pageErrors } = journey;
  let tmp: string | undefined;
  const watch = journey.watch;
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('kepala dinas membuat dan mengajukan laporan apel sekolah, admin BKPSDM menerimanya', async () => {
    const base = journey.server().baseUrl;
    tmp = mkdtempSync(join(tmpdir(), 'netra-e2e-apel-'));
    const photoPath = join(tmp, 'foto-apel.jpg');
    writeFileSync(photoPath, await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3a7' } }).jpeg().toBuffer());

    // 0. BKPSDM requires schools to hold the apel for the open campaign.
    const adminContext = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1 });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(20_000);
    watch(admin, 'admin');
    await signIn(admin, base, ADMIN_USERNAME);
    await requireSchoolApel(admin, base);

    // 1. The head of Dinas Pendidikan sees the schools without a report and creates one.
    const headContext = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1 });
    const head = await headContext.newPage();
    head.setDefaultTimeout(20_000);
    watch(head, 'pimpinan');
    await signIn(head, base, HEAD_USERNAME);
    await head.getByRole('link', { name: 'Apel & berita acara' }).first().click();
    await head.waitForURL((url) => url.pathname === '/apel');
    const pending = head.getByTestId('apel-pending');
    await pending.waitFor();
    const school = pending.locator('[data-unit-id]').filter({ hasText: /^SD Negeri/ }).first();
    const schoolName = (await school.locator('p').first().innerText()).trim();
    expect(schoolName).toMatch(/^SD Negeri/);
    await screenshot(head, 'apel-01-list-head.png');
    await school.getByRole('link', { name: /Buat laporan/ }).click();
    await head.waitForURL((url) => url.pathname === '/apel/baru');
    await head.getByRole('heading', { name: 'Laporan apel baru' }).waitFor();
    await head.getByLabel('Tempat').fill(`Halaman ${schoolName}`);
    await head.getByLabel('Pemimpin apel').fill('Drs. Bambang Sutrisno, M.Pd.');
    await head.getByLabel('Pembaca ikrar').fill('Siti Aminah, S.Pd.');
    const witnesses = head.getByRole('combobox', { name: 'Saksi' });
    await witnesses.fill('Bawaslu Kabupaten Contoh');
    await witnesses.press('Enter');
    await witnesses.fill('Panwascam Kroya');
    await witnesses.press('Enter');
    await head.getByLabel('Catatan').fill('Apel dilaksanakan pukul 07.30 WIB.');
    await head.getByRole('button', { name: 'Buat laporan' }).click();
    await head.waitForURL((url) => /^\/apel\/[0-9a-f-]{36}$/.test(url.pathname));
    const reportPath = new URL(head.url()).pathname;
    await head.getByRole('heading', { name: `Laporan apel ${schoolName}` }).waitFor();
    await waitForText(head.getByTestId('apel-status'), /Draf/i);

    // 2. Daftar hadir: everyone present by default, one employee sick.
    const attendance = head.getByTestId('attendance');
    const rows = attendance.locator('[data-employee-id]');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const absent = rows.nth(1);
    const absentName = (await absent.locator('p').first().innerText()).trim();
    await absent.getByText('Sakit', { exact: true }).click();
    await waitForText(head.locator('main'), /Sakit: 1/i);
    await head.getByRole('button', { name: 'Simpan', exact: true }).click();
    await waitForText(head.locator('body'), /Laporan tersimpan/);

    // 3. A photo through the Dropzone.
    await head.getByLabel('Foto apel', { exact: true }).setInputFiles(photoPath);
    const thumbnail = head.getByTestId('apel-photos').locator('img');
    await thumbnail.waitFor();
    await head.waitForFunction(() => {
      const img = document.querySelector('[data-testid="apel-photos"] img') as HTMLImageElement | null;
      return Boolean(img && img.complete && img.naturalWidth > 0);
    });
    await screenshot(head, 'apel-02-report-draft.png');

    // 4. Submit to BKPSDM (confirm in the dialog): the berita acara is numbered.
    await head.getByTestId('apel-actions').getByRole('button', { name: 'Ajukan ke BKPSDM' }).click();
    await head.getByRole('dialog').getByRole('button', { name: 'Ajukan ke BKPSDM' }).click();
    await waitForText(head.getByTestId('apel-status'), /Diajukan/i);
    await waitForText(head.locator('main'), /Nomor berita acara 800\/\d{3}\/BA-NETRA\/\d{4}/);
    expect(await head.getByTestId('apel-actions').count(), 'laporan yang diajukan tidak boleh dapat diubah lagi').toBe(0);
    await screenshot(head, 'apel-03-submitted.png');

    // The same report on a phone: attendance as cards, nothing wider than the screen.
    const phoneContext = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1 });
    const phone = await phoneContext.newPage();
    watch(phone, 'pimpinan-ponsel');
    await signIn(phone, base, HEAD_USERNAME);
    await phone.goto(`${base}${reportPath}`);
    await phone.getByTestId('attendance').locator('[data-employee-id]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'halaman laporan apel melebar melewati layar 360 px').toBeLessThanOrEqual(0);
    await screenshot(phone, 'apel-04-report-mobile.png');
    await phoneContext.close();

    // 5. BKPSDM opens the report from the list and accepts it.
    await admin.getByRole('link', { name: 'Apel & berita acara' }).first().click();
    await admin.waitForURL((url) => url.pathname === '/apel');
    const listed = admin.getByTestId('apel-reports').locator('[data-apel-id]').filter({ hasText: schoolName });
    await listed.waitFor();
    await waitForText(listed, /Diajukan/i);
    await screenshot(admin, 'apel-05-list-admin.png');
    await listed.getByRole('link', { name: schoolName }).click();
    await admin.waitForURL((url) => url.pathname === reportPath);
    const absentRow = admin.getByTestId('attendance').locator('[data-employee-id]').filter({ hasText: absentName });
    await waitForText(absentRow, /Sakit/i);
    await admin.getByRole('button', { name: 'Terima', exact: true }).click();
    await waitForText(admin.getByTestId('apel-status'), /Diterima/i);
    expect(await admin.getByRole('button', { name: 'Terima' }).count()).toBe(0);
    await screenshot(admin, 'apel-06-accepted.png');

    // 6. The berita acara link serves the PDF.
    const href = await admin.getByTestId('berita-acara-link').getAttribute('href');
    expect(href).toMatch(/\/berita-acara\.pdf$/);
    const pdf = await admin.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // 7. The unit head sees the acceptance too.
    await head.reload();
    await waitForText(head.getByTestId('apel-status'), /Diterima/i);

    await headContext.close();
    await adminContext.close();
    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
