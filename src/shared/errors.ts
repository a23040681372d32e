/** The one error vocabulary: stable codes, HTTP status and the Indonesian message users see. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'Data yang dikirim tidak valid.' },
  BAD_REQUEST: { status: 400, message: 'Permintaan tidak dapat diproses.' },
  UNAUTHENTICATED: { status: 401, message: 'Silakan masuk terlebih dahulu.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Nama pengguna atau kata sandi salah.' },
  TOTP_REQUIRED: { status: 401, message: 'Masukkan kode autentikator (TOTP).' },
  TOTP_INVALID: { status: 401, message: 'Kode autentikator salah atau sudah dipakai.' },
  OTP_INVALID: { status: 401, message: 'Kode sekali pakai salah atau sudah kedaluwarsa.' },
  ACCOUNT_LOCKED: { status: 423, message: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi nanti.' },
  CSRF_INVALID: { status: 403, message: 'Token keamanan (CSRF) tidak valid. Muat ulang halaman lalu coba lagi.' },
  FORBIDDEN: { status: 403, message: 'Anda tidak berwenang melakukan tindakan ini.' },
  NOT_FOUND: { status: 404, message: 'Data tidak ditemukan.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Alamat API tidak dikenal.' },
  CONFLICT: { status: 409, message: 'Data bertentangan dengan data yang sudah ada.' },
  UNIT_CYCLE: { status: 409, message: 'Unit tidak boleh dipindahkan ke bawah unit turunannya sendiri.' },
  UNIT_HAS_CHILDREN: { status: 409, message: 'Unit masih memiliki sub-unit atau pegawai aktif.' },
  IMPORT_NOT_READY: { status: 409, message: 'Impor belum siap untuk langkah ini.' },
  IMPORT_HAS_ERRORS: { status: 409, message: 'Masih ada baris yang salah. Perbaiki berkas atau lewati baris yang salah.' },
  IMPORT_UNKNOWN_UNITS: { status: 409, message: 'Berkas menyebut unit yang belum ada. Pilih "Buat unit yang belum ada" atau perbaiki nama unit.' },
  CAMPAIGN_CLOSED: { status: 409, message: 'Penandatanganan untuk kampanye ini sudah ditutup atau belum dibuka.' },
  NOT_TARGETED: { status: 403, message: 'Anda tidak termasuk pegawai yang diminta menandatangani kampanye ini.' },
  STALE_TEMPLATE: { status: 409, message: 'Teks ikrar atau pakta telah diperbarui. Muat ulang halaman, baca versi terbaru, lalu tandatangani.' },
  TYPED_NAME_MISMATCH: { status: 400, message: 'Nama yang diketik harus sama dengan nama Anda pada data kepegawaian.' },
  NOT_AN_EMPLOYEE: { status: 403, message: 'Akun ini tidak terhubung dengan data pegawai.' },
  FILE_TOO_LARGE: { status: 413, message: 'Berkas terlalu besar.' },
  FILE_TYPE_UNSUPPORTED: { status: 415, message: 'Jenis berkas tidak didukung. Gunakan CSV atau XLSX.' },
  RATE_LIMITED: { status: 429, message: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.' },
  INTERNAL: { status: 500, message: 'Terjadi kesalahan pada server. Sebutkan ID permintaan ini bila menghubungi admin.' },
  APEL_STATE: { status: 409, message: 'Laporan apel tidak dapat diproses pada statusnya saat ini.' },
  APEL_UNIT_NOT_REQUIRED: { status: 400, message: 'Unit ini tidak termasuk jenis unit yang wajib melaksanakan apel pada kampanye ini.' },
  APEL_DATE_OUTSIDE_CAMPAIGN: { status: 400, message: 'Tanggal apel berada di luar masa kampanye.' },
  APEL_ATTENDANCE_INVALID: { status: 400, message: 'Daftar hadir tidak sesuai dengan daftar pegawai unit.' },
  APEL_INCOMPLETE: { status: 409, message: 'Laporan apel belum lengkap untuk dikirim.' },
  APEL_PHOTO_LIMIT: { status: 409, message: 'Jumlah foto apel sudah mencapai batas.' },
  POW_INVALID: { status: 400, message: 'Pemeriksaan anti-spam gagal atau sudah dipakai. Muat ulang formulir lalu kirim lagi.' },
  RECEIPT_INVALID: { status: 401, message: 'Nomor laporan atau kunci tanda terima salah.' },
  RECEIPT_SESSION_REQUIRED: { status: 401, message: 'Masuk dengan nomor laporan dan kunci tanda terima terlebih dahulu.' },
  REPORT_INCOMPLETE: { status: 400, message: 'Laporan belum memuat keterangan minimum.' },
  REPORT_FILE_LIMIT: { status: 400, message: 'Jumlah atau ukuran total berkas bukti melebihi batas.' },
  REPORT_STATE: { status: 409, message: 'Laporan tidak dapat diproses pada statusnya saat ini.' },
  REVEAL_NOT_ALLOWED: { status: 403, message: 'Identitas pelapor hanya dapat dibuka melalui permintaan yang disetujui kustodian.' },
  REVEAL_STATE: { status: 409, message: 'Permintaan buka identitas tidak dapat diproses pada statusnya saat ini.' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** Shape of every API error body. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}
