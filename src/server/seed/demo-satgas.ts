/**
 * The demo's Satgas Netralitas ASN (SK Bupati, structure after Kab. Kuningan in domain.md §2.1) and the
 * 2026 cuti bersama, so case handling works on first start. Members are the demo's real unit heads
 * where the unit exists; three members act through the demo accounts. Idempotent.
 */
import type { DbOrTx } from '../db/client.js';
import { systemContext } from '../lib/context.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { findUserByUsername } from '../modules/auth/auth.repository.js';
import { insertTenantHolidayIfAbsent } from '../modules/case-settings/case-settings.repository.js';
import { findDecreeByNumber, insertDecree, replaceMembers } from '../modules/satgas/satgas.repository.js';
import { listUnits } from '../modules/units/units.repository.js';
import type { SatgasPosition } from '../../shared/case-workflow.js';

export const DEMO_SATGAS_NUMBER = '800.1.6.4/123/2026';

/** Cuti bersama 2026 per the SKB 3 Menteri [K: as announced; check on JDIH]. */
const CUTI_BERSAMA_2026: [string, string][] = [
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-20', 'Cuti bersama Idul Fitri'],
  ['2026-03-23', 'Cuti bersama Idul Fitri'],
  ['2026-03-24', 'Cuti bersama Idul Fitri'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
  ['2026-05-28', 'Cuti bersama Idul Adha'],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal'],
];

interface MemberPlan {
  position: SatgasPosition;
  /** Unit whose head is the member (when the demo has it and it has a head). */
  unit?: string;
  fallbackName: string;
  title: string;
  username?: string;
}

/** "Kabupaten Contoh" → Bupati Contoh; "Kota Lain" → Wali Kota Lain. */
function regionHead(tenantName: string): { head: string; region: string } {
  const isKota = /^Kota\s/i.test(tenantName);
  const short = tenantName.replace(/^(Kabupaten|Kota)\s+/i, '');
  return { head: `${isKota ? 'Wali Kota' : 'Bupati'} ${short}`, region: tenantName };
}

/** Records the demo Satgas decree with its members, unless a decree with the demo number exists. */
export async function seedDemoSatgas(tx: DbOrTx, tenantId: string, tenantName: string): Promise<void> {
  if (await findDecreeByNumber(tx, tenantId, DEMO_SATGAS_NUMBER)) return;
  const { head, region } = regionHead(tenantName);
  const plan: MemberPlan[] = [
    { position: 'pengarah', fallbackName: 'H. Darmawan Setiadi, S.H., M.Si.', title: head },
    { position: 'ketua', unit: 'Sekretariat Daerah', fallbackName: 'Ir. Bambang Wicaksono, M.T.', title: `Sekretaris Daerah ${region}` },
    { position: 'wakil_ketua', fallbackName: 'Drs. Hendra Kusuma, M.Si.', title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah' },
    { position: 'sekretaris', unit: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', fallbackName: 'Sri Wahyuni, S.Sos., M.M.', title: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', username: 'admin.bkpsdm' },
    { position: 'anggota', unit: 'Inspektorat Daerah', fallbackName: 'Agus Prasetyo, S.E., M.Ak.', title: 'Inspektur Daerah', username: 'inspektorat' },
    { position: 'anggota', unit: 'Badan Kesatuan Bangsa dan Politik', fallbackName: 'Yudi Hartono, S.IP.', title: 'Kepala Badan Kesatuan Bangsa dan Politik' },
    { position: 'anggota', unit: 'Bagian Hukum', fallbackName: 'Ratna Dewi, S.H., M.H.', title: 'Kepala Bagian Hukum Sekretariat Daerah' },
    { position: 'anggota', unit: 'Bidang Disiplin dan Kinerja', fallbackName: 'Eko Saputro, S.Kom.', title: 'Kepala Bidang Disiplin dan Kinerja, BKPSDM', username: 'satgas' },
  ];
  const units = await listUnits(tx, tenantId);
  const members = [];
  for (const m of plan) {
    const unit = m.unit ? units.find((u) => u.name === m.unit) : undefined;
    const user = m.username ? await findUserByUsername(tx, tenantId, m.username) : undefined;
    members.push({ position: m.position, name: unit?.headName ?? m.fallbackName, title: m.title, employeeId: unit?.headName ? unit.headEmployeeId : null, userId: user?.id ?? null });
  }
  const today = new Date().toISOString().slice(0, 10);
  const periodEnd = today > '2026-12-31' ? `${Number(today.slice(0, 4)) + 1}-12-31` : '2027-12-31';
  const decree = await insertDecree(tx, { tenantId, number: DEMO_SATGAS_NUMBER, signedOn: '2026-01-12', signerTitle: head, periodStart: '2026-01-12', periodEnd, scopeUnitId: null, isActive: true, createdBy: null });
  await replaceMembers(tx, tenantId, decree.id, members.map((m, i) => ({ tenantId, decreeId: decree.id, ...m, ordinal: i + 1 })));
  const ctx = systemContext(tenantId, 'sistem (data demo)');
  await recordAudit(tx, ctx, { action: 'satgas.decree.create', entityType: 'satgas_decree', entityId: decree.id, after: { number: DEMO_SATGAS_NUMBER, signerTitle: head, members } });
}

/** The 2026 cuti bersama as the demo tenant's days off (days it already has are kept). */
export async function seedDemoHolidays(tx: DbOrTx, tenantId: string): Promise<void> {
  const added: string[] = [];
  for (const [day, name] of CUTI_BERSAMA_2026) {
    if (await insertTenantHolidayIfAbsent(tx, { tenantId, day, name, kind: 'cuti_bersama', createdBy: null })) added.push(day);
  }
  if (added.length > 0) await recordAudit(tx, systemContext(tenantId, 'sistem (data demo)'), { action: 'case_holiday.add', entityType: 'tenant_holiday', entityId: null, after: { days: added } });
}
