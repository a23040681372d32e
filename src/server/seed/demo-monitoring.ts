/**
 * The demo's pengawasan media sosial: a watchlist for the demo Pilkada (fictional candidates of
 * Kabupaten Contoh), a few declared accounts, and about twenty captured posts screened by the real
 * screener, so the review queue is not empty on first start. Idempotent: does nothing when the tenant
 * already has a watchlist.
 */
import type { WatchlistInput } from '../../screener/watchlist.js';
import type { CaptureActKind, Platform } from '../../shared/contracts/monitoring.contract.js';
import type { AppDeps } from '../deps.js';
import { systemContext } from '../lib/context.js';
import { listWatchlists } from '../modules/monitoring/monitoring.repository.js';
import { captureFromForm } from '../modules/monitoring/captures.service.js';
import { createDeclared } from '../modules/monitoring/declared-accounts.service.js';
import { saveWatchlist } from '../modules/monitoring/watchlists.service.js';
import { loadSealedBox } from '../lib/sealed-box.js';
import { getElectionEvents } from '../modules/elections/elections.service.js';
import { sql } from 'drizzle-orm';

/** Two fictional pairs for the Pilkada of the fictional Kabupaten Contoh. */
export function demoWatchlist(penetapanCalonOn?: string): WatchlistInput {
  return {
    format: 'netra.watchlist/v1',
    election: { id: 'pilkada-contoh-bupati', name: 'Pemilihan Bupati dan Wakil Bupati Contoh (fiktif)', ...(penetapanCalonOn ? { penetapan_calon_on: penetapanCalonOn } : {}) },
    pairs: [
      {
        number: 1,
        label: 'Arief–Lestari',
        candidates: [
          { name: 'Arief Budiman', nicknames: ['Pak Arief', 'Bang Arief'], role: 'kepala' },
          { name: 'Lestari Handayani', nicknames: ['Bu Lestari', 'Mbak Lestari'], role: 'wakil' },
        ],
        acronyms: ['ARLES'],
        parties: ['Partai Gotong Royong Rakyat', 'PGRR'],
        slogans: ['Contoh Maju Bersama'],
        hashtags: ['#AriefLestari01', '#ContohMaju01'],
        accounts: ['@ariefles01'],
      },
      {
        number: 2,
        label: 'Teguh–Maya',
        candidates: [
          { name: 'Teguh Prasetyo', nicknames: ['Mas Teguh', 'Pak Teguh'], role: 'kepala' },
          { name: 'Maya Puspita', nicknames: ['Bu Maya', 'Mbak Maya'], role: 'wakil' },
        ],
        acronyms: ['TEMAN'],
        parties: ['Partai Bintang Nusantara', 'PBN'],
        slogans: ['Teguh Melayani Contoh'],
        hashtags: ['#TeguhMaya02', '#TEMAN02'],
        accounts: ['@teguhmaya02'],
      },
    ],
    hoax_claims: [{ id: 'HOAKS-01', claim: 'ASN yang tidak memilih pasangan tertentu akan dimutasi', keywords: ['asn', 'dimutasi', 'tidak memilih'], min_keywords: 2 }],
  };
}

interface DemoPost {
  platform: Platform;
  handle: string;
  name: string;
  text: string;
  actKind: CaptureActKind;
  /** Days before today. */
  daysAgo: number;
  /** Index into the demo employees (null: the account is not matched). */
  employee: number | null;
  confirmed?: boolean;
}

const POSTS: DemoPost[] = [
  { platform: 'facebook', handle: 'rudi.hartono.77', name: 'Rudi Hartono', text: 'Ayo coblos nomor 2! Teguh–Maya pasti menang ✌️ #TeguhMaya02', actKind: 'post', daysAgo: 1, employee: 0, confirmed: true },
  { platform: 'instagram', handle: 'sri_guru_sd', name: 'Sri Wahyuni', text: 'Bersama Pak Arief di kampanye akbar Lapangan Merdeka, ayo dukung 01! ☝️ #AriefLestari01', actKind: 'photo_gesture', daysAgo: 2, employee: 1, confirmed: false },
  { platform: 'x', handle: 'bambang_pu', name: 'Bambang', text: 'Katanya ASN yang tidak memilih 02 bakal dimutasi ke pelosok. Hati-hati ya kawan.', actKind: 'share', daysAgo: 3, employee: null },
  { platform: 'tiktok', handle: 'dewi.kesehatan', name: 'Dewi', text: 'Contoh Maju Bersama! Sudah saatnya ganti bupati, pilih ARLES 🙌', actKind: 'post', daysAgo: 4, employee: 2, confirmed: true },
  { platform: 'facebook', handle: 'agus.camat', name: 'Agus Salim', text: 'Mari hadiri deklarasi relawan Teguh Melayani Contoh Sabtu ini di GOR, ajak keluarga!', actKind: 'post', daysAgo: 5, employee: null },
  { platform: 'whatsapp', handle: 'Grup Guru SMPN 2', name: 'Grup Guru SMPN 2', text: 'Bapak ibu, jangan lupa 27 November coblos Mas Teguh ya, demi kesejahteraan guru ✌️', actKind: 'share', daysAgo: 6, employee: null },
  { platform: 'instagram', handle: 'nina.bpkad', name: 'Nina', text: '❤️ #TEMAN02', actKind: 'like', daysAgo: 7, employee: null },
  { platform: 'facebook', handle: 'hendra.disdik', name: 'Hendra', text: 'Bergabung di grup Relawan ARLES Kecamatan Utara. Salam satu jari ☝️', actKind: 'follow_join_group', daysAgo: 9, employee: null },
  { platform: 'youtube', handle: 'kanalwarga', name: 'Kanal Warga', text: 'Debat kandidat malam ini: Pak Arief unggul soal infrastruktur, Bu Maya soal kesehatan. Tonton ulang di sini.', actKind: 'comment', daysAgo: 10, employee: null },
  { platform: 'x', handle: 'yanti_dukcapil', name: 'Yanti', text: 'KPU Kabupaten Contoh menetapkan dua pasangan calon bupati. Masyarakat diimbau menggunakan hak pilihnya dengan bijak.', actKind: 'share', daysAgo: 11, employee: null },
  { platform: 'facebook', handle: 'joko.satpolpp', name: 'Joko', text: 'Dasar kampret, pendukung sebelah memang bodoh semua!', actKind: 'comment', daysAgo: 12, employee: null },
  { platform: 'telegram', handle: 'info_contoh', name: 'Info Contoh', text: 'Pemungutan suara tetap tanggal 27 November, datang ke TPS sesuai undangan.', actKind: 'share', daysAgo: 13, employee: null },
  { platform: 'facebook', handle: 'wati.kelurahan', name: 'Wati', text: 'Selamat pagi, hari ini posyandu balita di balai kelurahan jam 8. Jangan lupa bawa buku KIA ya.', actKind: 'post', daysAgo: 14, employee: null },
  { platform: 'instagram', handle: 'bagus.rsud', name: 'Bagus', text: 'Foto bareng calon wakil bupati tadi sore ✌️✌️', actKind: 'photo_gesture', daysAgo: 15, employee: null },
  { platform: 'x', handle: 'lina_bappeda', name: 'Lina', text: 'Nomor 1 di hatiku, nomor 1 di bilik suara. #ContohMaju01', actKind: 'post', daysAgo: 16, employee: null },
  { platform: 'facebook', handle: 'udin.pertanian', name: 'Udin', text: 'Coblos satu kali saja ya, jangan sampai surat suara rusak. Ayo gunakan hak pilih!', actKind: 'post', daysAgo: 17, employee: null },
  { platform: 'tiktok', handle: 'ratna.sekda', name: 'Ratna', text: 'Pilih pemimpin yang jujur dan amanah, siapa pun pilihanmu. Jaga netralitas ASN!', actKind: 'post', daysAgo: 18, employee: null },
  { platform: 'facebook', handle: 'eko.kesbangpol', name: 'Eko', text: 'Partai Bintang Nusantara solid mendukung Teguh–Maya, menang satu putaran!', actKind: 'share', daysAgo: 19, employee: null },
  { platform: 'other', handle: 'forumwarga', name: 'Forum Warga', text: 'Jadwal pemadaman listrik bergilir minggu ini sudah diumumkan PLN.', actKind: 'post', daysAgo: 20, employee: null },
  { platform: 'youtube', handle: 'asep.dinsos', name: 'Asep', text: 'Mantap Bang Arief! Lanjutkan! 👍', actKind: 'comment', daysAgo: 21, employee: null },
];

const LEGAL_BASIS = 'Dinyatakan pegawai dalam formulir akun media sosial saat penandatanganan pakta integritas; hanya unggahan publik yang dipantau (UU 27/2022 tentang Pelindungan Data Pribadi; SKB 2/2022).';

/** Seeds the demo watchlist, declared accounts and captured posts (once per tenant). */
export async function seedDemoMonitoring(deps: AppDeps, tenantId: string): Promise<number> {
  if ((await listWatchlists(deps.db, tenantId)).length > 0) return 0;
  const ctx = systemContext(tenantId, 'sistem (data demo)');
  const [event] = await getElectionEvents(deps.db, ctx);
  if (!event) return 0;
  const contest = event.contests[0];
  await saveWatchlist(deps.db, ctx, { electionEventId: event.id, electionContestId: contest?.id ?? null, document: demoWatchlist() as Record<string, unknown>, note: 'Watchlist demo: pasangan calon fiktif Kabupaten Contoh' });
  const employees = ((await deps.db.execute(sql`select id from employee where tenant_id = ${tenantId} and category = 'pns' and is_active order by id_number offset 20 limit 3`)) as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
  const today = new Date();
  for (const [i, employeeId] of employees.entries()) {
    const post = POSTS.find((p) => p.employee === i)!;
    await createDeclared(deps.db, ctx, { employeeId, platform: post.platform, handle: post.handle, url: null, legalBasis: LEGAL_BASIS, declaredOn: new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10), note: null });
  }
  const box = loadSealedBox(deps.config);
  for (const post of POSTS) {
    const employeeId = post.employee !== null ? (employees[post.employee] ?? null) : null;
    await captureFromForm(deps, box, ctx, {
      platform: post.platform,
      url: `https://${post.platform === 'x' ? 'x.com' : post.platform === 'other' ? 'forum.contoh.example' : `${post.platform}.com`}/${encodeURIComponent(post.handle)}/posts/${1000 + POSTS.indexOf(post)}`,
      accountHandle: post.handle,
      accountName: post.name,
      employeeId,
      employeeConfirmed: Boolean(employeeId && post.confirmed),
      text: post.text,
      actKind: post.actKind,
      postedAt: new Date(today.getTime() - post.daysAgo * 86_400_000 - 3 * 3_600_000).toISOString(),
      electionEventId: event.id,
      electionContestId: contest?.id ?? null,
    }, []);
  }
  return POSTS.length;
}
