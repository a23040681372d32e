/**
 * Acceptance (issue 7): the public transparency page on a phone. No account; the figures, the
 * explanations and the links to report and to check a receipt; it fits 360 px; and it stays light —
 * its own small entry, neither the app shell (Mantine) nor the chart library is downloaded.
 * Screenshots land in test-results/e2e/transparency-*.png.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_E2E, screenshot, useJourney } from './support';

describe.skipIf(SKIP_E2E)('halaman transparansi publik di ponsel', () => {
  const journey = useJourney();

  it('shows the figures without an account, fits the phone, links to /lapor, and loads no app shell or chart library', async () => {
    const base = journey.server().baseUrl;
    const context = await journey.browser().newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID', deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    journey.watch(page, 'warga');
    const scripts: { url: string; bytes: number }[] = [];
    page.on('response', async (res) => {
      if (res.url().endsWith('.js')) scripts.push({ url: res.url(), bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
    });

    await page.goto(`${base}/transparansi`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('tp-tile-value').count()).toBe(4);
    await page.getByRole('heading', { name: 'Transparansi penanganan netralitas ASN' }).waitFor();
    // The demo instansi has one election; it is chosen and its name is in the picker.
    expect(await page.getByTestId('tp-election').locator('option').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('tp-type-table').innerText()).toMatch(/Masih ditangani[\s\S]*Jumlah/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'halaman melebar melewati layar 360 px').toBeLessThanOrEqual(0);
    await screenshot(page, 'transparency-01-phone.png');

    // Light: two scripts (the page and React), nothing of Mantine or recharts, well under the app shell.
    const names = scripts.map((s) => s.url.split('/').pop()!);
    expect(names.some((n) => /BarChart|recharts|main-/.test(n)), names.join(', ')).toBe(false);
    const total = scripts.reduce((s, x) => s + x.bytes, 0);
    expect(total, names.join(', ')).toBeLessThan(300_000);

    // English, kept for the next visit like the app's own switch.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Transparency: civil-service neutrality cases' }).waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Transparency: civil-service neutrality cases' }).waitFor();
    await page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' }).click();

    // The way to report and to check a receipt.
    expect(await page.getByRole('link', { name: 'Cek laporan' }).getAttribute('href')).toBe('/lapor/cek');
    await page.getByRole('link', { name: 'Buat laporan' }).click();
    await page.waitForURL(/\/lapor$/);
    await page.getByTestId('mode-anonim').waitFor();
    expect(journey.pageErrors).toEqual([]);
    await context.close();
  });
});
