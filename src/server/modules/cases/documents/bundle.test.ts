import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCaseBundle, type CaseBundleInput } from './bundle.js';
import { bap, compact, findings, HASH_A, HASH_B, pdfText, summons1 } from './case-documents.fixtures.js';
import { documentTitle, renderCaseDocument } from './render.js';

const pageCount = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();

let input: CaseBundleInput;
let bundle: Buffer;

beforeAll(async () => {
  const documents = await Promise.all(
    [summons1, bap, findings].map(async (d) => ({ title: documentTitle(d), number: d.head.number, bytes: await renderCaseDocument(d) })),
  );
  input = {
    head: { instansi: 'Pemerintah Kabupaten Contoh', address: 'Jl. Jenderal Sudirman No. 1, Kabupaten Contoh' },
    caseNumber: 'KS-2026-0042',
    caseTitle: 'Unggahan dukungan kepada calon bupati di Facebook',
    generatedAt: '24 November 2026 pukul 09.15 WIB',
    documents,
    evidenceIndex: [
      { description: 'Tangkapan layar unggahan Facebook', sha256: HASH_A, size: 245_760, mimeType: 'image/png', source: 'Patroli media sosial' },
      { description: 'Arsip HTML halaman unggahan', sha256: HASH_B, size: null, mimeType: null, source: 'Lampiran laporan' },
    ],
    timeline: [
      { at: '5 Oktober 2026 10.02 WIB', actor: 'Tim patroli', text: 'Kasus didaftarkan dari temuan media sosial.' },
      { at: '20 Oktober 2026 08.30 WIB', actor: 'Ratna Sari Dewi', text: 'Surat Panggilan I diterbitkan.' },
    ],
  };
  bundle = await renderCaseBundle(input);
  if (process.env.NETRA_KEEP_CASE_DOCS) writeFileSync(join(process.env.NETRA_KEEP_CASE_DOCS, 'berkas-kasus.pdf'), bundle);
}, 60_000);

describe('case bundle', () => {
  it('binds the front part and every page of every document, in order', async () => {
    const documentPages = await Promise.all(input.documents.map((d) => pageCount(d.bytes)));
    const front = await pageCount(await renderCaseBundle({ ...input, documents: [] }));
    const total = await pageCount(bundle);
    expect(total).toBe(front + documentPages.reduce((a, b) => a + b, 0));
    expect(await pdfText(bundle, { first: front + 1, last: front + 1 })).toContain('SURAT PANGGILAN I');
    expect(await pdfText(bundle, { first: front + documentPages[0]! + 1, last: front + documentPages[0]! + 1 })).toContain('BERITA ACARA PEMERIKSAAN');
    expect(await pdfText(bundle, { first: total, last: total })).toContain(`KS-2026-0042 - berkas hal. ${total}/${total}`);
  });

  it('lists each document with its page range and SHA-256, and each evidence hash', async () => {
    const text = await pdfText(bundle);
    const front = (await pageCount(bundle)) - (await Promise.all(input.documents.map((d) => pageCount(d.bytes)))).reduce((a, b) => a + b, 0);
    for (const s of ['BERKAS PENANGANAN KASUS', 'KS-2026-0042', 'DAFTAR ISI', 'DAFTAR BUKTI', 'KRONOLOGI PENANGANAN', 'Surat Panggilan I diterbitkan.', 'Patroli media sosial · image/png · 240 KB', `${front + 1}–${front + 2}`]) {
      expect(text).toContain(s);
    }
    for (const d of input.documents) {
      expect(text).toContain(d.title);
      expect(compact(text)).toContain(createHash('sha256').update(d.bytes).digest('hex'));
    }
    expect(compact(text)).toContain(HASH_A);
    expect(compact(text)).toContain(HASH_B);
  });
});
