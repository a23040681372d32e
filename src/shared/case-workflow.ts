/**
 * The case (penanganan) workflow as data: states, the actions that move a case, and which action is
 * legal from which state. The server enforces it (cases.workflow.ts); the web app reads it to show only
 * the buttons that can succeed. Labels are Indonesian (the UI's i18n files carry the English).
 */

/** Where a case is. `closed` carries a close reason; everything else is open. */
export const CASE_STATES = [
  'registered',
  'verification',
  'clarification',
  'examination',
  'conclusion',
  'recommendation',
  'awaiting_ppk',
  'follow_up',
  'forwarded',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const OPEN_CASE_STATES = CASE_STATES.filter((s) => s !== 'closed');

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  registered: 'Terdaftar',
  verification: 'Verifikasi',
  clarification: 'Klarifikasi',
  examination: 'Pemeriksaan',
  conclusion: 'Penyimpulan',
  recommendation: 'Penyusunan rekomendasi',
  awaiting_ppk: 'Menunggu keputusan PPK',
  follow_up: 'Tindak lanjut sanksi',
  forwarded: 'Diteruskan ke instansi lain',
  closed: 'Selesai',
};

export const CLOSE_REASONS = ['not_proven', 'executed', 'rejected', 'merged', 'forwarded', 'routed_out', 'decided_no_sanction'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  not_proven: 'Tidak terbukti',
  executed: 'Sanksi telah dilaksanakan',
  rejected: 'Tidak dapat diterima',
  merged: 'Digabung ke kasus lain',
  forwarded: 'Diserahkan sepenuhnya ke instansi lain',
  routed_out: 'Dialihkan (bukan ASN Pemda)',
  decided_no_sanction: 'PPK memutuskan tanpa sanksi',
};

/** Where a case came from (domain §2.2). */
export const CASE_ORIGINS = ['laporan', 'temuan_patroli', 'temuan_medsos', 'rekomendasi_bawaslu', 'penerusan_bkn', 'temuan_atasan'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];
export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  laporan: 'Laporan/pengaduan',
  temuan_patroli: 'Temuan patroli Satgas',
  temuan_medsos: 'Temuan pengawasan media sosial',
  rekomendasi_bawaslu: 'Rekomendasi Bawaslu',
  penerusan_bkn: 'Penerusan dari BKN',
  temuan_atasan: 'Temuan atasan langsung',
};

/** How a reported person is handled: ASN discipline, non-ASN contract/pakta, or routed out (kepala/perangkat desa). */
export const SUBJECT_TRACKS = ['asn', 'non_asn', 'desa'] as const;
export type SubjectTrack = (typeof SUBJECT_TRACKS)[number];

/** Sanction tiers the Satgas recommends; the PPK picks a sanction inside the tier (domain §1.5). */
export const TIERS = ['moral', 'ringan', 'sedang', 'berat', 'ptdh', 'kontrak'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  moral: 'Sanksi moral (PP 42/2004)',
  ringan: 'Hukuman disiplin ringan',
  sedang: 'Hukuman disiplin sedang',
  berat: 'Hukuman disiplin berat',
  ptdh: 'Pemberhentian tidak dengan hormat (PTDH)',
  kontrak: 'Sanksi menurut perjanjian kerja/pakta integritas (non-ASN)',
};
/** Non-ASN staff are not under PP 94/2021: they are handled under their contract and pakta (tier `kontrak`). */
export const ASN_TIERS: readonly Tier[] = ['moral', 'ringan', 'sedang', 'berat', 'ptdh'];

/** The ladder inside each tier (domain §1.5). */
export const SANCTIONS = {
  moral: ['pernyataan_tertutup', 'pernyataan_terbuka'],
  ringan: ['teguran_lisan', 'teguran_tertulis', 'pernyataan_tidak_puas'],
  sedang: ['potong_tpp_25_6_bulan', 'potong_tpp_25_9_bulan', 'potong_tpp_25_12_bulan'],
  berat: ['turun_jabatan_12_bulan', 'jabatan_pelaksana_12_bulan', 'pdhtaps'],
  ptdh: ['ptdh'],
  kontrak: ['teguran_tertulis_kontrak', 'pemutusan_perjanjian_kerja'],
} as const satisfies Record<Tier, readonly string[]>;
export type Sanction = (typeof SANCTIONS)[Tier][number];
export const SANCTION_LABELS: Record<Sanction, string> = {
  pernyataan_tertutup: 'Pernyataan secara tertutup',
  pernyataan_terbuka: 'Pernyataan secara terbuka',
  teguran_lisan: 'Teguran lisan',
  teguran_tertulis: 'Teguran tertulis',
  pernyataan_tidak_puas: 'Pernyataan tidak puas secara tertulis',
  potong_tpp_25_6_bulan: 'Pemotongan TPP 25% selama 6 bulan',
  potong_tpp_25_9_bulan: 'Pemotongan TPP 25% selama 9 bulan',
  potong_tpp_25_12_bulan: 'Pemotongan TPP 25% selama 12 bulan',
  turun_jabatan_12_bulan: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
  jabatan_pelaksana_12_bulan: 'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
  pdhtaps: 'Pemberhentian dengan hormat tidak atas permintaan sendiri',
  ptdh: 'Pemberhentian tidak dengan hormat',
  teguran_tertulis_kontrak: 'Teguran tertulis menurut perjanjian kerja',
  pemutusan_perjanjian_kerja: 'Pemutusan perjanjian kerja',
};
export const ALL_SANCTIONS = Object.values(SANCTIONS).flat() as Sanction[];

/**
 * Tiers that need a Tim Pemeriksa and a BAP under PP 94/2021 (Pasal 32: hukuman sedang and berat).
 * A tenant may examine more tiers (e.g. also ringan, or non-ASN contract cases), never fewer.
 */
export const REQUIRED_EXAMINATION_TIERS: readonly Tier[] = ['sedang', 'berat', 'ptdh'];
export const DEFAULT_EXAMINATION_TIERS: readonly Tier[] = REQUIRED_EXAMINATION_TIERS;

/** Catalogue lists (domain §1.2–1.4). */
export const CATALOGUE_LISTS = ['kode_etik', 'disiplin', 'pp94'] as const;
export type CatalogueList = (typeof CATALOGUE_LISTS)[number];

export const CASE_ACTIONS = [
  'start_verification',
  'request_info',
  'reject',
  'route_out',
  'verify',
  'summon',
  'record_clarification',
  'record_absence',
  'finish_clarification',
  'form_examination_team',
  'record_bap',
  'finish_examination',
  'conclude',
  'recommend',
  'decide',
  'record_follow_up',
  'forward',
  'receive_external',
  'merge',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  start_verification: 'Mulai verifikasi',
  request_info: 'Minta keterangan tambahan ke pelapor',
  reject: 'Tolak (tidak dapat diterima)',
  route_out: 'Alihkan ke Bawaslu/DPMD (bukan ASN)',
  verify: 'Nyatakan lengkap, lanjut klarifikasi',
  summon: 'Terbitkan surat panggilan',
  record_clarification: 'Catat klarifikasi (berita acara)',
  record_absence: 'Catat ketidakhadiran',
  finish_clarification: 'Selesaikan klarifikasi',
  form_examination_team: 'Bentuk Tim Pemeriksa',
  record_bap: 'Catat BAP',
  finish_examination: 'Selesaikan pemeriksaan',
  conclude: 'Simpulkan (terbukti/tidak terbukti)',
  recommend: 'Kirim rekomendasi ke PPK',
  decide: 'Catat keputusan PPK',
  record_follow_up: 'Catat pelaksanaan sanksi',
  forward: 'Teruskan ke Bawaslu/Gakkumdu/BKN',
  receive_external: 'Catat hasil dari instansi lain',
  merge: 'Gabungkan ke kasus lain',
};

const BEFORE_DECISION: readonly CaseState[] = ['registered', 'verification', 'clarification', 'examination', 'conclusion', 'recommendation'];

/** Which state each action may start from. Actions absent from `CASE_TRANSITIONS_TO` keep the state. */
export const CASE_ACTION_FROM: Record<CaseAction, readonly CaseState[]> = {
  start_verification: ['registered'],
  request_info: ['verification', 'clarification'],
  reject: ['registered', 'verification'],
  route_out: ['registered', 'verification'],
  verify: ['verification'],
  summon: ['clarification', 'examination'],
  record_clarification: ['clarification'],
  record_absence: ['clarification', 'examination'],
  finish_clarification: ['clarification'],
  form_examination_team: ['examination'],
  record_bap: ['examination'],
  finish_examination: ['examination'],
  conclude: ['conclusion'],
  recommend: ['recommendation'],
  decide: ['awaiting_ppk'],
  record_follow_up: ['follow_up'],
  forward: BEFORE_DECISION,
  receive_external: ['forwarded'],
  merge: BEFORE_DECISION.filter((s) => s !== 'recommendation'),
};

/** Who performs an action: the Satgas handles, the PPK decides. */
export const CASE_ACTION_PERMISSION: Record<CaseAction, 'case.handle' | 'case.decide'> = Object.fromEntries(
  CASE_ACTIONS.map((a) => [a, a === 'decide' ? 'case.decide' : 'case.handle']),
) as Record<CaseAction, 'case.handle' | 'case.decide'>;

/** Steps that have a due date (working days; the tenant may change them). */
export const DEADLINE_STEPS = ['registered', 'verification', 'clarification', 'examination', 'conclusion', 'recommendation', 'awaiting_ppk', 'follow_up', 'forwarded'] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];
/** Defaults in working days (domain §2.4: SBT verification 7 days; two summonses of 7 working days; Bawaslu 3+2). */
export const DEFAULT_STEP_DAYS: Record<DeadlineStep, number> = {
  registered: 2,
  verification: 7,
  clarification: 14,
  examination: 14,
  conclusion: 5,
  recommendation: 3,
  awaiting_ppk: 7,
  follow_up: 14,
  forwarded: 5,
};

/** Escalation levels: 0 none, 1 assignee told, 2 Satgas chair told, 3 PPK told. */
export const ESCALATION_LEVELS = [0, 1, 2, 3] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const FORWARD_TARGETS = ['bawaslu', 'gakkumdu', 'bkn', 'dpmd'] as const;
export type ForwardTarget = (typeof FORWARD_TARGETS)[number];
export const FORWARD_TARGET_LABELS: Record<ForwardTarget, string> = {
  bawaslu: 'Bawaslu Kabupaten/Kota',
  gakkumdu: 'Sentra Gakkumdu',
  bkn: 'Badan Kepegawaian Negara (BKN)',
  dpmd: 'Dinas Pemberdayaan Masyarakat dan Desa (DPMD)',
};

/** Documents Netra generates from case data (Tata Naskah Dinas). */
export const CASE_DOCUMENT_KINDS = [
  'surat_panggilan',
  'ba_klarifikasi',
  'bap',
  'laporan_hasil_pemeriksaan',
  'surat_rekomendasi',
  'draft_sk',
  'surat_penerusan',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
export const CASE_DOCUMENT_LABELS: Record<CaseDocumentKind, string> = {
  surat_panggilan: 'Surat panggilan',
  ba_klarifikasi: 'Berita acara klarifikasi',
  bap: 'Berita acara pemeriksaan (BAP)',
  laporan_hasil_pemeriksaan: 'Laporan hasil pemeriksaan',
  surat_rekomendasi: 'Surat rekomendasi kepada PPK',
  draft_sk: 'Rancangan SK penjatuhan sanksi',
  surat_penerusan: 'Surat penerusan',
};

/** Positions in the Satgas decree (domain §2.1). */
export const SATGAS_POSITIONS = ['pengarah', 'ketua', 'wakil_ketua', 'sekretaris', 'anggota'] as const;
export type SatgasPosition = (typeof SATGAS_POSITIONS)[number];
export const SATGAS_POSITION_LABELS: Record<SatgasPosition, string> = {
  pengarah: 'Pengarah',
  ketua: 'Ketua',
  wakil_ketua: 'Wakil Ketua',
  sekretaris: 'Sekretaris',
  anggota: 'Anggota',
};

/** What the reporter reads in the receipt portal when a linked case changes state: plain, no internal detail. */
export const REPORTER_STATE_MESSAGES: Partial<Record<CaseState, string>> = {
  verification: 'Laporan Anda sedang diverifikasi oleh Satgas Netralitas ASN.',
  clarification: 'Laporan Anda dinyatakan lengkap. Satgas sedang meminta klarifikasi dari pihak terkait.',
  examination: 'Satgas sedang melakukan pemeriksaan lanjutan atas laporan Anda.',
  conclusion: 'Satgas sedang menyusun kesimpulan atas laporan Anda.',
  awaiting_ppk: 'Satgas telah menyampaikan rekomendasi kepada Pejabat Pembina Kepegawaian (PPK) dan menunggu keputusan.',
  follow_up: 'PPK telah mengambil keputusan atas laporan Anda. Pelaksanaannya sedang ditindaklanjuti.',
  forwarded: 'Laporan Anda diteruskan kepada instansi yang berwenang (misalnya Bawaslu atau BKN) untuk ditangani.',
};
export const REPORTER_CLOSE_MESSAGES: Record<CloseReason, string> = {
  not_proven: 'Penanganan selesai: berdasarkan klarifikasi dan bukti yang ada, pelanggaran tidak terbukti.',
  executed: 'Penanganan selesai: pelanggaran terbukti dan sanksi telah dijatuhkan serta dilaksanakan.',
  decided_no_sanction: 'Penanganan selesai: PPK telah mengambil keputusan atas laporan Anda.',
  rejected: 'Laporan Anda tidak dapat ditindaklanjuti karena tidak memenuhi syarat. Anda dapat mengirim laporan baru dengan keterangan yang lebih lengkap.',
  routed_out: 'Orang yang Anda laporkan bukan pegawai ASN Pemda; laporan Anda diteruskan kepada instansi yang berwenang.',
  forwarded: 'Laporan Anda telah diserahkan kepada instansi yang berwenang untuk ditangani sepenuhnya.',
  merged: 'Laporan Anda digabung dengan penanganan kasus lain yang sejenis; perkembangan berikutnya tetap disampaikan di sini.',
};
