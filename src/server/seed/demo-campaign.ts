/** The demo's open pledge campaign: a Pilkada with its calendar, so the signing flow works on first start. */
import type { AppDeps } from '../deps.js';
import { systemContext } from '../lib/context.js';
import { createElectionEvent } from '../modules/elections/elections.service.js';
import { createCampaign, updateCampaign } from '../modules/pledges/campaigns.service.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoCampaign(deps: AppDeps, tenantId: string): Promise<void> {
  const ctx = systemContext(tenantId, 'sistem (data demo)');
  const event = await createElectionEvent(deps.db, ctx, {
    kind: 'pilkada',
    name: 'Pemilihan Bupati dan Wakil Bupati Contoh Tahun 2026',
    stages: [
      { kind: 'tahapan_mulai', startsOn: day(-90), endsOn: null },
      { kind: 'pendaftaran_calon', startsOn: day(-30), endsOn: day(-27) },
      { kind: 'penetapan_calon', startsOn: day(-7), endsOn: null },
      { kind: 'kampanye', startsOn: day(-3), endsOn: day(50) },
      { kind: 'pemungutan_suara', startsOn: day(54), endsOn: null },
      { kind: 'selesai', startsOn: day(80), endsOn: null },
    ],
    contests: [{ kind: 'bupati_walikota', name: 'Pemilihan Bupati dan Wakil Bupati Contoh', penetapanCalonOn: day(-7) }],
  });
  const campaign = await createCampaign(deps.db, ctx, {
    eventId: event.id,
    name: 'Ikrar dan Pakta Integritas Netralitas ASN Pilkada 2026',
    targetCategories: [],
    targetUnitIds: [],
    signDeadline: day(14),
    apelUnitTypes: ['dinas', 'badan', 'inspektorat', 'sekretariat_daerah', 'sekretariat_dprd', 'satpol_pp', 'kecamatan', 'kelurahan', 'uptd', 'rsud', 'sekolah'],
    apelReportDeadline: day(7),
    signingPlace: 'Contoh',
  });
  await updateCampaign(deps.db, ctx, campaign.id, { status: 'open' });
}
