/**
 * Every case document renders and says what it must: read back with pdftotext, as a clerk would check
 * the printed letter. NETRA_KEEP_CASE_DOCS=<dir> keeps the PDFs to look at (pdftoppm -png).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocumentInput } from './case-document.types.js';
import { bap, clarification, compact, decreeChosen, decreeDraft, decreeMoral, EVERY_KIND, findings, forwardingBawaslu, forwardingDpmd, HASH_A, HASH_B, pdfText, recommendation, summons1, summons2 } from './case-documents.fixtures.js';
import { documentTitle, renderCaseDocument } from './render.js';

const texts = new Map<CaseDocumentInput, string>();
const textOf = (input: CaseDocumentInput) => texts.get(input)!;

function firstSubjectName(input: CaseDocumentInput): string {
  if (input.kind === 'surat_penerusan') return input.subjects[0]!.name;
  if (input.kind === 'laporan_hasil_pemeriksaan') return input.findings[0]!.subject.name;
  if (input.kind === 'surat_rekomendasi') return input.recommendations[0]!.subject.name;
  return input.subject.name;
}

beforeAll(async () => {
  const keep = process.env.NETRA_KEEP_CASE_DOCS;
  if (keep) mkdirSync(keep, { recursive: true });
  await Promise.all(
    Object.entries(EVERY_KIND).map(async ([name, input]) => {
      const pdf = await renderCaseDocument(input);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (keep) writeFileSync(join(keep, `${name}.pdf`), pdf);
      texts.set(input, await pdfText(pdf));
    }),
  );
}, 60_000);

describe('case documents', () => {
  it('every kind carries its number, the Pemda kop and the subject', () => {
    for (const input of Object.values(EVERY_KIND)) {
      const text = textOf(input);
      expect(text).toContain(input.head.number);
      if (input.kind !== 'draft_sk') expect(text).toContain('PEMERINTAH KABUPATEN CONTOH');
      expect(text).toContain(firstSubjectName(input));
    }
  });

  it('surat panggilan I: title, numbered header, legal basis, when and where, signed by the chair', () => {
    const text = textOf(summons1);
    for (const s of [
      'SURAT PANGGILAN I',
      'Nomor : 800.1.6.4/0011/Satgas-Netralitas/2026',
      'Sifat : Rahasia',
      'Lampiran : -',
      'Hal : Surat Panggilan I',
      'Yth. Sdr. Budi Santoso, S.Pd.',
      'Contoh, 20 Oktober 2026',
      'Pasal 27 dan Pasal 28 Peraturan Pemerintah Nomor 94 Tahun 2021',
      'NIP/NIK : 198503152010011003',
      'Hari : Kamis',
      'Tanggal : 29 Oktober 2026',
      'Pukul : 09.00 WIB',
      'Menghadap kepada : Ratna Sari Dewi',
      'Dr. Hendra Wijaya, S.H., M.Si.',
      'NIP. 197003121995031002',
      'Tembusan:',
      'Keputusan Bupati Contoh Nomor 100.3.3.2/412/2026 tanggal 3 Agustus 2026',
    ]) expect(text).toContain(s);
    expect(text).not.toContain('SURAT PANGGILAN II');
    expect(text).not.toContain('Pasal 30');
  });

  it('surat panggilan II mentions the first summons and the decision on the evidence (Pasal 30)', () => {
    const text = textOf(summons2);
    expect(text).toContain('SURAT PANGGILAN II');
    expect(text).toContain('Menindaklanjuti Surat Panggilan I tanggal 20 Oktober 2026 yang tidak Saudara penuhi');
    expect(text).toContain('Pasal 30 Peraturan Pemerintah Nomor 94 Tahun 2021');
    expect(text).toContain('berdasarkan alat bukti');
  });

  it('berita acara klarifikasi: the date in words, attendees, statement, both signatures', () => {
    const text = textOf(clarification);
    for (const s of [
      'BERITA ACARA KLARIFIKASI',
      'Pada hari ini Selasa tanggal sepuluh bulan November tahun dua ribu dua puluh enam (10-11-2026)',
      'bertempat di Ruang Rapat BKPSDM Kabupaten Contoh',
      'Drs. Joko Susilo (Kepala SMP Negeri 3 Contoh, atasan langsung)',
      'Saya tidak mengetahui bahwa gestur dua jari',
      'Yang memberikan klarifikasi,',
      'Yang melakukan klarifikasi,',
      'NIP. 198503152010011003',
      'NIP. 197505202000032004',
    ]) expect(text).toContain(s);
  });

  it('BAP: team with roles, questions and answers, and the refusal to sign with its note', () => {
    const text = textOf(bap);
    for (const s of [
      'BERITA ACARA PEMERIKSAAN',
      'Pada hari ini Selasa tanggal tujuh belas bulan November tahun dua ribu dua puluh enam',
      'Ketua (atasan langsung)',
      'Dewi Lestari, S.H.',
      'Apakah benar akun Facebook "Budi Santoso" milik Saudara?',
      'Benar, akun tersebut milik saya.',
      'D-7 — Mengunggah foto bersama calon',
      'Hukuman disiplin berat',
      '(menolak menandatangani)',
      'Yang diperiksa menolak menandatangani berita acara ini dengan catatan: "Yang diperiksa menyatakan akan berkonsultasi dengan kuasa hukumnya terlebih dahulu"',
      'Tim Pemeriksa:',
    ]) expect(text).toContain(s);
  });

  it('BAP signed by the examined employee has no refusal', async () => {
    const text = await pdfText(await renderCaseDocument({ ...bap, signedByExamined: true, refusalNote: null }));
    expect(text).toContain('Yang diperiksa membenarkan seluruh keterangannya');
    expect(text).not.toContain('menolak');
  });

  it('laporan hasil pemeriksaan: summary, chronology, finding per subject with the item, evidence hashes', () => {
    const text = textOf(findings);
    for (const s of [
      'LAPORAN HASIL PEMERIKSAAN',
      'Tanggal penetapan calon : 22 September 2026',
      'Surat Panggilan I diterbitkan',
      'Kesimpulan : TERBUKTI',
      'Kesimpulan : TIDAK TERBUKTI',
      'Dasar hukum : PP 94/2021 Pasal 5 huruf n angka 5 jo. Pasal 14 huruf i; SKB 2022',
      'Siti Aminah',
      'Tangkapan layar unggahan Facebook 5 Oktober 2026',
    ]) expect(text).toContain(s);
    expect(compact(text)).toContain(HASH_A);
    expect(compact(text)).toContain(HASH_B);
  });

  it('surat rekomendasi: to the PPK, tier, the sanctions the PPK may pick, follow-up duty and SIASN blocking', () => {
    const text = textOf(recommendation);
    for (const s of [
      'Yth. Bupati Contoh',
      'Lampiran : 1 (satu) berkas',
      'Tingkat sanksi yang direkomendasikan',
      'Hukuman disiplin berat',
      'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
      'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
      'Pemberhentian dengan hormat tidak atas permintaan sendiri',
      'Perbuatan dilakukan setelah penetapan calon',
      'Peraturan Badan Kepegawaian Negara Nomor 1 Tahun 2023',
      'SIASN',
      'selaku Ketua Satuan Tugas Netralitas Aparatur Sipil Negara,',
    ]) expect(text).toContain(s);
  });

  it('draft SK before the choice is a RANCANGAN listing the options', () => {
    const text = textOf(decreeDraft);
    for (const s of [
      'RANCANGAN',
      'BUPATI CONTOH',
      'KEPUTUSAN BUPATI CONTOH',
      'NOMOR 800.1.6.4/0021/SK-HD/2026',
      'PENJATUHAN HUKUMAN DISIPLIN BERAT',
      'DENGAN RAHMAT TUHAN YANG MAHA ESA',
      'Menimbang',
      'Mengingat',
      'MEMUTUSKAN:',
      'Menetapkan',
      'KESATU',
      'KEDUA',
      'KETIGA',
      'berupa salah satu dari pilihan berikut',
      'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
      'Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan',
      'Pemberhentian dengan hormat tidak atas permintaan sendiri',
      'Nomor 10 Tahun 2016',
      'H. Ahmad Fauzi, S.E.',
    ]) expect(text).toContain(s);
  });

  it('draft SK after the choice shows only the chosen sanction, without RANCANGAN', () => {
    const text = textOf(decreeChosen);
    expect(text).toContain('PENJATUHAN HUKUMAN DISIPLIN BERUPA PEMBEBASAN DARI JABATAN MENJADI JABATAN PELAKSANA SELAMA 12 BULAN');
    expect(text).toContain('Menjatuhkan hukuman disiplin berupa Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan');
    expect(text).toContain('pada tanggal 27 November 2026');
    expect(text).not.toContain('RANCANGAN');
    expect(text).not.toContain('Pemberhentian dengan hormat tidak atas permintaan sendiri');
  });

  it('a kode etik case takes the PP 42/2004 sanksi moral wording', () => {
    const text = textOf(decreeMoral);
    expect(text).toContain('PENJATUHAN SANKSI MORAL BERUPA PERNYATAAN SECARA TERBUKA');
    expect(text).toContain('telah melanggar kode etik Pegawai Negeri Sipil, yaitu KE-4');
    expect(text).toContain('Menjatuhkan sanksi moral berupa Pernyataan secara terbuka, yang diumumkan melalui forum');
    expect(text).toContain('Pasal 15 Peraturan Pemerintah Nomor 42 Tahun 2004');
    expect(text).not.toMatch(/hukuman disiplin/i);
  });

  it('surat penerusan to Bawaslu: subject, reason, case, evidence with hashes', () => {
    const text = textOf(forwardingBawaslu);
    for (const s of [
      'Hal : Penerusan dugaan pelanggaran netralitas Aparatur Sipil Negara',
      'Yth. Ketua Bawaslu Kabupaten Contoh',
      'Alasan penerusan: Unggahan terjadi pada masa kampanye',
      'kewenangan Badan Pengawas Pemilihan Umum',
      '198503152010011003',
    ]) expect(text).toContain(s);
    expect(compact(text)).toContain(HASH_A);
    expect(compact(text)).toContain(HASH_B);
  });

  it('surat penerusan to the DPMD says a kepala desa is outside ASN discipline', () => {
    const text = textOf(forwardingDpmd);
    expect(text).toContain('Hal : Penerusan dugaan pelanggaran netralitas kepala desa/perangkat desa');
    expect(text).toContain('bukan Aparatur Sipil Negara');
    expect(text).toContain('di luar lingkup penegakan disiplin ASN');
    expect(text).toContain('Kepala Desa Sukamaju');
  });

  it('without a chair the secretary signs on the chair behalf; without a Satgas the name is left blank', async () => {
    const bySecretary = await pdfText(await renderCaseDocument({ ...summons1, satgas: { ...summons1.satgas!, chair: null } }));
    expect(bySecretary).toContain('a.n. Ketua Satuan Tugas Netralitas Aparatur Sipil Negara');
    expect(bySecretary).toContain('Ratna Sari Dewi, S.Sos., M.M.');
    const noSatgas = await pdfText(await renderCaseDocument({ ...summons1, satgas: null, head: { ...summons1.head, copiesTo: ['Inspektur Daerah'] } }));
    expect(noSatgas).toContain('(........................................)');
    expect(noSatgas).toContain('Sekretariat Satuan Tugas Netralitas Aparatur Sipil Negara');
    expect(noSatgas).toContain('Tembusan: Inspektur Daerah');
    expect(noSatgas).not.toContain('Arsip');
  });

  it('titles name the kind and the subject or case', () => {
    expect(documentTitle(summons2)).toBe('Surat Panggilan II — Budi Santoso, S.Pd.');
    expect(documentTitle(decreeDraft)).toBe('Rancangan Keputusan Penjatuhan Hukuman Disiplin — Budi Santoso, S.Pd.');
    expect(documentTitle(decreeMoral)).toBe('Keputusan Penjatuhan Sanksi Moral — Budi Santoso, S.Pd.');
    expect(documentTitle(forwardingDpmd)).toContain('Dinas Pemberdayaan Masyarakat dan Desa');
    expect(documentTitle(findings)).toBe('Laporan Hasil Pemeriksaan — KS-2026-0042');
  });
});
