import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, seedTenant, TEST_DB, TestClient, type TestApp } from '../support/harness.js';
import { apelBody, jakartaDay, jpegWithExif, plainPng, setupApelCampaign } from '../support/apel-fixtures.js';

type Setup = Awaited<ReturnType<typeof setupApelCampaign>>;
interface RosterEmployee { id: string; name: string }

describe(`apel reports: draft → submitted → accepted | returned on ${TEST_DB}`, () => {
  let t: TestApp;
  let admin: TestClient;
  let pimpinan: TestClient;
  let s: Setup;

  beforeAll(async () => {
    t = await startTestApp();
    await seedTenant(t, 'kab-contoh', 'Kabupaten Contoh', 150);
    admin = new TestClient(t);
    await admin.login('admin.bkpsdm');
    pimpinan = new TestClient(t);
    await pimpinan.login('pimpinan.disdik');
    s = await setupApelCampaign(admin);
  });
  afterAll(() => t.close());

  const rows = async (query: string) => ((await t.deps.db.execute(query as never)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const auditActions = async (entityId: string) => (await rows(`select action from audit_event where entity_id = '${entityId}' order by id`)).map((r) => r.action);

  async function fillAttendance(client: TestClient, reportId: string, unitId: string) {
    const roster = await client.get(`/api/campaigns/${s.campaign.id}/apel/roster?unitId=${unitId}`);
    expect(roster.status).toBe(200);
    const employees: RosterEmployee[] = roster.body.employees;
    const statuses = ['sakit', 'cuti', 'dinas_luar', 'tanpa_keterangan'];
    const entries = employees.map((e, i) => ({ employeeId: e.id, status: i === 0 || i > statuses.length ? 'hadir' : statuses[i - 1]! }));
    return { res: await client.request({ method: 'PUT', url: `/api/apel/${reportId}/attendance`, payload: { entries } }), employees };
  }

  it('lets the head of Dinas Pendidikan file, photograph and submit a school apel; BKPSDM accepts it', async () => {
    const school = s.schools[0]!;
    expect(school.employeeCount).toBeGreaterThanOrEqual(2);
    const created = await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(school.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', unitName: school.name, number: null, beritaAcaraUrl: null, can: { edit: true, submit: true, accept: false, return: false } });
    const id = created.body.id as string;

    const roster = await pimpinan.get(`/api/campaigns/${s.campaign.id}/apel/roster?unitId=${school.id}`);
    expect(roster.body.unit).toMatchObject({ id: school.id, mustHoldApel: true });
    expect(roster.body.employees.length).toBe(school.employeeCount);
    const { res: filled, employees } = await fillAttendance(pimpinan, id, school.id);
    expect(filled.status).toBe(200);
    expect(filled.body.counts.total).toBe(employees.length);
    expect(filled.body.counts.hadir + filled.body.counts.sakit + filled.body.counts.cuti + filled.body.counts.dinas_luar + filled.body.counts.tanpa_keterangan).toBe(employees.length);

    // Submitting without a photo is refused and changes nothing.
    const early = await pimpinan.post(`/api/apel/${id}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('APEL_INCOMPLETE');
    expect(early.body.error.message).toContain('foto');

    const jpeg = await jpegWithExif('2026:01:15 08:30:00');
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const uploaded = await pimpinan.multipart(`/api/apel/${id}/photos`, {}, { name: 'IMG_0001.jpg', content: jpeg, type: 'image/jpeg' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.photos).toHaveLength(1);
    // No zone in the EXIF: the camera's wall clock is read in the Pemda's zone (WIB, UTC+7).
    expect(uploaded.body.photos[0].capturedAt).toBe('2026-01-15T01:30:00.000Z');
    const [stored] = await rows(`select f.storage_path, f.mime_type, f.file_name, p.captured_at from apel_photo p join stored_file f on f.id = p.file_id where p.report_id = '${id}'`);
    const onDisk = readFileSync(String(stored!.storage_path));
    const meta = await sharp(onDisk).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(onDisk.includes(Buffer.from('KameraUji'))).toBe(false);
    expect(onDisk.includes(Buffer.from('Pemilik Ponsel'))).toBe(false);
    expect(stored!.file_name).not.toContain('IMG_0001');

    const served = await pimpinan.get(uploaded.body.photos[0].url);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(String(served.headers['content-disposition'])).toMatch(/^inline;/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.raw.equals(onDisk)).toBe(true);

    const submitted = await pimpinan.post(`/api/apel/${id}/submit`);
    expect(submitted.status).toBe(200);
    const year = jakartaDay(0).slice(0, 4);
    expect(submitted.body).toMatchObject({ status: 'submitted', number: `800/001/BA-NETRA/${year}`, can: { edit: false, submit: false, accept: false } });
    const pdf = await pimpinan.get(submitted.body.beritaAcaraUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await rows(`select purpose from stored_file where id = (select berita_acara_file_id from apel_report where id = '${id}')`)).toEqual([{ purpose: 'berita_acara' }]);

    // Frozen while BKPSDM reviews it.
    const edit = await pimpinan.patch(`/api/apel/${id}`, { place: 'Aula' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('APEL_STATE');
    expect((await pimpinan.post(`/api/apel/${id}/accept`)).status).toBe(403);

    expect((await admin.get(`/api/apel/${id}`)).body.can).toMatchObject({ accept: true, return: true });
    const accepted = await admin.post(`/api/apel/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const again = await admin.post(`/api/apel/${id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('diterima');

    expect(await auditActions(id)).toEqual(['apel.create', 'apel.attendance', 'apel.photo.add', 'apel.submit', 'apel.accept']);
  });

  it('returns a report with a note; the unit fixes it and resubmits under the same number', async () => {
    const school = s.schools[1]!;
    const id = (await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(school.id))).body.id as string;
    await fillAttendance(pimpinan, id, school.id);
    expect((await pimpinan.multipart(`/api/apel/${id}/photos`, {}, { name: 'apel.png', content: await plainPng(), type: 'image/png' })).status).toBe(201);
    const first = await pimpinan.post(`/api/apel/${id}/submit`);
    expect(first.body.number).toMatch(/^800\/002\/BA-NETRA\/\d{4}$/);

    expect((await admin.post(`/api/apel/${id}/return`, { note: '' })).status).toBe(400);
    const returned = await admin.post(`/api/apel/${id}/return`, { note: 'Foto belum memperlihatkan pembacaan ikrar; lengkapi.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: 'Foto belum memperlihatkan pembacaan ikrar; lengkapi.', can: { edit: true, submit: true } });
    expect((await admin.post(`/api/apel/${id}/accept`)).status).toBe(409);

    const withPhoto = await pimpinan.multipart(`/api/apel/${id}/photos`, {}, { name: 'ikrar.jpg', content: await jpegWithExif('2026:01:15 08:45:00'), type: 'image/jpeg' });
    expect(withPhoto.body.photos).toHaveLength(2);
    const removed = await pimpinan.request({ method: 'DELETE', url: `/api/apel/${id}/photos/${withPhoto.body.photos[0].fileId}` });
    expect(removed.status).toBe(200);
    expect(removed.body.photos).toHaveLength(1);
    expect((await pimpinan.patch(`/api/apel/${id}`, { place: 'Aula sekolah' })).body.place).toBe('Aula sekolah');

    const resubmitted = await pimpinan.post(`/api/apel/${id}/submit`);
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'submitted', number: first.body.number });
    expect(resubmitted.body.beritaAcaraUrl).toBeTruthy();
    expect((await admin.post(`/api/apel/${id}/accept`)).body.status).toBe('accepted');
    expect(await auditActions(id)).toEqual(['apel.create', 'apel.attendance', 'apel.photo.add', 'apel.submit', 'apel.return', 'apel.photo.add', 'apel.photo.remove', 'apel.update', 'apel.resubmit', 'apel.accept']);
  });

  it('lists reports per actor: admin sees all, the pimpinan only their subtree', async () => {
    const kec = await admin.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(s.kecamatan.id, { place: 'Kantor Camat' }));
    expect(kec.status).toBe(201);
    const all = await admin.get(`/api/campaigns/${s.campaign.id}/apel`);
    expect(all.body.items.map((i: { unitId: string }) => i.unitId)).toEqual(expect.arrayContaining([s.kecamatan.id, s.schools[0]!.id, s.schools[1]!.id]));
    const mine = await pimpinan.get(`/api/campaigns/${s.campaign.id}/apel`);
    expect(mine.body.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual([s.schools[0]!.id, s.schools[1]!.id].sort());
    expect(mine.body.items[0]).toMatchObject({ photoCount: expect.any(Number), counts: { total: expect.any(Number) } });
    expect((await pimpinan.get(`/api/apel/${kec.body.id}`)).status).toBe(403);
  });

  it('numbers concurrent submissions one after the other, never twice the same', async () => {
    const ids: string[] = [];
    for (const school of [s.schools[2]!, s.schools[3]!]) {
      const id = (await pimpinan.post(`/api/campaigns/${s.campaign.id}/apel`, apelBody(school.id))).body.id as string;
      await fillAttendance(pimpinan, id, school.id);
      await pimpinan.multipart(`/api/apel/${id}/photos`, {}, { name: 'a.png', content: await plainPng(), type: 'image/png' });
      ids.push(id);
    }
    const [a, b] = await Promise.all([pimpinan.post(`/api/apel/${ids[0]}/submit`), admin.post(`/api/apel/${ids[1]}/submit`)]);
    expect([a!.status, b!.status]).toEqual([200, 200]);
    const year = jakartaDay(0).slice(0, 4);
    expect([a!.body.number, b!.body.number].sort()).toEqual([`800/003/BA-NETRA/${year}`, `800/004/BA-NETRA/${year}`]);
  });
});
