/**
 * Acceptance (issue 4): a citizen on a phone viewport reports anonymously with a photo, gets the
 * receipt, later logs in with it, reads a Satgas message and answers; the Satgas sees the answer.
 * The description carries an HTML payload that must show literally in the inbox, never run.
 * Screenshots land in test-results/e2e/report-*.png.
 */
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  SKIP_E2E,
  screenshot,
  waitForText,
  useJourney,
} from './support';

const MOBILE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 860 };
const PAYLOAD = '<img src=x onerror=alert(1)>';
const DESCRIPTION = `Kepala seksi membagikan ajakan memilih calon di grup kantor. ${PAYLOAD}`;
const SATGAS_MESSAGE = 'Terima kasih. Apakah Anda punya tangkapan layar percakapan grup tersebut?';
const REPORTER_ANSWER = 'Ada, akan saya unggah nanti sore.';

async function noHorizontalOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} melebar melewati layar 360 px`).toBeLessThanOrEqual(0);
}

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(SKIP_E2E)('perjalanan pelapor: laporan anonim di ponsel, tanda terima, pesan dua arah dengan Satgas', () => {
  const journey = useJourney({ POW_COST: '20', POW_MAX_NUMBER: '200' });
  const { pageErrors } = journey;
  const dialogs: string[] = [];
  const watch = (page: Page, label: string) => {
    journey.watch(page, label);
    page.on('dialog', (dialog) => {
      dialogs.push(`[${label}] ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  };

  it('melapor anonim dengan foto, masuk dengan tanda terima, dan bertukar pesan dengan Satgas', async () => {
    const base = journey.server().baseUrl;
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c0392b' } }).jpeg({ quality: 80 }).toBuffer();

    // 1. The citizen fills the guided form on a phone.
    const phone = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const citizen = await phone.newPage();
    citizen.setDefaultTimeout(20_000);
    watch(citizen, 'pelapor');
    await citizen.goto(`${base}/lapor`);
    await citizen.getByTestId('mode-anonim').click();
    await noHorizontalOverflow(citizen, 'langkah identitas');
    await screenshot(citizen, 'report-01-identity.png');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    await citizen.getByLabel('Nama pegawai').fill('Budi Santoso');
    await citizen.getByLabel(/Unit kerja \/ instansi/).fill('Dinas Pendidikan');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    // An empty description is refused with an error summary before moving on.
    await citizen.getByRole('button', { name: 'Lanjut' }).click();
    await waitForText(citizen.getByTestId('error-summary'), /Uraian kejadian minimal 10 karakter/);
    await citizen.getByRole('radio', { name: 'Ikut kampanye, rapat umum atau deklarasi calon' }).check();
    await citizen.getByLabel('Tanggal kejadian').fill(isoDaysAgo(12));
    await citizen.getByLabel('Tanggal Anda mengetahuinya').fill(isoDaysAgo(10));
    await citizen.getByLabel('Tempat kejadian').fill('Aula kantor dinas');
    await citizen.getByLabel('Uraian kejadian').fill(DESCRIPTION);
    await noHorizontalOverflow(citizen, 'langkah kejadian');
    await screenshot(citizen, 'report-02-facts.png');
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    await citizen.locator('input[type=file]').setInputFiles({ name: 'foto-kejadian.jpg', mimeType: 'image/jpeg', buffer: photo });
    await citizen.getByText('foto-kejadian.jpg').waitFor();
    await citizen.getByRole('button', { name: 'Lanjut' }).click();

    // 2. Review: the late-discovery warning shows but does not block; proof of work and submit.
    await waitForText(citizen.getByTestId('review-warnings'), /lebih dari 7 hari/);
    await screenshot(citizen, 'report-03-review.png');
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    const receipt = citizen.getByTestId('receipt');
    await receipt.waitFor({ timeout: 60_000 });
    const number = (await receipt.getByTestId('receipt-number').innerText()).trim();
    const key = (await receipt.getByTestId('receipt-key').innerText()).trim();
    expect(number).toMatch(/^LP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(key).toMatch(/^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$/);
    expect(await receipt.innerText()).toContain('Simpan kunci ini sekarang');
    await receipt.getByRole('button', { name: 'Unduh tanda terima (PDF)' }).waitFor();
    await noHorizontalOverflow(citizen, 'tanda terima');
    await screenshot(citizen, 'report-04-receipt.png');

    // 3. The Satgas opens the report in the inbox: the payload is shown as text; sends a message.
    const desk = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID' });
    const satgas = await desk.newPage();
    satgas.setDefaultTimeout(20_000);
    watch(satgas, 'satgas');
    await satgas.goto(`${base}/login`);
    await satgas.getByLabel('Nama pengguna').fill('satgas');
    await satgas.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
    await satgas.getByRole('button', { name: 'Masuk', exact: true }).click();
    await satgas.waitForURL((url) => url.pathname === '/');
    await satgas.getByRole('link', { name: 'Pengaduan' }).click();
    await satgas.getByRole('link', { name: number }).click();
    const description = satgas.getByTestId('report-description');
    await waitForText(description, /onerror/);
    expect(await description.innerText()).toBe(DESCRIPTION);
    expect(await satgas.locator('main img[src="x"]').count()).toBe(0);
    expect(await satgas.getByTestId('evidence-file').count()).toBe(1);
    await satgas.getByLabel('Pesan kepada pelapor').fill(SATGAS_MESSAGE);
    await satgas.getByRole('button', { name: 'Kirim pesan' }).click();
    await waitForText(satgas.getByTestId('thread'), /tangkapan layar percakapan/);
    await screenshot(satgas, 'report-05-inbox-detail.png');

    // 4. Later, the citizen signs in with the receipt, reads the message and answers.
    await citizen.goto(`${base}/lapor/cek`);
    await citizen.getByLabel('Nomor laporan').fill(number);
    await citizen.getByLabel('Kunci tanda terima').fill(key.toLowerCase());
    await citizen.getByRole('button', { name: 'Masuk' }).click();
    const home = citizen.getByTestId('receipt-home');
    await home.waitFor({ timeout: 60_000 });
    await waitForText(home.getByTestId('thread'), /tangkapan layar percakapan/);
    await citizen.getByLabel('Tulis jawaban').fill(REPORTER_ANSWER);
    await citizen.getByRole('button', { name: 'Kirim jawaban' }).click();
    await waitForText(home.getByTestId('thread'), /unggah nanti sore/);
    await noHorizontalOverflow(citizen, 'portal tanda terima');
    await screenshot(citizen, 'report-06-portal.png');
    await phone.close();

    // 5. The Satgas sees the answer.
    await satgas.reload();
    await waitForText(satgas.getByTestId('thread'), /unggah nanti sore/);
    await screenshot(satgas, 'report-07-answer.png');
    await desk.close();

    expect(dialogs, `dialog muncul (skrip dari isian dijalankan?):\n${dialogs.join('\n')}`).toEqual([]);
    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
