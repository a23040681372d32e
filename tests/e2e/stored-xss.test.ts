/**
 * Stored XSS (issue 8): every text field a user can fill is seeded, through the real API, with
 * payloads that would run if a screen ever rendered them as HTML — `<img onerror>`, `<svg onload>`,
 * `"><script>`, a `javascript:` link, an `<iframe srcdoc>`, a template-injection `{{…}}` and a
 * markdown-style `[a](javascript:…)` — each with a marker naming its field. Then every screen that
 * shows the field is opened in headless Chromium:
 *
 *  1. with the page's Content-Security-Policy bypassed, so an injected handler *would* run: no dialog,
 *     `window.__xss` stays undefined, no element carries an `on…` attribute, no script other than the
 *     app's own, no link or frame to `javascript:`/`data:`, and the marker is shown as text;
 *  2. under the server's real CSP: the same screens raise no CSP violation (console or event).
 *
 * Link fields reject `javascript:` at the API (checked here too); links rendered from user-supplied
 * URLs are checked to be http(s). PDFs are out of scope. Screenshots of failures land in
 * test-results/e2e/xss-*.png.
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoWatchlist } from '../../src/server/seed/demo-monitoring.js';
import { SKIP_E2E, screenshot, useJourney } from './support';

const DESKTOP = { width: 1280, height: 900 };
const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** The marker naming a field: shown as text on every screen that renders the field. */
const mark = (tag: string) => `XSS:${tag}:`;
/** For fields of at most 100 characters. */
const short = (tag: string) => `${mark(tag)} "><img src=x onerror=alert(1)><svg onload=alert(2)>`;
/** For free text. */
const long = (tag: string) =>
  `${mark(tag)} <img src=x onerror="window.__xss=(window.__xss||0)+1"> <svg onload="window.__xss=(window.__xss||0)+1"></svg> ` +
  `"><script>window.__xss=(window.__xss||0)+1</script> '-alert(3)-' {{constructor.constructor('window.__xss=(window.__xss||0)+1')()}} ` +
  `[tautan](javascript:window.__xss=1) <a href="javascript:window.__xss=1">klik</a> <iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`;

/** For ikrar/pakta texts: the same payload without the `{{…}}` injection, which a template refuses as an unknown placeholder (asserted below). */
const templateText = (tag: string) => long(tag).replace(/\{\{[^}]*\}\}/g, '');

/** A fetch client with a cookie jar that sends the CSRF token like the web app. */
class Api {
  readonly jar = new Map<string, { value: string; path: string }>();
  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    if (method !== 'GET' && !this.jar.has('netra_csrf')) await this.call('GET', '/api/auth/session');
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v.value}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.jar.get('netra_csrf')?.value ?? '';
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    for (const c of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = c.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      const cookiePath = attrs.map((a) => a.trim()).find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
      if (value === '' || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, { value, path: cookiePath });
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  }

  async ok(method: string, path: string, body?: unknown): Promise<any> {
    const res = await this.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 600)}`);
    return res.body;
  }

  async login(username: string): Promise<this> {
    await this.ok('POST', '/api/auth/login', { username, password: 'Netra-Demo-2026!' });
    return this;
  }

  /** The jar for a browser context. */
  cookies() {
    const { hostname } = new URL(this.base);
    return [...this.jar].map(([name, c]) => ({ name, value: c.value, domain: hostname, path: c.path }));
  }
}

async function solvedPow(api: Api): Promise<string> {
  const challenge = (await api.ok('GET', '/api/public/pow')) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work tidak terpecahkan');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

interface Screen {
  who: 'admin' | 'satgas' | 'kustodian' | 'pimpinan' | 'pegawai' | 'pelapor' | 'publik';
  path: string;
  /** Field markers that must be shown (as text or as an input's value). */
  shows: string[];
  /** Something to open first (a drawer, a tab). */
  open?: (page: Page) => Promise<void>;
}

/** What a screen looks like to the checks: its text (and form values), and anything that could run. */
async function inspect(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown };
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value).join('\n');
    const all = [...document.querySelectorAll('*')];
    const handlers = all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 160));
    const badUrl = (u: string) => /^\s*(javascript|data|vbscript):/i.test(u);
    const links = [...document.querySelectorAll('a[href], area[href]')].map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '');
    const frames = [...document.querySelectorAll('iframe, frame, object, embed')].map((el) => el.outerHTML.slice(0, 160));
    const scripts = [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).map((s) => s.outerHTML.slice(0, 160));
    const external = [...document.querySelectorAll('a[href]')]
      .map((a) => a as HTMLAnchorElement)
      .filter((a) => a.origin !== location.origin)
      .map((a) => a.href);
    return {
      text: `${document.body.innerText}\n${values}`,
      xss: w.__xss,
      handlers,
      badLinks: links.filter(badUrl),
      external,
      frames,
      scripts,
      imgX: document.querySelectorAll('img[src="x"]').length,
    };
  });
}

describe.skipIf(SKIP_E2E)('stored XSS: every user-filled field on every screen that shows it', () => {
  const journey = useJourney({ POW_COST: '20', POW_MAX_NUMBER: '200' });
  const { pageErrors } = journey;
  const sessions: Partial<Record<Screen['who'], Api>> = {};
  const screens: Screen[] = [];
  const fields = new Set<string>();
  const use = (tag: string, make: (t: string) => string = long) => {
    fields.add(tag);
    return make(tag);
  };

  it('seeds a payload into every field through the API', async () => {
    const base = journey.server().baseUrl;
    const admin = await new Api(base).login('admin.bkpsdm');
    const satgas = await new Api(base).login('satgas');
    const kustodian = await new Api(base).login('kustodian');
    const pimpinan = await new Api(base).login('pimpinan.disdik');
    Object.assign(sessions, { admin, satgas, kustodian, pimpinan });

    // Units and employees (BKPSDM).
    const units = (await admin.ok('GET', '/api/units')).items as { id: string; parentId: string | null; name: string; unitType: string }[];
    const root = units.find((u) => u.parentId === null)!;
    const unit = await admin.ok('POST', '/api/units', { name: use('unitName', short), unitType: 'badan', parentId: root.id });
    const nip = '199001012020121007';
    const empName = use('empName', short);
    const employee = await admin.ok('POST', '/api/employees', {
      idNumber: nip,
      name: empName,
      category: 'pns',
      unitId: unit.id,
      jabatanName: use('empJabatan', short),
      golongan: 'III/a',
      email: 'pegawai.xss@example.net',
      phone: null,
    });

    // Elections and a pledge campaign with its texts.
    const election = await admin.ok('POST', '/api/elections', {
      kind: 'pilkada',
      name: use('electionName', short),
      stages: [
        { kind: 'tahapan_mulai', startsOn: isoDay(-60), endsOn: null },
        { kind: 'penetapan_calon', startsOn: isoDay(-7), endsOn: null },
        { kind: 'kampanye', startsOn: isoDay(-3), endsOn: isoDay(40) },
        { kind: 'pemungutan_suara', startsOn: isoDay(45), endsOn: null },
      ],
      contests: [{ kind: 'bupati_walikota', name: use('contestName', short), penetapanCalonOn: isoDay(-7) }],
    });
    const campaign = await admin.ok('POST', '/api/campaigns', { eventId: election.id, name: use('campaignName', short), signDeadline: isoDay(10), signingPlace: use('signingPlace', short), apelReportDeadline: isoDay(7), apelUnitTypes: ['dinas', 'badan', 'sekolah', 'uptd'] });
    const injected = await admin.call('PUT', `/api/campaigns/${campaign.id}/templates/ikrar`, { title: 'Ikrar', body: `Kami berikrar dalam {{pemilihan}}: ${long('ikrarBody')}` });
    expect(injected.status).toBe(400); // {{constructor…}} is not a placeholder: refused, never stored
    await admin.ok('PUT', `/api/campaigns/${campaign.id}/templates/ikrar`, { title: use('ikrarTitle', short), body: `Kami berikrar dalam {{pemilihan}}: ${use('ikrarBody', templateText)}` });
    await admin.ok('PUT', `/api/campaigns/${campaign.id}/templates/pakta`, {
      title: use('paktaTitle', short),
      body: `Dalam rangka {{pemilihan}}, dengan ini saya menyatakan:\n- ${use('paktaBody', templateText)}\n- Tidak memihak peserta pemilihan mana pun.`,
    });
    await admin.ok('PATCH', `/api/campaigns/${campaign.id}`, { status: 'open' });

    // Announcement (sosialisasi) to everyone.
    const announcement = await admin.ok('POST', '/api/sosialisasi/announcements', { title: use('annTitle', short), body: `${use('annBody')}\n\nParagraf kedua.`, reference: use('annRef', short), targetUnitIds: [], hasQuiz: false });

    // A Satgas decree for the new unit, with member names and titles.
    const accounts = (await admin.ok('GET', '/api/satgas/accounts')).items as { id: string }[] | undefined;
    await admin.ok('POST', '/api/satgas/decrees', {
      number: use('decreeNumber', short),
      signedOn: isoDay(-30),
      signerTitle: use('signerTitle', short),
      periodStart: isoDay(-30),
      periodEnd: isoDay(300),
      scopeUnitId: unit.id,
      isActive: true,
      members: [
        { position: 'ketua', name: use('memberName', short), title: use('memberTitle', short), employeeId: null, userId: accounts?.[0]?.id ?? null },
        { position: 'anggota', name: use('memberName2', short), title: 'Analis Kepegawaian', employeeId: employee.id, userId: null },
      ],
    });

    // Case settings (letter place, PPK) and a regional day off.
    const settings = await admin.ok('GET', '/api/case-settings');
    await admin.ok('PUT', '/api/case-settings', {
      stepDays: settings.stepDays,
      escalationGapDays: settings.escalationGapDays,
      letterCode: settings.letterCode,
      letterPlace: use('letterPlace', short),
      ppkTitle: use('ppkTitle', short),
      ppkName: use('ppkName', short),
      reason: null,
    });
    await admin.ok('POST', '/api/case-settings/holidays', { day: `${new Date().getUTCFullYear()}-12-30`, name: use('holidayName', short), kind: 'libur_daerah' });

    // A new catalogue version: same items, the first one's act and examples rewritten.
    const catalogue = await admin.ok('GET', '/api/catalogue');
    const items = (catalogue.items as Record<string, unknown>[]).map(({ ordinal: _o, ...item }, i) =>
      i === 0 ? { ...item, act: use('catAct'), examples: use('catExamples') } : item,
    );
    await admin.ok('POST', '/api/catalogue/versions', { title: use('catTitle', short), note: use('catNote'), items });

    // The employee: signs in with the one-time code (dev outbox), reports a data error, signs the pledge.
    const pegawai = new Api(base);
    const since = Date.now();
    await pegawai.ok('POST', '/api/auth/otp/request', { idNumber: nip });
    let code: string | undefined;
    for (let i = 0; i < 40 && !code; i++) {
      const outbox = (await pegawai.ok('GET', '/api/dev/outbox')).items as { body: string | null; createdAt: string }[];
      code = outbox.filter((m) => Date.parse(m.createdAt) >= since - 2000).map((m) => /Kode masuk Netra Anda: (\d{6})/.exec(m.body ?? '')?.[1]).find(Boolean);
      if (!code) await new Promise((r) => setTimeout(r, 250));
    }
    expect(code, 'kode masuk pegawai tidak ada di kotak keluar').toBeTruthy();
    await pegawai.ok('POST', '/api/auth/otp/verify', { idNumber: nip, code });
    sessions.pegawai = pegawai;
    await pegawai.ok('POST', `/api/campaigns/${campaign.id}/corrections`, { message: use('correctionMsg') });
    // A second campaign is signed (its verification page names the signer); the first stays unsigned,
    // so its signing page shows the texts and the identity block.
    const signed = await admin.ok('POST', '/api/campaigns', { eventId: election.id, name: use('campaignName2', short), signDeadline: isoDay(10), signingPlace: 'Contoh', apelUnitTypes: [] });
    await admin.ok('PATCH', `/api/campaigns/${signed.id}`, { status: 'open' });
    const signing = await pegawai.ok('GET', `/api/campaigns/${signed.id}/signing`);
    const signature = await pegawai.ok('POST', `/api/campaigns/${signed.id}/sign`, {
      ikrarTemplateId: signing.ikrar.id,
      paktaTemplateId: signing.pakta.id,
      typedName: empName, // the signature is the employee's name as the master holds it
      undertakings: signing.undertakings.map(() => true),
      drawnSignature: null,
    });

    // Apel report of a school under Dinas Pendidikan (the unit head).
    const disdik = units.find((u) => u.name.startsWith('Dinas Pendidikan'))!;
    const school = units.find((u) => u.unitType === 'sekolah' && u.parentId === disdik.id)!;
    const apel = await pimpinan.ok('POST', `/api/campaigns/${campaign.id}/apel`, {
      unitId: school.id,
      heldOn: isoDay(0),
      place: use('apelPlace', short),
      leaderName: use('apelLeader', short),
      readerName: use('apelReader', short),
      witnesses: [use('apelWitness', short)],
      notes: use('apelNotes'),
    });

    // A citizen's public report: every free-text field; a javascript: link is refused outright.
    const citizen = new Api(base);
    const options = await citizen.ok('GET', '/api/public/reports/options');
    const demoEvent = (options.elections as { id: string; name: string; contests: { id: string }[] }[]).find((e) => !e.name.includes('XSS:'))!;
    const form = (report: Record<string, unknown>, altcha: string) => {
      const body = new FormData();
      body.set('report', JSON.stringify(report));
      body.set('altcha', altcha);
      return body;
    };
    const reportBody = {
      identityMode: 'anonim',
      reported: { name: use('reportedName', short), agency: use('reportedAgency', short), position: use('reportedPosition', short) },
      actKind: 'lainnya',
      actKindOther: use('actKindOther', short),
      electionEventId: demoEvent.id,
      electionContestId: demoEvent.contests[0]!.id,
      actDate: isoDay(-12),
      discoveredOn: isoDay(-3),
      place: use('reportPlace', short),
      description: use('reportDescription'),
      links: [`https://contoh.example/${mark('reportLink')}?q=%3Cscript%3Ealert(1)%3C/script%3E`],
    };
    fields.add('reportLink');
    const refused = await citizen.call('POST', '/api/public/reports', form({ ...reportBody, links: ['javascript:alert(document.cookie)'] }, await solvedPow(citizen)));
    expect(refused.status, 'tautan javascript: diterima').toBe(400);
    const report = await citizen.ok('POST', '/api/public/reports', form(reportBody, await solvedPow(citizen)));
    const secret = await citizen.ok('POST', '/api/public/reports', form({ ...reportBody, identityMode: 'rahasia', reporter: { name: 'Pelapor Rahasia Uji' }, description: 'Laporan rahasia untuk permintaan buka identitas.', links: [] }, await solvedPow(citizen)));
    const inbox = (await satgas.ok('GET', `/api/reports?q=${encodeURIComponent(report.number)}`)).items as { id: string; number: string }[];
    const reportId = inbox.find((r) => r.number === report.number)!.id;
    const secretId = ((await satgas.ok('GET', `/api/reports?q=${encodeURIComponent(secret.number)}`)).items as { id: string; number: string }[]).find((r) => r.number === secret.number)!.id;

    // The two-way channel: Satgas message, the reporter's reply (receipt portal), an internal note.
    await satgas.ok('POST', `/api/reports/${reportId}/messages`, { body: use('satgasMessage') });
    const pelapor = new Api(base);
    await pelapor.ok('POST', '/api/public/receipt/login', { number: report.number, key: report.receiptKey, altcha: await solvedPow(pelapor) });
    await pelapor.ok('POST', '/api/public/receipt/messages', { body: use('reporterReply') });
    sessions.pelapor = pelapor;
    await satgas.ok('POST', `/api/reports/${reportId}/notes`, { body: use('reportNote') });
    const reveal = await satgas.ok('POST', `/api/reports/${secretId}/reveal-requests`, { reason: use('revealReason') });
    await kustodian.ok('POST', `/api/reveal-requests/${reveal.id}/decision`, { approve: false, note: use('revealNote') });

    // Cases: one from the report, one registered by hand and walked to a clarification.
    const fromReport = await satgas.ok('POST', `/api/reports/${reportId}/case`, {});
    const created = await satgas.ok('POST', '/api/cases', {
      origin: 'rekomendasi_bawaslu',
      originRef: { number: use('originNumber', short), date: isoDay(-2), from: use('originFrom', short) },
      title: use('caseTitle', short),
      summary: use('caseSummary'),
      electionEventId: demoEvent.id,
      electionContestId: demoEvent.contests[0]!.id,
      actKind: 'kampanye_media_sosial',
      actDate: isoDay(-12),
      discoveredOn: isoDay(-2),
      place: use('casePlace', short),
      subjects: [{ name: use('subjectName', short), position: use('subjectPosition', short), unitName: use('subjectUnit', short), idNumber: null }],
    });
    const caseId = created.id as string;
    await satgas.ok('POST', `/api/cases/${caseId}/notes`, { expectedVersion: created.version, body: use('caseNote') });
    let detail = await satgas.ok('GET', `/api/cases/${caseId}`);
    await satgas.ok('POST', `/api/cases/${caseId}/actions`, { action: 'start_verification', expectedVersion: detail.version, note: use('verificationNote') });
    detail = await satgas.ok('GET', `/api/cases/${caseId}`);
    const subjectId = detail.subjects[0].id as string;
    const proposal = detail.proposal as { itemCode: string; tier: string };
    await satgas.ok('POST', `/api/cases/${caseId}/actions`, { action: 'verify', expectedVersion: detail.version, note: use('verifyNote'), subjects: [{ subjectId, itemCode: proposal.itemCode, tier: proposal.tier }] });
    detail = await satgas.ok('GET', `/api/cases/${caseId}`);
    await satgas.ok('POST', `/api/cases/${caseId}/actions`, { action: 'summon', expectedVersion: detail.version, subjectId, summonsNo: 1, appearOn: isoDay(2), appearTime: '09.00', place: use('summonPlace', short) });
    detail = await satgas.ok('GET', `/api/cases/${caseId}`);
    await satgas.ok('POST', `/api/cases/${caseId}/actions`, { action: 'record_clarification', expectedVersion: detail.version, subjectId, heldOn: isoDay(0), statement: use('clarificationStatement'), attendees: [use('clarificationAttendee', short)] });

    // Monitoring: a capture (text, handle, name, URL), its review, a watchlist version, a declared account.
    const capture = new FormData();
    capture.set('capture', JSON.stringify({
      platform: 'facebook',
      url: `https://facebook.com/${mark('captureUrl')}/posts/1?x=%22%3E%3Csvg%20onload=alert(1)%3E`,
      accountHandle: use('captureHandle', short),
      accountName: use('captureName', short),
      employeeId: employee.id,
      employeeConfirmed: false,
      text: `${use('captureText')} Ayo coblos nomor 2! #TeguhMaya02`,
      actKind: 'post',
      postedAt: new Date(Date.now() - 3_600_000).toISOString(),
      electionEventId: demoEvent.id,
      electionContestId: demoEvent.contests[0]!.id,
    }));
    fields.add('captureUrl');
    const refusedCapture = new FormData();
    refusedCapture.set('capture', JSON.stringify({ platform: 'facebook', url: 'javascript:alert(1)', accountHandle: 'x', text: 'x', actKind: 'post', postedAt: new Date().toISOString() }));
    expect((await satgas.call('POST', '/api/monitoring/captures', refusedCapture)).status, 'URL javascript: diterima').toBe(400);
    const captured = await satgas.ok('POST', '/api/monitoring/captures', capture);
    await satgas.ok('POST', `/api/monitoring/captures/${captured.id}/review`, { decision: 'relevant', reason: use('reviewReason'), expectedRevision: captured.revision });
    const watchlist = demoWatchlist() as unknown as { election: { name: string }; pairs: { label: string; candidates: { name: string }[]; slogans: string[] }[]; hoax_claims: { claim: string }[] };
    watchlist.election.name = short('watchlistElection'); // kept in the JSON document; the page names the election from its record
    watchlist.pairs[0]!.label = use('watchlistLabel', short);
    watchlist.pairs[0]!.candidates[0]!.name = use('watchlistCandidate', short);
    watchlist.pairs[0]!.slogans = [use('watchlistSlogan', short)];
    watchlist.hoax_claims[0]!.claim = use('watchlistHoax', short);
    for (const event of [demoEvent, election]) {
      // The version note and the account URL below are stored but shown on no screen (only in exports).
      await satgas.ok('PUT', '/api/monitoring/watchlists', { electionEventId: event.id, electionContestId: event.contests[0]!.id, document: watchlist, note: short('watchlistNote') });
    }
    await satgas.ok('POST', '/api/monitoring/declared-accounts', {
      employeeId: employee.id,
      platform: 'instagram',
      handle: use('declaredHandle', short),
      url: `https://instagram.com/${mark('declaredUrl')}`,
      legalBasis: use('declaredBasis'),
      declaredOn: isoDay(-1),
      note: use('declaredNote', short),
    });

    const m = (...tags: string[]) => tags.map(mark);
    screens.push(
      // BKPSDM
      { who: 'admin', path: '/units', shows: m('unitName') },
      { who: 'admin', path: `/employees?q=${encodeURIComponent('XSS')}`, shows: m('empName', 'unitName') },
      { who: 'admin', path: `/employees?q=${encodeURIComponent('XSS')}`, shows: m('empName', 'empJabatan', 'unitName'), open: async (page) => page.getByText(mark('empName')).first().click() },
      { who: 'admin', path: '/pemilihan', shows: m('electionName', 'contestName') },
      { who: 'admin', path: '/kampanye', shows: m('campaignName') },
      { who: 'admin', path: `/kampanye/${campaign.id}`, shows: m('campaignName', 'ikrarTitle', 'ikrarBody', 'paktaTitle', 'paktaBody') },
      { who: 'admin', path: `/kampanye/${campaign.id}`, shows: m('campaignName', 'signingPlace'), open: async (page) => page.getByRole('tab', { name: 'Pengaturan' }).click() },
      { who: 'admin', path: '/koreksi-data', shows: m('correctionMsg', 'empName') },
      { who: 'admin', path: '/sosialisasi', shows: m('annTitle') },
      { who: 'admin', path: `/sosialisasi/${announcement.id}`, shows: m('annTitle') },
      { who: 'admin', path: '/satgas', shows: m('memberName', 'memberTitle') },
      { who: 'admin', path: '/pengaturan-penanganan', shows: m('letterPlace', 'ppkName', 'holidayName') },
      { who: 'admin', path: '/katalog', shows: m('catAct', 'catExamples') },
      { who: 'admin', path: '/kepatuhan', shows: [] },
      { who: 'admin', path: '/apel', shows: [] },
      { who: 'admin', path: `/apel/${apel.id}`, shows: m('apelPlace', 'apelLeader', 'apelReader', 'apelWitness', 'apelNotes') },
      { who: 'admin', path: '/audit', shows: [] },
      { who: 'admin', path: '/', shows: [] },
      { who: 'pimpinan', path: `/apel/${apel.id}`, shows: m('apelPlace', 'apelLeader') },
      // Satgas
      { who: 'satgas', path: '/pengaduan', shows: m('reportedName') },
      { who: 'satgas', path: `/pengaduan/${reportId}`, shows: m('reportedName', 'reportedAgency', 'reportedPosition', 'actKindOther', 'reportPlace', 'reportDescription', 'reportLink', 'satgasMessage', 'reporterReply', 'reportNote') },
      { who: 'satgas', path: `/pengaduan/${secretId}`, shows: m('revealReason', 'revealNote') },
      { who: 'satgas', path: '/buka-identitas', shows: m('revealReason') },
      { who: 'satgas', path: '/kasus?tab=all', shows: m('caseTitle', 'reportedName') },
      { who: 'satgas', path: `/kasus/${fromReport.id}`, shows: m('reportedName', 'reportDescription') },
      { who: 'satgas', path: `/kasus/${caseId}`, shows: m('caseTitle', 'caseSummary', 'casePlace', 'subjectName', 'subjectPosition', 'subjectUnit', 'originNumber', 'originFrom', 'caseNote', 'verificationNote', 'verifyNote', 'summonPlace', 'clarificationStatement', 'clarificationAttendee') },
      { who: 'satgas', path: '/dashboard/penanganan', shows: [] },
      { who: 'satgas', path: '/pengawasan?status=all', shows: m('captureHandle', 'captureName') },
      { who: 'satgas', path: `/pengawasan/${captured.id}`, shows: m('captureText', 'captureHandle', 'captureName', 'captureUrl', 'reviewReason', 'empName') },
      { who: 'satgas', path: '/pengawasan/watchlist', shows: m('watchlistLabel', 'watchlistCandidate', 'watchlistSlogan', 'watchlistHoax') },
      { who: 'satgas', path: '/pengawasan/akun', shows: m('declaredHandle', 'declaredBasis', 'empName') },
      { who: 'satgas', path: '/rekap', shows: [] },
      // Custodian
      { who: 'kustodian', path: '/buka-identitas', shows: m('revealReason', 'revealNote') },
      // The employee
      { who: 'pegawai', path: '/', shows: m('campaignName', 'campaignName2', 'annTitle') },
      { who: 'pegawai', path: `/pengumuman/${announcement.id}`, shows: m('annTitle', 'annBody', 'annRef') },
      { who: 'pegawai', path: `/ikrar/${campaign.id}`, shows: m('ikrarTitle', 'ikrarBody', 'paktaBody', 'electionName', 'empName', 'empJabatan', 'unitName') },
      // The reporter and the public
      { who: 'pelapor', path: '/lapor/cek', shows: m('satgasMessage', 'reporterReply') },
      { who: 'publik', path: '/aturan', shows: m('catAct') },
      { who: 'publik', path: `/verifikasi/${signature.id}`, shows: m('empName', 'campaignName2') },
      { who: 'publik', path: '/lapor', shows: [] },
      { who: 'publik', path: '/dev/outbox', shows: [] },
      { who: 'publik', path: '/transparansi', shows: [] },
    );
  }, 300_000);

  // Promises, so screens visited side by side share one context per person instead of racing to make two.
  const contexts = new Map<string, Promise<BrowserContext>>();
  function contextFor(who: Screen['who'], bypassCSP: boolean): Promise<BrowserContext> {
    const key = `${who}:${bypassCSP}`;
    let context = contexts.get(key);
    if (!context) {
      context = (async () => {
        const created = await journey.browser().newContext({ viewport: DESKTOP, locale: 'id-ID', deviceScaleFactor: 1, bypassCSP });
        const api = sessions[who as keyof typeof sessions];
        if (api) await created.addCookies(api.cookies());
        return created;
      })();
      contexts.set(key, context);
    }
    return context;
  }

  /**
   * Visits the screens a few at a time: most of a visit is waiting (bundle load, data, settle time),
   * so overlapping them shortens the run without changing what each visit checks.
   */
  async function eachScreen(fn: (screen: Screen) => Promise<void>, concurrency = 3): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < screens.length) await fn(screens[next++]!);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Opens a screen, waits until its fields show, and returns what it found. */
  async function visit(screen: Screen, bypassCSP: boolean, events: string[]) {
    const base = journey.server().baseUrl;
    const context = await contextFor(screen.who, bypassCSP);
    const page = await context.newPage();
    // Generous: the check is about what renders, not how fast (CI machines are shared).
    page.setDefaultTimeout(60_000);
    page.setDefaultNavigationTimeout(90_000);
    journey.watch(page, `${screen.who} ${screen.path}`);
    page.on('dialog', (dialog) => {
      events.push(`[${screen.who} ${screen.path}] dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (msg) => {
      if (/Content[- ]Security[- ]Policy/i.test(msg.text())) events.push(`[${screen.who} ${screen.path}] console ${msg.type()}: ${msg.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    try {
      await page.goto(`${base}${screen.path}`, { waitUntil: 'domcontentloaded' });
      // The app shell (or the public page) has rendered; data screens then wait for their fields below.
      await page.locator('main, [data-testid], h1, h2').first().waitFor();
      if (!screen.shows.length) await page.waitForTimeout(1_500);
      if (screen.open) {
        await page.getByText(screen.shows[0]!).first().waitFor();
        await screen.open(page);
      }
      const deadline = Date.now() + 30_000;
      let found = await inspect(page);
      while (screen.shows.some((s) => !found.text.includes(s)) && Date.now() < deadline) {
        await page.waitForTimeout(250);
        found = await inspect(page);
      }
      await page.waitForTimeout(300); // let images fail to load and late effects run
      found = await inspect(page);
      return { page, found, missing: screen.shows.filter((s) => !found.text.includes(s)) };
    } catch (error) {
      await screenshot(page, `xss-error-${screen.who}-${screen.path.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png`).catch(() => undefined);
      throw error;
    }
  }

  it('renders every payload as text: nothing runs even with the CSP bypassed', async () => {
    const events: string[] = [];
    const problems: string[] = [];
    const shown = new Set<string>();
    let pairs = 0;
    await eachScreen(async (screen) => {
      const { page, found, missing } = await visit(screen, true, events);
      const where = `${screen.who} ${screen.path}`;
      if (missing.length) problems.push(`${where}: tidak tampil ${missing.join(', ')}`);
      for (const tag of fields) {
        if (!found.text.includes(mark(tag))) continue;
        shown.add(tag);
        pairs++;
      }
      if (found.xss !== undefined) problems.push(`${where}: window.__xss = ${String(found.xss)}`);
      if (found.handlers.length) problems.push(`${where}: atribut on…: ${found.handlers.join(' | ')}`);
      if (found.badLinks.length) problems.push(`${where}: tautan berbahaya: ${found.badLinks.join(' | ')}`);
      if (found.frames.length) problems.push(`${where}: frame/objek: ${found.frames.join(' | ')}`);
      if (found.scripts.length) problems.push(`${where}: skrip sisipan: ${found.scripts.join(' | ')}`);
      if (found.imgX) problems.push(`${where}: ${found.imgX} <img src=x> dari isian`);
      for (const href of found.external) if (!/^https?:\/\//.test(href)) problems.push(`${where}: tautan keluar bukan http(s): ${href}`);
      if (problems.some((p) => p.startsWith(where))) await screenshot(page, `xss-${screen.who}-${screen.path.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png`).catch(() => undefined);
      await page.close();
    });
    // Every seeded field was seen on at least one screen.
    const unseen = [...fields].filter((f) => !shown.has(f));
    if (unseen.length) problems.push(`isian yang tidak tampil di layar mana pun: ${unseen.join(', ')}`);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(events, events.join('\n')).toEqual([]);
    expect(pageErrors, pageErrors.join('\n')).toEqual([]);
    console.info(`stored XSS: ${fields.size} isian, ${screens.length} layar, ${pairs} pasangan isian×layar tampil (${screens.reduce((n, s) => n + s.shows.length, 0)} diwajibkan)`);
  }, 1_200_000);

  it('runs every screen under the server’s Content-Security-Policy without a violation', async () => {
    const base = journey.server().baseUrl;
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const events: string[] = [];
    await eachScreen(async (screen) => {
      const { page } = await visit(screen, false, events);
      await page.close();
    });
    // The public form solves its proof of work in a worker: submit-ready means the worker ran under the CSP.
    expect(events, events.join('\n')).toEqual([]);
    for (const context of contexts.values()) await (await context).close().catch(() => undefined);
  }, 1_200_000);
});
