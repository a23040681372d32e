/**
 * Acceptance (issue 5): a case walked from the citizen's report to the PPK's decision, in a real
 * browser against the real server. A citizen reports anonymously (public API, solved proof of work);
 * the Satgas makes the report a case and takes it through verification, clarification, conclusion
 * and the recommendation to the PPK; the PPK finds it on the follow-up board and decides a sanction
 * inside the recommended (moral) tier; the reporter reads plain status messages on a phone.
 * The act predates the contest's penetapan calon, so Netra proposes kode etik KE-4 with a moral
 * sanction and no Tim Pemeriksa is needed. Screenshots land in test-results/e2e/case-*.png.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { Locator, Page } from 'playwright-core';
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
const REPORTED = { name: 'Rahmat Hidayat', agency: 'Dinas Pekerjaan Umum', position: 'Kepala Seksi Jalan' };
const DESCRIPTION = 'Yang bersangkutan membagikan poster bakal calon bupati di akun Facebook pribadinya dengan ajakan memilih.';
const SK_NUMBER = '800.1.6.4/045/BKPSDM/2026';

/** The demo's contest fixes penetapan calon 7 days ago: 12 days ago is still the bakal calon stage. */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const ACT_DATE = isoDaysAgo(12);

async function noHorizontalOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} melebar melewati layar 360 px`).toBeLessThanOrEqual(0);
}

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The citizen's report through the public API, as the form sends it: CSRF cookie, solved proof of work, multipart. */
async function fileAnonymousReport(base: string): Promise<{ number: string; key: string }> {
  const session = await fetch(`${base}/api/auth/session`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const options = (await (await fetch(`${base}/api/public/reports/options`)).json()) as { elections: { id: string; contests: { id: string }[] }[] };
  const election = options.elections.find((e) => e.contests.length > 0);
  expect(election, 'demo tidak memiliki Pilkada dengan kontestasi').toBeTruthy();
  const challenge = (await (await fetch(`${base}/api/public/pow`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution, 'proof of work tidak terpecahkan').toBeTruthy();
  const form = new FormData();
  form.set('report', JSON.stringify({
    identityMode: 'anonim',
    reported: REPORTED,
    actKind: 'kampanye_media_sosial',
    electionEventId: election!.id,
    electionContestId: election!.contests[0]!.id,
    actDate: ACT_DATE,
    discoveredOn: isoDaysAgo(3),
    place: 'Facebook',
    description: DESCRIPTION,
    links: ['https://facebook.com/contoh/posts/2026'],
  }));
  form.set('altcha', Buffer.from(JSON.stringify({ challenge, solution })).toString('base64'));
  const res = await fetch(`${base}/api/public/reports`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
  const body = await res.text();
  expect(res.status, body).toBe(201);
  const { number, receiptKey } = JSON.parse(body) as { number: string; receiptKey: string };
  return { number, key: receiptKey };
}

/** Opens an action of the panel, lets `fill` complete its form, saves, and waits for the modal to close. */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('action-panel').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  const save = dialog.getByRole('button', { name: 'Simpan', exact: true });
  expect(await save.isEnabled(), `"${action}": formulir belum lengkap`).toBe(true);
  await save.click();
  await dialog.waitFor({ state: 'hidden' });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The step the case is at, as the header's step row names it (after the step's number). */
async function waitForStep(page: Page, step: string): Promise<void> {
  await waitForText(page.getByTestId('case-steps').locator('[aria-current="step"]'), new RegExp(`^\\d+\\s*${escape(step)}$`));
}

/** Titles of the history entries, newest first (the whole history). */
async function timelineTitles(page: Page): Promise<string[]> {
  const showAll = page.getByRole('button', { name: /Tampilkan seluruh riwayat/ });
  if (await showAll.isVisible()) await showAll.click();
  const texts = await page.getByTestId('case-event').allInnerTexts();
  return texts.map((t) => t.split('\n')[0]!.trim());
}

describe.skipIf(SKIP_E2E)('perjalanan kasus: dari laporan warga sampai keputusan PPK', () => {
  const journey = useJourney({ POW_COST: '20', POW_MAX_NUMBER: '200' });
  const { pageErrors } = journey;
  const watch = journey.watch;

  it('Satgas menangani laporan sampai rekomendasi, PPK memutus di dalam tingkat sanksi, pelapor membaca statusnya', async () => {
    const base = journey.server().baseUrl;

    // 1. The citizen's anonymous report about a PNS, with its receipt.
    const { number, key } = await fileAnonymousReport(base);
    expect(number).toMatch(/^LP-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // 2. The Satgas opens it in the Pengaduan inbox and makes it a new case.
    const satgasContext = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1 });
    const satgas = await satgasContext.newPage();
    satgas.setDefaultTimeout(20_000);
    watch(satgas, 'satgas');
    await signIn(satgas, base, 'satgas');
    await satgas.getByRole('link', { name: 'Pengaduan' }).click();
    await satgas.getByRole('link', { name: number }).click();
    await waitForText(satgas.getByTestId('report-description'), /poster bakal calon bupati/);
    const toCase = satgas.getByTestId('report-to-case');
    await toCase.waitFor();
    await screenshot(satgas, 'case-01-report.png');
    await toCase.getByRole('button', { name: 'Jadikan kasus baru' }).click();
    await satgas.waitForURL((url) => /^\/kasus\/[0-9a-f-]{36}$/.test(url.pathname));
    const caseUrl = new URL(satgas.url()).pathname;
    const caseNumber = (await satgas.getByTestId('case-number').innerText()).trim();
    expect(caseNumber).toMatch(/^KS-\d{4}-\d{4}$/);
    expect(await satgas.getByTestId('case-title').innerText()).toContain(REPORTED.name);
    await waitForStep(satgas, 'Terdaftar');
    // Netra's proposal follows from the act date (before penetapan calon) and the kind of act.
    await waitForText(satgas.getByTestId('case-proposal'), /KE-4, Sanksi moral/);
    await screenshot(satgas, 'case-02-registered.png');

    // 3. Verification, confirming Netra's proposal as prefilled.
    await act(satgas, 'Mulai verifikasi');
    await waitForStep(satgas, 'Verifikasi');
    await act(satgas, 'Nyatakan lengkap, lanjut klarifikasi', async (dialog) => {
      const subject = dialog.getByTestId('verify-subject');
      await waitForText(subject, /Usulan Netra: KE-4, Sanksi moral/);
      expect(await subject.getByLabel('Tingkat sanksi').inputValue()).toBe('Sanksi moral (PP 42/2004)');
      expect(await subject.getByLabel('Kode pelanggaran').inputValue()).toMatch(/^KE-4 — /);
      expect(await dialog.getByTestId('override-reason').count()).toBe(0);
      await screenshot(satgas, 'case-03-verify.png', false);
    });
    await waitForStep(satgas, 'Klarifikasi');

    // Clarification: the employee's statement (berita acara), then the step is closed.
    await act(satgas, 'Catat klarifikasi (berita acara)', async (dialog) => {
      await dialog.getByLabel('Keterangan pegawai').fill('Pegawai mengakui membagikan poster tersebut dan telah menghapusnya setelah ditegur atasan.');
    });
    await act(satgas, 'Selesaikan klarifikasi');
    // A moral sanction needs no Tim Pemeriksa: straight to the conclusion.
    await waitForStep(satgas, 'Penyimpulan');
    await act(satgas, 'Simpulkan (terbukti/tidak terbukti)', async (dialog) => {
      await dialog.getByText('Terbukti', { exact: true }).click();
      await dialog.getByLabel(/^Pertimbangan/).fill('Unggahan dan pengakuan pegawai cocok; perbuatan terjadi sebelum penetapan calon (KE-4).');
    });
    await waitForStep(satgas, 'Penyusunan rekomendasi');
    await act(satgas, 'Kirim rekomendasi ke PPK', async (dialog) => {
      expect(await dialog.getByLabel('Tingkat sanksi').inputValue()).toBe('Sanksi moral (PP 42/2004)');
      await dialog.getByLabel('Pertimbangan rekomendasi').fill('Pelanggaran kode etik pertama; pegawai kooperatif. Diusulkan sanksi moral.');
    });
    await waitForStep(satgas, 'Menunggu keputusan PPK');

    // The history names every step, newest first; the letters are issued.
    const satgasSteps = [
      'Kirim rekomendasi ke PPK',
      'Simpulkan (terbukti/tidak terbukti)',
      'Selesaikan klarifikasi',
      'Catat klarifikasi (berita acara)',
      'Nyatakan lengkap, lanjut klarifikasi',
      'Mulai verifikasi',
    ];
    const titles = await timelineTitles(satgas);
    expect(titles.filter((t) => satgasSteps.includes(t))).toEqual(satgasSteps);
    expect(titles.at(-1)).toBe('Kasus didaftarkan');
    const documents = (await satgas.getByTestId('case-document').allInnerTexts()).join('\n');
    for (const letter of ['Berita acara klarifikasi', 'Laporan hasil pemeriksaan', 'Surat rekomendasi kepada PPK', 'Rancangan SK penjatuhan sanksi']) {
      expect(documents, `dokumen "${letter}" tidak ada`).toContain(letter);
    }
    expect(await satgas.getByTestId('action-panel').getByRole('button', { name: 'Catat keputusan PPK' }).count()).toBe(0);
    await screenshot(satgas, 'case-04-awaiting-ppk.png');
    await satgasContext.close();

    // 4. The PPK, in a fresh browser, finds the case on the follow-up board and decides.
    const ppkContext = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1 });
    const ppk = await ppkContext.newPage();
    ppk.setDefaultTimeout(20_000);
    watch(ppk, 'ppk');
    await signIn(ppk, base, 'bupati');
    await ppk.getByRole('link', { name: 'Papan tindak lanjut PPK' }).click();
    const row = ppk.getByTestId('ppk-row').filter({ hasText: caseNumber });
    await waitForText(row, /Sanksi moral \(PP 42\/2004\)/);
    expect(await row.innerText()).toContain(REPORTED.name);
    await screenshot(ppk, 'case-05-ppk-board.png');
    await row.getByRole('link', { name: caseNumber }).click();
    await ppk.waitForURL((url) => url.pathname === caseUrl);
    await waitForStep(ppk, 'Menunggu keputusan PPK');
    await act(ppk, 'Catat keputusan PPK', async (dialog) => {
      const subject = dialog.getByTestId('decide-subject');
      await waitForText(subject, /Rekomendasi Satgas: Sanksi moral \(PP 42\/2004\)/);
      // Only the recommended tier's sanctions (and "no sanction") are offered.
      await subject.getByLabel(/^Sanksi/).click();
      const listbox = ppk.getByRole('listbox');
      await listbox.waitFor();
      const offered = (await listbox.getByRole('option').allInnerTexts()).map((o) => o.trim());
      expect(offered).toEqual(['Pernyataan secara tertutup', 'Pernyataan secara terbuka', 'Tanpa sanksi']);
      expect(offered.some((o) => /Pemotongan TPP/.test(o))).toBe(false);
      await screenshot(ppk, 'case-06-decide.png', false);
      await listbox.getByRole('option', { name: 'Pernyataan secara terbuka', exact: true }).click();
      expect(await subject.getByLabel(/^Sanksi/).inputValue()).toBe('Pernyataan secara terbuka');
      await subject.getByLabel('Nomor SK').fill(SK_NUMBER);
      expect(await subject.getByLabel('Tanggal SK').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
    await waitForStep(ppk, 'Tindak lanjut sanksi');
    const decided = await timelineTitles(ppk);
    expect(decided[0]).toBe('Catat keputusan PPK');
    expect(await ppk.getByTestId('case-event').first().innerText()).toContain(SK_NUMBER);
    await screenshot(ppk, 'case-07-decided.png');
    // The board no longer lists it as waiting.
    await ppk.getByRole('link', { name: 'Papan tindak lanjut PPK' }).click();
    await ppk.getByRole('heading', { name: 'Menunggu keputusan' }).waitFor();
    // (The cached board shows first; it refreshes because the decision invalidated it.)
    await waitForText(ppk.locator('main'), /Tidak ada rekomendasi yang menunggu keputusan/);
    expect(await ppk.getByTestId('ppk-row').filter({ hasText: caseNumber }).count()).toBe(0);
    await ppkContext.close();

    // 5. The reporter signs in with the receipt on a phone: plain status messages, no case number.
    const phone = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const citizen = await phone.newPage();
    citizen.setDefaultTimeout(20_000);
    watch(citizen, 'pelapor');
    await citizen.goto(`${base}/lapor/cek`);
    await citizen.getByLabel('Nomor laporan').fill(number);
    await citizen.getByLabel('Kunci tanda terima').fill(key);
    await noHorizontalOverflow(citizen, 'masuk dengan tanda terima');
    await citizen.getByRole('button', { name: 'Masuk' }).click();
    const home = citizen.getByTestId('receipt-home');
    await home.waitFor({ timeout: 60_000 });
    const thread = await waitForText(home.getByTestId('thread'), /PPK telah mengambil keputusan/);
    expect(thread).toContain('Laporan Anda telah didaftarkan sebagai kasus');
    expect(thread).toContain('Laporan Anda dinyatakan lengkap');
    expect(thread).toContain('Satgas telah menyampaikan rekomendasi kepada Pejabat Pembina Kepegawaian (PPK)');
    expect(thread).toContain('PPK telah mengambil keputusan atas laporan Anda');
    expect((await home.getByTestId('receipt-status').innerText()).trim()).toMatch(/^ditindaklanjuti$/i);
    const portal = await home.innerText();
    expect(portal).not.toContain(caseNumber);
    expect(portal).not.toContain(SK_NUMBER);
    expect(portal).not.toMatch(/Pernyataan secara terbuka|KE-4/);
    await noHorizontalOverflow(citizen, 'portal tanda terima');
    await screenshot(citizen, 'case-08-reporter.png');
    await phone.close();

    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
