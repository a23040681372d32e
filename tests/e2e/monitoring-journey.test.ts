/**
 * Acceptance (issue 6): a Satgas member on a phone (360 px) captures a post with a screenshot, the
 * employee suggested from the declared-accounts register and confirmed; sees it ranked in the review
 * queue (riskiest first, next to the demo's captured posts) with its reasons highlighted; opens a case
 * from it and lands on the case. The post carries an HTML payload that must show as text, never run.
 * Screenshots land in test-results/e2e/monitoring-*.png.
 */
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_E2E, screenshot, useJourney, waitForText } from './support';

const MOBILE = { width: 360, height: 740 };
const PAYLOAD = '<img src=x onerror=alert(1)>';
const POST = `Ayo coblos nomor 2 tanggal 27! Teguh–Maya pasti menang ✌️ #TeguhMaya02 ${PAYLOAD}`;

async function noHorizontalOverflow(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} melebar melewati layar 360 px`).toBeLessThanOrEqual(0);
}

describe.skipIf(SKIP_E2E)('perjalanan pengawasan media sosial: tangkap di ponsel, antrean berperingkat, buka kasus', () => {
  const journey = useJourney();
  const { pageErrors } = journey;
  const dialogs: string[] = [];

  it('menangkap unggahan di ponsel, melihatnya di antrean dengan alasan tersorot, lalu membuka kasus', async () => {
    const base = journey.server().baseUrl;
    const shot = await sharp({ create: { width: 360, height: 640, channels: 3, background: '#1877f2' } }).png().toBuffer();
    const phone = await journey.browser().newContext({ viewport: MOBILE, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    journey.watch(page, 'satgas');
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });

    await page.goto(`${base}/login`);
    await page.getByLabel('Nama pengguna').fill('satgas');
    await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');

    // The demo's captured posts fill the queue on first start.
    await page.goto(`${base}/pengawasan`);
    await page.getByTestId('queue-item').first().waitFor();
    expect(await page.getByTestId('queue-item').count()).toBeGreaterThanOrEqual(10);

    // 1. Capture: the account is in the register of declared accounts, so its employee is suggested.
    await page.goto(`${base}/pengawasan/tangkap`);
    await page.getByTestId('capture-url').fill('https://facebook.com/rudi.hartono.77/posts/987654');
    await page.getByTestId('capture-handle').fill('@rudi.hartono.77');
    await page.getByTestId('capture-name').fill('Rudi Hartono');
    await page.getByTestId('capture-text-input').fill(POST);
    const suggestion = page.getByTestId('employee-suggestions');
    await waitForText(suggestion, /terdaftar atas nama pegawai/);
    await suggestion.getByTestId('suggestion-choose').first().click();
    await page.getByTestId('capture-confirm').check();
    await page.locator('input[type=file]').setInputFiles({ name: 'tangkapan-layar.png', mimeType: 'image/png', buffer: shot });
    await page.getByText('tangkapan-layar.png', { exact: false }).waitFor();
    await noHorizontalOverflow(page, 'formulir tangkapan');
    await screenshot(page, 'monitoring-01-capture.png');
    await page.getByTestId('capture-submit').click();

    // 2. The capture page: score, highlighted reasons, the payload as plain text, hashes.
    await page.waitForURL((url) => /^\/pengawasan\/[0-9a-f-]{36}$/.test(url.pathname));
    const captureId = new URL(page.url()).pathname.split('/').pop()!;
    const text = page.getByTestId('capture-text').first();
    await waitForText(text, /onerror/);
    expect(await text.innerText()).toBe(POST);
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.getByTestId('reason-span').count()).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('score-badge').first().innerText())).toBeGreaterThan(70);
    expect(await page.getByTestId('capture-file').count()).toBe(1);
    await noHorizontalOverflow(page, 'halaman tangkapan');
    await screenshot(page, 'monitoring-02-detail.png');

    // 3. The queue: riskiest first, the new capture near the top with its reasons highlighted.
    await page.goto(`${base}/pengawasan`);
    const items = page.getByTestId('queue-item');
    await items.first().waitFor();
    const scores = (await items.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-score')))));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const mine = page.locator(`[data-testid="queue-item"][data-capture-id="${captureId}"]`);
    await mine.waitFor();
    const rank = (await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-capture-id')))).indexOf(captureId);
    expect(rank).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(5);
    const marks = mine.getByTestId('reason-span');
    expect(await marks.count()).toBeGreaterThan(0);
    expect((await marks.allInnerTexts()).join(' ')).toMatch(/coblos|TeguhMaya02|✌/);
    await mine.scrollIntoViewIfNeeded();
    await noHorizontalOverflow(page, 'antrean');
    await screenshot(page, 'monitoring-03-queue.png');

    // 4. "Buka kasus" from the capture: the case page opens with the employee as subject.
    await mine.getByTestId('queue-open').click();
    await page.waitForURL((url) => url.pathname === `/pengawasan/${captureId}`);
    await page.getByTestId('open-case').click();
    await page.waitForURL((url) => /^\/kasus\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
    await waitForText(page.locator('main'), /Rudi Hartono|Temuan pengawasan media sosial|Membuat unggahan/);
    await screenshot(page, 'monitoring-04-case.png');

    // Back on the capture, it is linked to the case and can no longer be reviewed.
    await page.goto(`${base}/pengawasan/${captureId}`);
    await waitForText(page.locator('main'), /Kasus KS-\d{4}-\d{4}/);
    expect(await page.getByTestId('review-panel').count()).toBe(0);
    await phone.close();

    expect(dialogs, `dialog muncul (skrip dari teks unggahan dijalankan?):\n${dialogs.join('\n')}`).toEqual([]);
    expect(pageErrors, `galat tak tertangkap di halaman:\n${pageErrors.join('\n')}`).toEqual([]);
  });
});
