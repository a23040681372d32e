/**
 * Acceptance (issue 7): the case dashboard renders charts with data, each with its table and XLSX,
 * and keeps its filters in the URL; a unit head sees the suppressed view of their subtree.
 * Screenshots land in test-results/e2e/dashboard-*.png.
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

describe.skipIf(SKIP_E2E)('dasbor penanganan', () => {
  const journey = useJourney();

  it('shows charts with their tables and XLSX for the Satgas, and the suppressed subtree for a unit head', async () => {
    const base = journey.server().baseUrl;
    const context = await journey.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    journey.watch(page, 'satgas');
    await signIn(page, base, 'satgas');

    // Six findings about Disdik employees, through the API with the browser's session.
    const session = await (await page.request.get(`${base}/api/auth/session`)).json();
    const units = (await (await page.request.get(`${base}/api/units`)).json()).items as { id: string; name: string }[];
    const disdik = units.find((u) => u.name.startsWith('Dinas Pendidikan'))!;
    const employees = (await (await page.request.get(`${base}/api/employees?unitId=${disdik.id}&pageSize=6`)).json()).items as { id: string }[];
    expect(employees.length).toBe(6);
    for (const e of employees) {
      const res = await page.request.post(`${base}/api/cases`, {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { origin: 'temuan_patroli', title: 'Unggahan dukungan calon', summary: 'Patroli menemukan unggahan dukungan calon di media sosial.', subjects: [{ employeeId: e.id }] },
      });
      expect(res.status(), await res.text()).toBe(201);
    }

    await page.goto(`${base}/dashboard/penanganan`);
    await expect.poll(() => page.getByTestId('insights-total-cases').innerText()).toBe('6');
    expect(await page.getByTestId('insights-total-subjects').innerText()).toBe('6');
    // Charts drew bars: "Terdaftar: 6" by step, Disdik by unit.
    await page.getByTestId('insights-byState').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('insights-byUnit').locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'dashboard-01-satgas.png');
    // The same numbers as a table.
    await page.getByTestId('insights-byState').getByText('Tabel').click();
    expect(await page.getByTestId('insights-byState').locator('table').innerText()).toMatch(/Terdaftar\s+6/);
    // And as XLSX with the same filters.
    const href = await page.getByTestId('insights-byState').getByRole('link', { name: /XLSX/ }).getAttribute('href');
    expect(href).toContain('section=byState');
    const xlsx = await page.request.get(`${base}${href}`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // Filters live in the URL: a period with nothing in it, then back.
    await page.goto(`${base}/dashboard/penanganan?from=2020-01-01&to=2020-12-31`);
    await expect.poll(() => page.getByTestId('insights-total-cases').innerText()).toBe('0');
    expect(new URL(page.url()).searchParams.get('from')).toBe('2020-01-01');

    // The head of Disdik: six people in their subtree, every small count hidden.
    const headContext = await journey.browser().newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const head = await headContext.newPage();
    head.setDefaultTimeout(20_000);
    journey.watch(head, 'pimpinan');
    await signIn(head, base, 'pimpinan.disdik');
    await head.goto(`${base}/dashboard/penanganan`);
    await head.getByTestId('insights-suppressed').waitFor();
    expect(await head.getByTestId('insights-total-cases').innerText()).toBe('6');
    const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(head, 'dashboard-02-unit-head-phone.png');
    expect(journey.pageErrors).toEqual([]);
    await context.close();
    await headContext.close();
  });
});
