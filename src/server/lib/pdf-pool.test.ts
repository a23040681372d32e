import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createPdfRenderer } from './pdf-pool.js';
import type { PledgePdfInput } from '../modules/pledges/pledge.pdf.js';

const input: PledgePdfInput = {
  instansi: 'Pemerintah Kabupaten Contoh',
  address: 'Jl. Merdeka No. 1',
  context: { instansi: 'Pemerintah Kabupaten Contoh', pemilihan: 'Pilkada 2026' },
  ikrar: { title: 'IKRAR NETRALITAS ASN', body: '1. Menjaga netralitas.', version: 1 },
  pakta: { title: 'PAKTA INTEGRITAS', body: 'Saya menyatakan:\n1. Tidak berpihak.', version: 2 },
  identity: { nama: 'Siti Aminah', nomorIdentitas: '198001012005012001', labelNomor: 'NIP', pangkatGolongan: 'Penata (III/c)', jabatan: 'Analis', unitKerja: 'BKPSDM' },
  place: 'Contoh',
  dateText: '25 November 2026',
  signedAtText: '25 November 2026 09.00 WIB',
  typedName: 'Siti Aminah',
  drawnSignature: null,
  method: 'online',
  textSha256: 'a'.repeat(64),
  signatureId: '00000000-0000-4000-8000-000000000001',
  keyId: 'k1',
  verifyUrl: 'https://netra.example/verifikasi/00000000-0000-4000-8000-000000000001',
};

/** The text of a PDF as a reader sees it (poppler's pdftotext, installed by .ci/run). */
const textOf = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('PDF pool', () => {
  const pool = createPdfRenderer(2);
  afterAll(() => pool.close());

  it('renders on worker threads the same document as in the calling thread', async () => {
    const [a, b] = await Promise.all([pool.render('pledge', input), pool.render('pledge', { ...input, typedName: 'Budi' })]);
    const local = await createPdfRenderer(0).render('pledge', input);
    for (const pdf of [a, b, local]) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Same layout, same pages: only the creation date differs between renders.
    expect(Math.abs(a.length - local.length)).toBeLessThan(64);
    expect(textOf(a)).toContain('Siti Aminah');
    expect(textOf(b)).toContain('Budi');
    expect(textOf(a).replace(/\s+/g, ' ')).toBe(textOf(local).replace(/\s+/g, ' '));
  });

  it('renders the other plain-data documents on a worker too (receipt, berita acara)', async () => {
    const receipt = { instansi: 'Pemerintah Kabupaten Contoh', address: null, number: 'LP-2026-ABCD', key: 'K7QX-2M9P-4RTW-8ZNB-5HJD', receivedOn: '2026-11-25', portalUrl: 'https://netra.example/lapor/tanda-terima' };
    const [remote, local] = [await pool.render('receipt', receipt), await createPdfRenderer(0).render('receipt', receipt)];
    expect(textOf(remote)).toContain('LP-2026-ABCD');
    expect(textOf(remote).replace(/\s+/g, ' ')).toBe(textOf(local).replace(/\s+/g, ' '));
    const ba = await pool.render('beritaAcara', {
      instansi: 'Pemerintah Kabupaten Contoh', address: null, unitName: 'Kecamatan Sukamaju', eventName: 'Pilkada 2026', number: '800/001/BA-NETRA/2026', heldOn: '2026-11-20',
      place: 'Aula Kecamatan', leaderName: 'Camat Sukamaju', readerName: 'Sekretaris Camat', witnesses: ['Panwascam Sukamaju'], notes: null, signingPlace: 'Contoh', dateText: '20 November 2026',
      attendance: [{ name: 'Siti Aminah', idNumber: '198001012005012001', jabatanName: 'Analis', status: 'hadir' }],
    });
    expect(textOf(ba)).toContain('800/001/BA-NETRA/2026');
    expect(textOf(ba)).toContain('Siti Aminah');
  });

  it('answers a failing render with its error and keeps serving the next ones', async () => {
    await expect(pool.render('pledge', { ...input, identity: null } as unknown as PledgePdfInput)).rejects.toThrow(/PDF worker/);
    const next = await pool.render('pledge', input);
    expect(next.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
