/**
 * Public /transparansi: no account, phone-first, and light. It is its own entry (transparansi.html):
 * React without Mantine, react-query, the router or i18next, and bars drawn with CSS, so a slow phone
 * gets the figures after a few kilobytes. The instansi and election sit in the URL (?tenant=&event=).
 */
import { useCallback, useEffect, useState } from 'react';
import type { TransparencyViewT } from '../../../shared/contracts/insights.contract';
import { Headline, Legend, MonthBars, TypeTable } from './figures';
import { Guide } from './guide';
import { fill, useTexts } from './texts';

type Load = { status: 'loading' } | { status: 'ok'; view: TransparencyViewT } | { status: 'error'; message: string; needsTenant: boolean };

function readParams(): { tenant: string | null; event: string | null } {
  const p = new URLSearchParams(window.location.search);
  return { tenant: p.get('tenant'), event: p.get('event') };
}

function writeParams(next: { tenant: string | null; event: string | null }): void {
  const p = new URLSearchParams();
  if (next.tenant) p.set('tenant', next.tenant);
  if (next.event) p.set('event', next.event);
  const qs = p.toString();
  window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: Record<string, unknown> } } | null;
  if (!res.ok) throw Object.assign(new Error(body?.error?.message ?? `HTTP ${res.status}`), { details: body?.error?.details ?? null });
  return body as T;
}

export default function TransparencyPage() {
  const [texts, toggleLanguage] = useTexts();
  const [params, setParams] = useState(readParams);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [tenants, setTenants] = useState<{ slug: string; name: string }[]>([]);

  const fetchView = useCallback(() => {
    const p = new URLSearchParams();
    if (params.tenant) p.set('tenant', params.tenant);
    if (params.event) p.set('event', params.event);
    setLoad({ status: 'loading' });
    fetchJson<TransparencyViewT>(`/api/public/transparency?${p}`)
      .then((view) => setLoad({ status: 'ok', view }))
      .catch((err: Error & { details?: Record<string, unknown> | null }) => {
        const needsTenant = Boolean(err.details && 'tenant' in err.details);
        setLoad({ status: 'error', message: err.message, needsTenant });
        if (needsTenant) void fetchJson<{ items: { slug: string; name: string }[] }>('/api/public/tenants').then((r) => setTenants(r.items));
      });
  }, [params]);

  useEffect(fetchView, [fetchView]);
  const choose = (next: Partial<typeof params>) => {
    const merged = { ...params, ...next };
    writeParams(merged);
    setParams(merged);
  };
  const view = load.status === 'ok' ? load.view : null;
  useEffect(() => {
    document.title = view ? `${texts.title} — ${view.tenant.name}` : texts.title;
  }, [view, texts]);

  return (
    <div className="tp-page">
      <header className="tp-header">
        <a className="tp-brand" href="/transparansi">
          <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path fill="currentColor" d="M12 5C7 5 3 9 2 12c1 3 5 7 10 7s9-4 10-7c-1-3-5-7-10-7zm0 11a4 4 0 110-8 4 4 0 010 8z" /></svg>
          <span><b>{texts.brand}</b><small>{texts.brandSub}</small></span>
        </a>
        <button type="button" className="tp-lang" onClick={toggleLanguage} aria-label={texts.switchLabel} title={texts.switchLabel}>{texts.switchTo}</button>
      </header>
      <main>
        <h1>{texts.title}</h1>
        {view ? <p className="tp-tenant">{view.tenant.name}</p> : null}
        <p className="tp-muted">{texts.intro}</p>
        {load.status === 'error' && load.needsTenant ? (
          <label className="tp-field">
            <span>{texts.tenant}</span>
            <select value="" onChange={(e) => choose({ tenant: e.target.value, event: null })}>
              <option value="" disabled>{texts.chooseTenant}</option>
              {tenants.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
            </select>
          </label>
        ) : null}
        {view && view.events.length > 0 ? (
          <label className="tp-field">
            <span>{texts.election}</span>
            <select value={view.event?.id ?? ''} onChange={(e) => choose({ event: e.target.value })} data-testid="tp-election">
              {view.events.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </select>
          </label>
        ) : null}
        {load.status === 'loading' ? <p className="tp-muted" aria-live="polite">{texts.loading}</p> : null}
        {load.status === 'error' && !load.needsTenant ? (
          <div className="tp-card tp-error" role="alert">
            <p>{load.message}</p>
            <button type="button" className="tp-button tp-button-outline" onClick={fetchView}>{texts.retry}</button>
          </div>
        ) : null}
        {view && !view.event ? <p className="tp-card">{texts.noElection}</p> : null}
        {view?.event ? (
          <>
            <p className="tp-muted tp-asof">{fill(texts.asOf, { date: new Intl.DateTimeFormat(texts.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${view.asOf}T12:00:00Z`)) })}</p>
            <Headline view={view} texts={texts} />
            <TypeTable view={view} texts={texts} />
            {view.byMonth.rows.length > 0 ? <MonthBars view={view} texts={texts} /> : null}
            <Legend texts={texts} />
          </>
        ) : null}
        <Guide texts={texts} />
        <p className="tp-muted tp-footer">{texts.footer}</p>
      </main>
    </div>
  );
}
