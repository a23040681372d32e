/**
 * Acceptance: an employee signs the ikrar & pakta on a phone-sized viewport and opens the verification
 * page from the QR URL. Real server (demo tenant with its open Pilkada campaign) and Chromium.
 * Screenshots land in test-results/e2e/pledge-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_USERNAME,
  DEMO_PASSWORD,
  SKIP_E2E,
  screenshot,
  waitForText,
  useJourney,
  type RunningServer,
} from './support';

const MOBILE = { width: 360, height: 740 };
const CAMPAIGN = 'Ikrar dan Pakta Integritas Netralitas ASN Pilkada 2026';

interface OutboxMail { to: string; body: string; createdAt: string }

/** The demo employee the server prints at first start; otherwise the first active employee with an e-mail. */
async function demoEmployeeNip(server: RunningServer): Promise<string> {
  const printed = /masuk dengan NIP (\d{8,20})/.exec(server.output());
  if (printed) return printed[1]!;
  const session = await fetch(`${server.baseUrl}/api/auth/session`);
  const cookie = session.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
    body: JSON.stringify({ username: ADMIN_USERNAME, password: DEMO_PASSWORD }),
  });
  const authCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const list = await fetch(`${server.baseUrl}/api/employees?pageSize=50&status=active`, { headers: { cookie: authCookie } });
  const { items } = (await list.json()) as { items: { idNumber: string; email: string | null }[] };
  const withMail = items.find((e) => e.email);
  if (!withMail) throw new Error('Tidak ada pegawai demo dengan e-mail.');
  return withMail.idNumber;
}

/** Reads the newest one-time code from the dev outbox (sent after `since`). */
async function latestCode(base: string, since: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${base}/api/dev/outbox`);
    const { items } = (await res.json()) as { items: OutboxMail[] };
    const fresh = items
      .filter((m) => Date.parse(m.createdAt) >= since - 2_000)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const code = fresh.map((m) => /(\d{6})/.exec(m.body)?.[1]).find(Boolean);
    if (code) return code;
    if (Date.now() > deadline) throw new Error('Kode masuk tidak muncul di kotak keluar dev.');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function noHorizontalOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} melebar melewati layar 360 px`).toBeLessThanOrEqual(0);
}

describe.skipIf(SKIP_E2E)('perjalanan pegawai: tanda tangan ikrar & pakta di ponsel, lalu verifikasi dari URL QR', () => {
  const journey = useJourney();
  const { pageErrors } = journey;
  const watch = journey.watch;

  it('menandatangani di layar 360×740 dan halaman verifikasi menyatakan Sah', async () => {
    const base = journey.server().baseUrl;
    const nip = await demoEmployeeNip(journey.server());

    // 1. Sign in with NIP and the one-time code from the dev outbox.
    const phoneContext = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const page = await phoneContext.newPage();
    page.setDefaultTimeout(20_000);
    watch(page, 'pegawai');
    await page.goto(`${base}/login`);
    await page.getByRole('tab', { name: 'Pegawai (NIP)' }).click();
    await page.getByLabel('NIP / NI PPPK / NIK').fill(nip);
    const requested = Date.now();
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByLabel('Kode sekali pakai').waitFor();
    await page.getByLabel('Kode sekali pakai').fill(await latestCode(base, requested));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');

    // 2. The home lists the open campaign as not yet signed.
    const card = page.getByTestId('my-pledge').filter({ hasText: CAMPAIGN });
    await card.waitFor();
    expect(await card.getByTestId('my-pledge-status').innerText()).toMatch(/Belum ditandatangani \(batas .+\)/);
    await noHorizontalOverflow(page, 'beranda pegawai');
    await screenshot(page, 'pledge-01-home.png');

    // 3. Open the signing page: ikrar, identity block, one checkbox per undertaking.
    await card.getByRole('link', { name: 'Baca & tandatangani' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/ikrar/'));
    const identity = page.getByTestId('identity-block');
    await identity.waitFor();
    const fullName = (await identity.locator('dd').first().innerText()).trim();
    expect(await identity.innerText()).toContain(nip);
    const boxes = page.getByTestId('undertakings').getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThanOrEqual(1);
    const submit = page.getByRole('button', { name: 'Tandatangani' });
    expect(await submit.isDisabled()).toBe(true);
    await noHorizontalOverflow(page, 'halaman tanda tangan');
    await screenshot(page, 'pledge-02-signing.png');

    // 4. Tick all, type the name (without academic titles), draw a short stroke, sign.
    for (const box of await boxes.all()) await box.check();
    // A partial name is answered on the page, before any request is sent.
    let signRequests = 0;
    page.on('request', (r) => { if (r.url().endsWith('/sign')) signRequests++; });
    await page.getByLabel('Ketik nama lengkap Anda').fill(fullName.split(',')[0]!.slice(0, -1));
    await submit.click();
    await page.getByText('Nama tidak sama dengan data kepegawaian').waitFor();
    expect(signRequests).toBe(0);
    await page.getByLabel('Ketik nama lengkap Anda').fill(fullName.split(',')[0]!);
    const pad = await page.getByRole('img', { name: 'Bidang tanda tangan' }).boundingBox();
    if (pad) {
      await page.mouse.move(pad.x + 20, pad.y + pad.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) await page.mouse.move(pad.x + 20 + i * 15, pad.y + pad.height / 2 + (i % 2 ? -15 : 15));
      await page.mouse.up();
    }
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();
    const signed = page.getByTestId('signed-card');
    await signed.waitFor();
    expect(await signed.getByTestId('signed-hash').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await signed.getByTestId('signed-at').innerText()).toMatch(/\d{4}/);
    await signed.getByRole('link', { name: 'Unduh PDF' }).waitFor();
    await noHorizontalOverflow(page, 'konfirmasi tanda tangan');
    await screenshot(page, 'pledge-03-signed.png');

    // 5. The QR code carries the absolute verifyUrl: open it in a fresh, anonymous phone browser.
    const mine = await page.evaluate(async () => (await fetch('/api/pledges/mine')).json());
    const item = (mine as { items: { name: string; signature: { verifyUrl: string } | null }[] }).items.find((i) => i.name === CAMPAIGN);
    const verifyUrl = item?.signature?.verifyUrl ?? '';
    expect(verifyUrl).toMatch(/\/verifikasi\/[0-9a-f-]{36}$/);
    expect(await signed.getByTestId('verify-link').getAttribute('href')).toBe(new URL(verifyUrl).pathname);

    const scanner = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const qr = await scanner.newPage();
    qr.setDefaultTimeout(20_000);
    watch(qr, 'verifikasi');
    await qr.goto(`${base}${new URL(verifyUrl).pathname}`);
    const result = qr.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('valid');
    expect((await result.getByTestId('verify-status').innerText()).trim()).toBe('Sah');
    await waitForText(result, new RegExp(fullName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(await result.innerText()).toContain(CAMPAIGN);
    await qr.getByRole('heading', { name: 'Periksa berkas PDF' }).waitFor();
    await noHorizontalOverflow(qr, 'halaman verifikasi');
    await screenshot(qr, 'pledge-04-verify.png');
    await scanner.close();

    // 6. Back home, the campaign now reads as signed.
    await page.goto(`${base}/`);
    await waitForText(page.getByTestId('my-pledge').filter({ hasText: CAMPAIGN }), /Sudah ditandatangani/);
    await screenshot(page, 'pledge-05-home-signed.png');
    await phoneContext.close();

    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
