/**
 * Acceptance (issue 7): the national/provincial overview `/dashboard/nasional` renders its tiles,
 * charts and table of tenants with data for the platform operator (superadmin), once the roll-up's
 * daily rows are refreshed (here asked for by hand, as the operator's button does). Screenshot in
 * test-results/e2e/national-01-superadmin.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SKIP_E2E, screenshot, useJourney } from './support';

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

describe.skipIf(SKIP_E2E)('dasbor nasional', () => {
  const journey = useJourney();

  it('shows the superadmin every tenant with its employees and signing, as tiles, a chart and a table', async () => {
    const base = journey.server().baseUrl;
    const context = await journey.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    journey.watch(page, 'superadmin');
    await signIn(page, base, 'superadmin');
    const session = await (await page.request.get(`${base}/api/auth/session`)).json();
    const slug = session.tenant.slug as string;

    // The operator refreshes the daily rows now (the scheduler would within the hour).
    const refresh = await page.request.post(`${base}/api/insights/national/refresh`, { headers: { 'x-csrf-token': session.csrfToken } });
    expect(refresh.status(), await refresh.text()).toBe(202);
    // The per-tenant job runs in the background (pg-boss): wait for the demo Pemda's row.
    await expect
      .poll(async () => {
        const view = await (await page.request.get(`${base}/api/insights/national?election=*`)).json();
        return (view.rows as { slug: string; employees: number }[]).find((r) => r.slug === slug)?.employees ?? 0;
      }, { timeout: 60_000, interval: 1_000 })
      .toBeGreaterThan(0);

    await page.goto(`${base}/dashboard/nasional?election=*`);
    await page.getByTestId('national-scope').waitFor();
    await expect.poll(() => page.getByTestId('national-employees').innerText()).not.toBe('0');
    expect(Number((await page.getByTestId('national-tenants').innerText()).replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    // The demo Pemda's row in the table, with its employee count; a chart drawn beside it.
    const row = page.getByTestId(`national-row-${slug}`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\d/);
    await page.getByTestId('national-chart-signing').locator('.recharts-surface').first().waitFor();
    await screenshot(page, 'national-01-superadmin.png');
    // The table's numbers as XLSX too.
    const href = await page.getByTestId('national-xlsx').getAttribute('href');
    const xlsx = await page.request.get(`${base}${href}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect(journey.pageErrors).toEqual([]);
    await context.close();
  });
});
