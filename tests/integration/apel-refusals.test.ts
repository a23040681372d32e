import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { apelBody, jakartaDay, jpegWithExif, plainPng, setupApelCampaign } from '../support/apel-fixtures.js';
import { createEvent } from '../support/pledge-fixtures.js';

type Setup = Awaited<ReturnType<typeof setupApelCampaign>>;
interface RosterEmployee { id: string; name: string }

describe(`apel reports refuse bad input and leave nothing behind on ${TEST_DB}`, () => {
  let t: TestApp;
  let tenantId: string;
  let admin: TestClient;
  let pimpinan: TestClient;
  let s: Setup;
  let reportId: string;
  let roster: RosterEmployee[];

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 150)).tenantId;
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    s = await setupApelCampaign(admin);
    const created = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.schools[0]!.id));
    reportId = created.body.id;
    roster = (await pimpinan.get(`/api/campaigns/${s.campaign.id}/apel/roster?unitId=${s.schools[0]!.id}`)).body.employees;
  });
  afterAll(() => t.close());

  const count = async (query: string) => Number(((await t.deps.db.execute(query as never)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
  const photoFilesOnDisk = () => {
    const dir = join(t.dataDir, 'files', tenantId, 'apel_photo');
    return existsSync(dir) ? readdirSync(dir).length : 0;
  };
  const putAttendance = (client: TestClient, id: string, entries: { employeeId: string; status: string }[]) => client.request({ method: 'PUT', url: `/api/apel/${id}/attendance`, payload: { entries } });

  it('refuses apel dates outside the campaign, naming the limit', async () => {
    const before = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.schools[1]!.id, { heldOn: jakartaDay(-1) }));
    expect(before.status).toBe(400);
    expect(before.body.error.code).toBe('APEL_DATE_OUTSIDE_CAMPAIGN');
    expect(before.body.error.message).toContain('lebih awal dari dibuatnya kampanye');
    const after = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.schools[1]!.id, { heldOn: jakartaDay(30) }));
    expect(after.body.error.code).toBe('APEL_DATE_OUTSIDE_CAMPAIGN');
    expect(after.body.error.message).toContain('melewati batas');
    expect((await pimpinan.patch(`/api/apel/${reportId}`, { heldOn: jakartaDay(30) })).body.error.code).toBe('APEL_DATE_OUTSIDE_CAMPAIGN');
    expect(await count(`select count(*)::int as n from apel_report where unit_id = '${s.schools[1]!.id}'`)).toBe(0);
  });

  it('refuses units outside the cascade, outside the pimpinan subtree, a second report, and other roles', async () => {
    const bagian = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.bagian.id));
    expect(bagian.status).toBe(400);
    expect(bagian.body.error.code).toBe('APEL_UNIT_NOT_REQUIRED');
    const outside = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.kecamatan.id));
    expect(outside.status).toBe(403);
    expect((await pimpinan.get(`/api/campaigns/${s.campaign.id}/apel/roster?unitId=${s.kecamatan.id}`)).status).toBe(403);
    const twice = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.schools[0]!.id));
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.reportId).toBe(reportId);

    const satgas = new TestClient(t);
    await satgas.login('satgas');
    expect((await satgas.get(`/api/campaigns/${s.campaign.id}/apel`)).status).toBe(403);
    expect((await satgas.get(`/api/apel/${reportId}`)).status).toBe(403);
    expect((await satgas.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.schools[2]!.id))).status).toBe(403);
    expect((await satgas.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'a.png', content: await plainPng(), type: 'image/png' })).status).toBe(403);

    const event = await createEvent(admin);
    const draft = await admin.post('/api/campaigns', { eventId: event.id, name: 'Kampanye draf', signDeadline: jakartaDay(7), signingPlace: 'Contoh', apelUnitTypes: ['sekolah'] });
    const onDraft = await pimpinan.post(`/api/campaigns/${draft.body.id}/apel`, apelBody(s.schools[2]!.id));
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error.message).toContain('draf');
  });

  it('refuses a daftar hadir with outsiders, duplicates or missing roster members, naming them', async () => {
    const outsider = (await admin.get(`/api/employees?pageSize=200`)).body.items.find((e: { id: string }) => !roster.some((r) => r.id === e.id));
    const all = roster.map((r) => ({ employeeId: r.id, status: 'hadir' }));
    const withOutsider = await putAttendance(pimpinan, reportId, [...all, { employeeId: outsider.id, status: 'hadir' }]);
    expect(withOutsider.status).toBe(400);
    expect(withOutsider.body.error.code).toBe('APEL_ATTENDANCE_INVALID');
    expect(withOutsider.body.error.message).toContain(outsider.name);
    expect(withOutsider.body.error.details.notInRoster[0]).toMatchObject({ employeeId: outsider.id, name: outsider.name });

    const unknown = await putAttendance(pimpinan, reportId, [...all, { employeeId: '00000000-0000-4000-8000-000000000000', status: 'sakit' }]);
    expect(unknown.body.error.message).toContain('tidak dikenal');
    expect((await putAttendance(pimpinan, reportId, [...all, all[0]!])).body.error.code).toBe('APEL_ATTENDANCE_INVALID');
    expect((await putAttendance(pimpinan, reportId, [{ employeeId: roster[0]!.id, status: 'libur' }])).status).toBe(400);

    const missing = await putAttendance(pimpinan, reportId, all.slice(1));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(roster[0]!.name);
    expect(missing.body.error.message).toContain(`seluruh ${roster.length} pegawai`);
    expect(missing.body.error.details.missing).toEqual([{ employeeId: roster[0]!.id, name: roster[0]!.name }]);

    expect(await count(`select count(*)::int as n from apel_attendance where report_id = '${reportId}'`)).toBe(0);
    expect((await putAttendance(pimpinan, reportId, all)).status).toBe(200);
    // A refused replacement keeps the daftar hadir that was there.
    await putAttendance(pimpinan, reportId, all.slice(1));
    expect(await count(`select count(*)::int as n from apel_attendance where report_id = '${reportId}'`)).toBe(roster.length);
  });

  it('refuses oversized, non-image and broken photos without keeping a row or a file', async () => {
    const jpeg = await jpegWithExif();
    const huge = Buffer.concat([jpeg.subarray(0, jpeg.length - 2), Buffer.alloc(8 * 1024 * 1024), Buffer.from([0xff, 0xd9])]);
    const big = await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'besar.jpg', content: huge, type: 'image/jpeg' });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('8 MB');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const asPdf = await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'foto.jpg', content: pdf, type: 'image/jpeg' });
    expect(asPdf.status).toBe(415);
    expect(asPdf.body.error.code).toBe('FILE_TYPE_UNSUPPORTED');
    expect(asPdf.body.error.message).toContain('JPEG/PNG');
    const text = await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'foto.jpg', content: Buffer.from('ini bukan foto, hanya teks'), type: 'image/jpeg' });
    expect(text.status).toBe(415);
    const broken = await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'rusak.jpg', content: Buffer.concat([jpeg.subarray(0, 300), Buffer.alloc(200, 7)]), type: 'image/jpeg' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain('rusak');

    expect(await count(`select count(*)::int as n from apel_photo where report_id = '${reportId}'`)).toBe(0);
    expect(await count(`select count(*)::int as n from stored_file where purpose = 'apel_photo'`)).toBe(0);
    expect(photoFilesOnDisk()).toBe(0);
  });

  it('keeps at most ten photos per report', async () => {
    const png = await plainPng();
    for (let i = 0; i < 10; i++) expect((await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: `f${i}.png`, content: png, type: 'image/png' })).status).toBe(201);
    const eleventh = await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'f10.png', content: png, type: 'image/png' });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error.code).toBe('APEL_PHOTO_LIMIT');
    expect(await count(`select count(*)::int as n from apel_photo where report_id = '${reportId}'`)).toBe(10);
    expect(photoFilesOnDisk()).toBe(10);
  });

  it('refuses invalid transitions with a clear 409', async () => {
    const draftReturn = await admin.post(`/api/apel/${reportId}/return`, { note: 'Belum lengkap sama sekali.' });
    expect(draftReturn.status).toBe(409);
    expect(draftReturn.body.error).toMatchObject({ code: 'APEL_STATE', message: expect.stringContaining('berstatus draf') });
    expect((await admin.post(`/api/apel/${reportId}/accept`)).status).toBe(409);
    expect((await pimpinan.get(`/api/apel/${reportId}/berita-acara.pdf`)).status).toBe(404);

    expect((await pimpinan.post(`/api/apel/${reportId}/submit`)).status).toBe(200);
    const twice = await pimpinan.post(`/api/apel/${reportId}/submit`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('berstatus diajukan tidak dapat dikirim');
    expect((await pimpinan.multipart(`/api/apel/${reportId}/photos`, {}, { name: 'x.png', content: await plainPng(), type: 'image/png' })).status).toBe(409);
    expect((await putAttendance(pimpinan, reportId, roster.map((r) => ({ employeeId: r.id, status: 'hadir' })))).status).toBe(409);
    expect(photoFilesOnDisk()).toBe(10);
  });

  it('refuses to submit an apel dated in the future, however complete', async () => {
    const school = s.schools[2]!;
    const created = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(school.id, { heldOn: jakartaDay(2) }));
    expect(created.status).toBe(201);
    const members: RosterEmployee[] = (await pimpinan.get(`/api/campaigns/${s.campaign.id}/apel/roster?unitId=${school.id}`)).body.employees;
    await putAttendance(pimpinan, created.body.id, members.map((m) => ({ employeeId: m.id, status: 'hadir' })));
    await pimpinan.multipart(`/api/apel/${created.body.id}/photos`, {}, { name: 'a.png', content: await plainPng(), type: 'image/png' });
    const res = await pimpinan.post(`/api/apel/${created.body.id}/submit`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('belum terlaksana');
    expect(await count(`select count(*)::int as n from stored_file where purpose = 'berita_acara'`)).toBe(1);
    expect(await count(`select count(*)::int as n from apel_report where number is not null`)).toBe(1);
  });
});
