/** Builds an election event and an open campaign through the API, as a BKPSDM admin would. */
import type { TestClient } from './harness.js';

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export async function createEvent(admin: TestClient) {
  const res = await admin.post('/api/elections', {
    kind: 'pilkada',
    name: 'Pemilihan Bupati dan Wakil Bupati Contoh 2026',
    stages: [
      { kind: 'tahapan_mulai', startsOn: isoDay(-60), endsOn: null },
      { kind: 'penetapan_calon', startsOn: isoDay(-10), endsOn: null },
      { kind: 'kampanye', startsOn: isoDay(-5), endsOn: isoDay(40) },
      { kind: 'pemungutan_suara', startsOn: isoDay(45), endsOn: null },
    ],
    contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati Contoh', penetapanCalonOn: isoDay(-10) }],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; contests: { id: string }[] };
}

export async function createOpenCampaign(admin: TestClient, overrides: Record<string, unknown> = {}) {
  const event = await createEvent(admin);
  const created = await admin.post('/api/campaigns', { eventId: event.id, name: 'Ikrar Netralitas ASN Pilkada 2026', signDeadline: isoDay(7), signingPlace: 'Contoh', apelReportDeadline: isoDay(7), ...overrides });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const opened = await admin.patch(`/api/campaigns/${created.body.id}`, { status: 'open' });
  if (opened.status !== 200) throw new Error(JSON.stringify(opened.body));
  return opened.body as { id: string; ikrar: { id: string; version: number }; pakta: { id: string; version: number; body: string }; targetCount: number; signedCount: number };
}
