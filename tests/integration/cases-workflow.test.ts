/**
 * The case workflow end to end through the API: the date rule (kode etik vs disiplin), every
 * transition and its documents, and the refusals the Satgas and the PPK meet when they skip a step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, TestClient } from '../support/harness.js';
import { isoDay } from '../support/pledge-fixtures.js';
import { act, createCase, detail, documentText, pdfText, pnsIn, sqlRows, startCaseWorld, step, type CaseWorld } from '../support/case-fixtures.js';

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe(`case workflow on ${TEST_DB}`, () => {
  let w: CaseWorld;
  beforeAll(async () => {
    w = await startCaseWorld();
  });
  afterAll(() => w.t.close());

  it('proposes KE-4 (moral) for a like the day before penetapan and D-6 (berat) for the same like on the day', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pendidikan%');
    const before = await createCase(w, { actDate: dayBefore(w.penetapan), subjects: [{ employeeId: subject.id }] });
    const onDay = await createCase(w, { actDate: w.penetapan, subjects: [{ employeeId: subject.id }] });
    const a = await detail(w.satgas, before.id);
    const b = await detail(w.satgas, onDay.id);
    expect(a.proposal).toMatchObject({ list: 'kode_etik', itemCode: 'KE-4', tier: 'moral' });
    expect(a.subjects[0].proposedItemCode).toBe('KE-4');
    expect(b.proposal).toMatchObject({ list: 'disiplin', itemCode: 'D-6', tier: 'berat' });
    expect(b.subjects[0].proposedItemCode).toBe('D-6');
    // The same employee's other case shows as an earlier case (repeat offences are visible).
    expect(b.subjects[0].earlierCases.map((c: { number: string }) => c.number)).toContain(before.number);
  });

  it('walks a kode etik case from registration to the executed moral sanction, issuing every letter', async () => {
    const subject = await pnsIn(w.t, 'Dinas Kesehatan%');
    const c = await createCase(w, { actDate: dayBefore(w.penetapan), subjects: [{ employeeId: subject.id }] });
    expect(c.number).toMatch(/^KS-\d{4}-\d{4}$/);
    let d = await detail(w.satgas, c.id);
    expect(d.state).toBe('registered');
    expect(d.dueOn).toBeTruthy();
    expect(d.allowedActions).toContain('start_verification');
    expect(d.allowedActions).not.toContain('decide');
    const sid = d.subjects[0].id;

    await step(w.satgas, c.id, { action: 'start_verification' });
    await step(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'KE-4', tier: 'moral' }] });
    await step(w.satgas, c.id, { action: 'summon', subjectId: sid, summonsNo: 1, appearOn: isoDay(3), appearTime: '09.00', place: 'Ruang Rapat BKPSDM' });
    await step(w.satgas, c.id, { action: 'record_clarification', subjectId: sid, heldOn: isoDay(0), statement: 'Saya mengakui menyukai unggahan tersebut tanpa bermaksud mendukung.', attendees: ['Kepala Bidang Pelayanan'] });
    const afterClar = await step(w.satgas, c.id, { action: 'finish_clarification' });
    expect(afterClar.state).toBe('conclusion'); // a moral tier needs no Tim Pemeriksa
    await step(w.satgas, c.id, { action: 'conclude', findings: [{ subjectId: sid, finding: 'proven', reason: 'Tangkapan layar dan pengakuan pegawai.' }] });
    const rec = await step(w.satgas, c.id, { action: 'recommend', recommendations: [{ subjectId: sid, tier: 'moral', reasoning: 'Pelanggaran pertama, tahap bakal calon.' }] });
    expect(rec.state).toBe('awaiting_ppk');

    // The PPK board shows it waiting.
    const board = await w.ppk.get('/api/cases/ppk-board');
    expect(board.status).toBe(200);
    expect(board.body.waiting.map((x: { caseNumber: string }) => x.caseNumber)).toContain(c.number);

    const decided = await step(w.ppk, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'pernyataan_terbuka', skNumber: '800.1.6.4/77/2026', skDate: isoDay(0) }] });
    expect(decided.state).toBe('follow_up');
    const closed = await step(w.satgas, c.id, { action: 'record_follow_up', executions: [{ subjectId: sid, executedOn: isoDay(0), note: 'Dibacakan pada apel pagi.', idisRecordedOn: isoDay(0) }] });
    expect(closed.state).toBe('closed');

    // The board counts the decision in the PPK's follow-up rate; search finds the case by name prefix and number.
    const rates = (await w.ppk.get('/api/cases/ppk-board')).body.rates as { recommended: number; decided: number; followUpRate: number }[];
    expect(rates.reduce((n, r) => n + r.decided, 0)).toBeGreaterThanOrEqual(1);
    const surname = subject.name.replace(/^[^A-Za-z]*/, '').split(/[ ,]/)[0]!;
    expect((await w.satgas.get(`/api/cases?state=all&q=${encodeURIComponent(surname.slice(0, 4))}`)).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await w.satgas.get(`/api/cases?state=all&q=${c.number}`)).body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    d = await detail(w.satgas, c.id);
    expect(d.closeReason).toBe('executed');
    expect(d.subjects[0]).toMatchObject({ itemCode: 'KE-4', tier: 'moral', finding: 'proven', recommendedTier: 'moral', sanction: 'pernyataan_terbuka', skNumber: '800.1.6.4/77/2026' });
    const kinds = d.documents.map((x: { kind: string }) => x.kind);
    expect(kinds).toEqual(expect.arrayContaining(['surat_panggilan', 'ba_klarifikasi', 'laporan_hasil_pemeriksaan', 'surat_rekomendasi', 'draft_sk']));

    // Every document renders with the case's facts in it.
    for (const doc of d.documents) {
      const text = (await documentText(w.satgas, c.id, doc.id)).replace(/\s+/g, ' ');
      expect(text).toContain(subject.name.split(',')[0]!.trim());
      if (doc.kind !== 'draft_sk') expect(text).toContain(doc.number);
    }
    const summons = d.documents.find((x: { kind: string }) => x.kind === 'surat_panggilan');
    expect((await documentText(w.satgas, c.id, summons.id)).replace(/\s+/g, ' ')).toContain(subject.idNumber);
    const finalSk = d.documents.filter((x: { kind: string }) => x.kind === 'draft_sk').at(-1);
    expect((await documentText(w.satgas, c.id, finalSk.id)).replace(/\s+/g, ' ')).toMatch(/Pernyataan secara terbuka/i);

    // The bundle holds every document and the evidence index; the export has the BKN/Bawaslu row.
    const bundle = await w.satgas.get(`/api/cases/${c.id}/bundle`);
    expect(bundle.status).toBe(200);
    expect(pdfText(bundle.raw)).toContain(c.number);
    const csv = await w.satgas.get('/api/cases/export?format=csv&state=closed');
    expect(csv.status).toBe(200);
    expect(csv.raw.toString('utf8')).toContain(c.number);
    const xlsx = await w.satgas.get('/api/cases/export?format=xlsx');
    expect(xlsx.raw.subarray(0, 2).toString()).toBe('PK');

    // Every read of the case is in the audit log; the history is append-only in the database itself.
    const reads = await sqlRows<{ n: number }>(w.t, `select count(*)::int as n from audit_event where action = 'case.read' and entity_id = '${c.id}'`);
    expect(reads[0]!.n).toBeGreaterThan(0);
    for (const statement of [`update case_event set reason = 'x' where case_id = '${c.id}'`, `delete from case_event where case_id = '${c.id}'`]) {
      const error = await w.t.deps.db.execute(statement as never).then(() => null, (e: Error & { cause?: Error }) => e);
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
    }
  });

  it('sends a disiplin (berat) case through the Tim Pemeriksa and refuses a sanction outside the tier', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pekerjaan Umum%');
    const c = await createCase(w, { actDate: w.penetapan, subjects: [{ employeeId: subject.id }] });
    const sid = (await detail(w.satgas, c.id)).subjects[0].id;
    await step(w.satgas, c.id, { action: 'start_verification' });
    await step(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'D-6', tier: 'berat' }] });
    // Both summonses ignored: the decision may be taken on the evidence.
    await step(w.satgas, c.id, { action: 'summon', subjectId: sid, summonsNo: 1, appearOn: isoDay(2), appearTime: '09.00', place: 'BKPSDM' });
    const early = await act(w.satgas, c.id, { action: 'summon', subjectId: sid, summonsNo: 2, appearOn: isoDay(9), appearTime: '09.00', place: 'BKPSDM' });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('CASE_REQUIREMENT');
    await step(w.satgas, c.id, { action: 'record_absence', subjectId: sid, summonsNo: 1 });
    await step(w.satgas, c.id, { action: 'summon', subjectId: sid, summonsNo: 2, appearOn: isoDay(9), appearTime: '09.00', place: 'BKPSDM' });
    const tooSoon = await act(w.satgas, c.id, { action: 'finish_clarification' });
    expect(tooSoon.status).toBe(422);
    await step(w.satgas, c.id, { action: 'record_absence', subjectId: sid, summonsNo: 2 });
    expect((await step(w.satgas, c.id, { action: 'finish_clarification' })).state).toBe('examination');

    const noTeam = await act(w.satgas, c.id, { action: 'record_bap', subjectId: sid, heldOn: isoDay(0), questions: [{ q: 'Apakah Saudara menyukai unggahan itu?', a: 'Ya.' }], signedByExamined: true });
    expect(noTeam.status).toBe(422);
    const partialTeam = await act(w.satgas, c.id, { action: 'form_examination_team', members: [{ name: 'A', title: 'Kepala Dinas', role: 'atasan_langsung' }, { name: 'B', title: 'Auditor', role: 'pengawasan' }, { name: 'C', title: 'Auditor 2', role: 'pengawasan' }] });
    expect(partialTeam.status).toBe(422);
    await step(w.satgas, c.id, { action: 'form_examination_team', members: [{ name: 'Ir. Atasan Langsung', title: 'Kepala Dinas Pekerjaan Umum', role: 'atasan_langsung' }, { name: 'Drs. Pengawas', title: 'Inspektur Pembantu II', role: 'pengawasan' }, { name: 'Kepegawaian, S.Sos.', title: 'Kepala Bidang Disiplin BKPSDM', role: 'kepegawaian' }] });
    const refusedSign = await act(w.satgas, c.id, { action: 'record_bap', subjectId: sid, heldOn: isoDay(0), questions: [{ q: 'Apakah Saudara menyukai unggahan itu?', a: 'Ya.' }], signedByExamined: false });
    expect(refusedSign.status).toBe(400);
    await step(w.satgas, c.id, { action: 'record_bap', subjectId: sid, heldOn: isoDay(0), questions: [{ q: 'Apakah Saudara menyukai unggahan itu?', a: 'Ya, saya menyukainya.' }], signedByExamined: false, refusalNote: 'Pegawai menolak menandatangani BAP.' });
    await step(w.satgas, c.id, { action: 'finish_examination' });
    await step(w.satgas, c.id, { action: 'conclude', findings: [{ subjectId: sid, finding: 'proven', reason: 'Terbukti dari BAP dan tangkapan layar.' }] });

    // Deciding before a recommendation is refused (wrong state), and only the PPK decides.
    const tooEarly = await act(w.ppk, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'pdhtaps', skNumber: '1', skDate: isoDay(0) }] });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('CASE_TRANSITION');
    await step(w.satgas, c.id, { action: 'recommend', recommendations: [{ subjectId: sid, tier: 'berat', reasoning: 'Menyukai unggahan kampanye calon setelah penetapan.' }] });
    const bySatgas = await act(w.satgas, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'pdhtaps', skNumber: '1', skDate: isoDay(0) }] });
    expect(bySatgas.status).toBe(403);
    const future = await act(w.ppk, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'pdhtaps', skNumber: '800/1/2026', skDate: isoDay(30) }] });
    expect(future.status).toBe(400);
    expect(future.body.error.details.skDate).toMatch(/setelah hari ini/);
    const outside = await act(w.ppk, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'potong_tpp_25_6_bulan', skNumber: '800/1/2026', skDate: isoDay(0) }] });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('SANCTION_OUTSIDE_TIER');
    expect(outside.body.error.message).toMatch(/berat/i);
    await step(w.ppk, c.id, { action: 'decide', decisions: [{ subjectId: sid, sanction: 'jabatan_pelaksana_12_bulan', skNumber: '800.1.6.4/91/2026', skDate: isoDay(0) }] });
    const d = await detail(w.satgas, c.id);
    expect(d.state).toBe('follow_up');
    const bap = d.documents.find((x: { kind: string }) => x.kind === 'bap');
    expect((await documentText(w.satgas, c.id, bap.id)).replace(/\s+/g, ' ')).toContain('menolak menandatangani');
    const second = d.documents.filter((x: { kind: string }) => x.kind === 'surat_panggilan').at(-1);
    expect((await documentText(w.satgas, c.id, second.id)).replace(/\s+/g, ' ')).toMatch(/PANGGILAN II/i);
  });

  it('refuses skipped steps, stale versions and a departure from the proposal without a reason', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pendidikan%', 1);
    const c = await createCase(w, { actDate: w.penetapan, subjects: [{ employeeId: subject.id }] });
    const d = await detail(w.satgas, c.id);
    const sid = d.subjects[0].id;
    const skip = await act(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'D-6', tier: 'berat' }] });
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ code: 'CASE_TRANSITION' });
    expect(skip.body.error.message).toMatch(/Terdaftar/);

    await step(w.satgas, c.id, { action: 'start_verification' });
    // A stale version (someone else changed the case) is refused with who changed it.
    const stale = await act(w.satgas, c.id, { action: 'request_info', message: 'x' }, d.version);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CASE_CONFLICT');
    expect(stale.body.error.details.currentVersion).toBe(d.version + 1);

    const noReason = await act(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'D-2', tier: 'berat' }] });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toMatch(/alasan/);
    const unknownItem = await act(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'X-99', tier: 'berat' }] });
    expect(unknownItem.status).toBe(400);
    const withReason = await act(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'D-2', tier: 'berat', overrideReason: 'Bukan sekadar menyukai: pegawai membuat konten kampanye sendiri.' }] });
    expect(withReason.status).toBe(200);
    const after = await detail(w.satgas, c.id);
    expect(after.subjects[0]).toMatchObject({ itemCode: 'D-2', proposedItemCode: 'D-6', overrideReason: expect.stringContaining('konten') });
    // No request_info without a report: there is no reporter to ask.
    const ask = await act(w.satgas, c.id, { action: 'request_info', message: 'Mohon kirim tautan unggahan.' });
    expect(ask.status).toBe(422);
    // Bad input leaves nothing behind.
    const events = (await detail(w.satgas, c.id)).events.length;
    const bad = await w.satgas.post(`/api/cases/${c.id}/actions`, { action: 'summon', expectedVersion: after.version, subjectId: sid, summonsNo: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await detail(w.satgas, c.id)).events.length).toBe(events);
  });

  it('withdraws a record as a new event; the withdrawn clarification no longer counts', async () => {
    const subject = await pnsIn(w.t, 'Dinas Kesehatan%', 1);
    const c = await createCase(w, { actDate: dayBefore(w.penetapan), subjects: [{ employeeId: subject.id }] });
    const sid = (await detail(w.satgas, c.id)).subjects[0].id;
    await step(w.satgas, c.id, { action: 'start_verification' });
    await step(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'KE-4', tier: 'moral' }] });
    await step(w.satgas, c.id, { action: 'record_clarification', subjectId: sid, heldOn: isoDay(0), statement: 'Keterangan yang keliru dicatat.', attendees: [] });
    let d = await detail(w.satgas, c.id);
    const clar = d.events.find((e: { kind: string }) => e.kind === 'record_clarification');
    const transition = d.events.find((e: { kind: string }) => e.kind === 'verify');
    const cannot = await w.satgas.post(`/api/cases/${c.id}/corrections`, { expectedVersion: d.version, correctsSeq: transition.seq, kind: 'withdrawal', reason: 'x' });
    expect(cannot.status).toBe(422);
    const withdrawn = await w.satgas.post(`/api/cases/${c.id}/corrections`, { expectedVersion: d.version, correctsSeq: clar.seq, kind: 'withdrawal', reason: 'Dicatat pada kasus yang salah.' });
    expect(withdrawn.status).toBe(200);
    d = await detail(w.satgas, c.id);
    expect(d.events.find((e: { seq: number }) => e.seq === clar.seq).data.statement).toBe('Keterangan yang keliru dicatat.'); // the original stays
    expect(d.subjects[0].progress.clarified).toBe(false);
    expect((await act(w.satgas, c.id, { action: 'finish_clarification' })).status).toBe(422);
  });

  it('routes a kepala desa out with a letter instead of processing ASN discipline', async () => {
    const c = await createCase(w, { subjects: [{ name: 'Sutrisno', position: 'Kepala Desa Sukamaju', unitName: 'Desa Sukamaju', track: 'desa' }] });
    const sid = (await detail(w.satgas, c.id)).subjects[0].id;
    await step(w.satgas, c.id, { action: 'start_verification' });
    const verify = await act(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'D-6', tier: 'berat' }] });
    expect(verify.status).toBe(422);
    expect(verify.body.error.message).toMatch(/desa/i);
    const routed = await step(w.satgas, c.id, { action: 'route_out', target: 'dpmd', reason: 'Kepala desa bukan ASN Pemda; ditangani DPMD dan Bawaslu.' });
    expect(routed.state).toBe('closed');
    const d = await detail(w.satgas, c.id);
    expect(d.closeReason).toBe('routed_out');
    const letter = d.documents.find((x: { kind: string }) => x.kind === 'surat_penerusan');
    const text = (await documentText(w.satgas, c.id, letter.id)).replace(/\s+/g, ' ');
    expect(text).toContain('Sutrisno');
    expect(text).toMatch(/Pemberdayaan Masyarakat/);
  });

  it('refuses routing out a Pemda employee', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pendidikan%', 2);
    const c = await createCase(w, { subjects: [{ employeeId: subject.id }] });
    await step(w.satgas, c.id, { action: 'start_verification' });
    const res = await act(w.satgas, c.id, { action: 'route_out', target: 'bawaslu', reason: 'x' });
    expect(res.status).toBe(422);
  });

  it('forwards to Bawaslu and takes the case back with its result', async () => {
    const subject = await pnsIn(w.t, 'Dinas Pendidikan%', 3);
    const c = await createCase(w, { subjects: [{ employeeId: subject.id }] });
    await step(w.satgas, c.id, { action: 'start_verification' });
    const fwd = await step(w.satgas, c.id, { action: 'forward', target: 'bawaslu', mode: 'handover', reason: 'Beririsan dengan tahapan kampanye: kajian Bawaslu.' });
    expect(fwd.state).toBe('forwarded');
    const back = await step(w.satgas, c.id, { action: 'receive_external', result: 'returned', letterNumber: '123/PM.01/K.JT-01/11/2026', letterDate: isoDay(0), summary: 'Bawaslu merekomendasikan penanganan pelanggaran netralitas oleh PPK.' });
    expect(back.state).toBe('verification');
    const d = await detail(w.satgas, c.id);
    expect(d.documents.map((x: { kind: string }) => x.kind)).toContain('surat_penerusan');
  });

  it('merges a case into another: reports, subjects and evidence move; the source closes', async () => {
    const s1 = await pnsIn(w.t, 'Dinas Pendidikan%', 4);
    const s2 = await pnsIn(w.t, 'Dinas Kesehatan%', 2);
    const target = await createCase(w, { subjects: [{ employeeId: s1.id }] });
    const source = await createCase(w, { subjects: [{ employeeId: s1.id }, { employeeId: s2.id }] });
    const merged = await step(w.satgas, source.id, { action: 'merge', targetCaseId: target.id, reason: 'Perbuatan dan terlapor yang sama.' });
    expect(merged.state).toBe('closed');
    const src = await detail(w.satgas, source.id);
    expect(src.closeReason).toBe('merged');
    expect(src.mergedInto).toMatchObject({ id: target.id, number: target.number });
    const dst = await detail(w.satgas, target.id);
    expect(dst.subjects.map((s: { employeeId: string }) => s.employeeId).sort()).toEqual([s1.id, s2.id].sort());
    expect(dst.events.map((e: { kind: string }) => e.kind)).toContain('merged_from');
    const self = await act(w.satgas, target.id, { action: 'merge', targetCaseId: target.id, reason: 'x' });
    expect(self.status).toBe(422);
  });

  it('keeps cases away from pegawai and pimpinan unit; the PPK reads', async () => {
    const c = await createCase(w);
    const pimpinan = new TestClient(w.t);
    await pimpinan.login('pimpinan.disdik');
    expect((await pimpinan.get('/api/cases')).status).toBe(403);
    expect((await pimpinan.get(`/api/cases/${c.id}`)).status).toBe(403);
    const employee = new TestClient(w.t);
    await employee.loginEmployee(w.demo.employeeLogin.idNumber);
    expect((await employee.get(`/api/cases/${c.id}`)).status).toBe(403);
    expect((await new TestClient(w.t).get('/api/cases')).status).toBe(401);
    expect((await w.ppk.get(`/api/cases/${c.id}`)).status).toBe(200);
    expect((await w.ppk.post('/api/cases', { origin: 'temuan_patroli', title: 'x', summary: 'y' })).status).toBe(403);
    const missingLetter = await w.satgas.post('/api/cases', { origin: 'rekomendasi_bawaslu', title: 'Rekomendasi', summary: 'Rekomendasi Bawaslu' });
    expect(missingLetter.status).toBe(400);
    expect(missingLetter.body.error.details.originRef).toBeTruthy();
  });

  it('keeps a contest that cases point at: renaming or re-dating it keeps its id, dropping it is refused', async () => {
    await createCase(w);
    const view = (await w.admin.get(`/api/elections/${w.event.id}`)).body;
    const { id: _id, ...body } = view;
    // Sent without ids, the contests would be new ones and the old one dropped: refused, nothing changed.
    const dropped = await w.admin.request({ method: 'PUT', url: `/api/elections/${w.event.id}`, payload: { ...body, contests: body.contests.map(({ id: _c, ...c }: { id: string }) => c) } });
    expect(dropped.status).toBe(409);
    expect(dropped.body.error).toMatchObject({ code: 'CONFLICT', details: { contests: expect.stringMatching(/tidak dapat dihapus/) } });
    expect((await w.admin.get(`/api/elections/${w.event.id}`)).body.contests.map((c: { id: string }) => c.id)).toEqual(view.contests.map((c: { id: string }) => c.id));
    // The same contest renamed keeps working for its cases.
    const renamed = await w.admin.request({ method: 'PUT', url: `/api/elections/${w.event.id}`, payload: { ...body, contests: body.contests.map((c: { name: string }) => ({ ...c, name: `${c.name} (diperbarui)` })) } });
    expect(renamed.status).toBe(200);
    const c = await createCase(w);
    expect((await w.satgas.get(`/api/cases/${c.id}`)).status).toBe(200);
  });

  it("follows the tenant's workflow setting: a tenant that also examines moral cases sends them to the Tim Pemeriksa", async () => {
    const settings = (await w.admin.get('/api/case-settings')).body;
    expect(settings.examinationTiers).toEqual(['sedang', 'berat', 'ptdh']);
    const { updatedAt: _u, updatedByName: _n, defaultStepDays: _d, requiredExaminationTiers: _r, ...body } = settings;
    // The legal minimum cannot be dropped; a change of the route needs a reason.
    const dropped = await w.admin.request({ method: 'PUT', url: '/api/case-settings', payload: { ...body, examinationTiers: ['berat', 'ptdh'], reason: 'Percobaan' } });
    expect(dropped.status).toBe(400);
    expect(dropped.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: '/examinationTiers', message: expect.stringMatching(/PP 94/) }] } });
    const noReason = await w.admin.request({ method: 'PUT', url: '/api/case-settings', payload: { ...body, examinationTiers: ['moral', 'sedang', 'berat', 'ptdh'] } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error).toMatchObject({ code: 'REASON_REQUIRED', details: { examinationChanged: true } });
    const saved = await w.admin.request({ method: 'PUT', url: '/api/case-settings', payload: { ...body, examinationTiers: ['ptdh', 'moral', 'sedang', 'berat'], reason: 'Keputusan rapat Satgas: semua kasus diperiksa.' } });
    expect(saved.status).toBe(200);
    expect(saved.body.examinationTiers).toEqual(['moral', 'sedang', 'berat', 'ptdh']);

    try {
      const subject = await pnsIn(w.t, 'Dinas Pendidikan%');
      const c = await createCase(w, { actDate: dayBefore(w.penetapan), subjects: [{ employeeId: subject.id }] });
      const sid = (await detail(w.satgas, c.id)).subjects[0].id;
      await step(w.satgas, c.id, { action: 'start_verification' });
      await step(w.satgas, c.id, { action: 'verify', subjects: [{ subjectId: sid, itemCode: 'KE-4', tier: 'moral' }] });
      await step(w.satgas, c.id, { action: 'summon', subjectId: sid, summonsNo: 1, appearOn: isoDay(3), appearTime: '09.00', place: 'Ruang Rapat BKPSDM' });
      await step(w.satgas, c.id, { action: 'record_clarification', subjectId: sid, heldOn: isoDay(0), statement: 'Saya menyukai unggahan itu.', attendees: [] });
      expect((await step(w.satgas, c.id, { action: 'finish_clarification' })).state).toBe('examination');
      // The event keeps the setting in force, so the route is explained after the setting changes again.
      const [event] = await sqlRows<{ data: { examinationTiers: string[]; examinedSubjects: string[] } }>(
        w.t,
        `select data from case_event where case_id = '${c.id}' and kind = 'finish_clarification'`,
      );
      expect(event!.data).toMatchObject({ examinationTiers: ['moral', 'sedang', 'berat', 'ptdh'], examinedSubjects: [sid] });
      expect((await act(w.satgas, c.id, { action: 'finish_examination' })).status).toBe(422);
    } finally {
      const restored = await w.admin.request({ method: 'PUT', url: '/api/case-settings', payload: { ...body, reason: 'Kembali ke ketentuan PP 94/2021.' } });
      expect(restored.body.examinationTiers).toEqual(['sedang', 'berat', 'ptdh']);
    }
  });
});
