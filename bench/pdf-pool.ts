/**
 * What the PDF pool buys the event loop: renders N signed-pledge PDFs (4 at a time, as a signing
 * surge's first downloads would) in the calling thread and then through the worker pool, and prints
 * PDFs/s and the event loop's delay (p99, max) meanwhile. Run: node --import tsx bench/pdf-pool.ts [N]
 */
import { createPdfRenderer, defaultPdfWorkers } from '../src/server/lib/pdf-pool.js';
import type { PledgePdfInput } from '../src/server/modules/pledges/pledge.pdf.js';

const N = Number(process.argv[2] ?? 60);
const input: PledgePdfInput = {
  instansi: 'Pemerintah Kabupaten Contoh', address: 'Jl. Merdeka No. 1', context: { instansi: 'Pemerintah Kabupaten Contoh', pemilihan: 'Pilkada Serentak 2026' },
  ikrar: { title: 'IKRAR NETRALITAS ASN', body: Array.from({ length: 4 }, (_, i) => `${i + 1}. Menjaga dan menegakkan prinsip netralitas Aparatur Sipil Negara dalam setiap tahapan pemilihan.`).join('\n'), version: 1 },
  pakta: { title: 'PAKTA INTEGRITAS', body: ['Dengan ini menyatakan:', ...Array.from({ length: 8 }, (_, i) => `${i + 1}. Tidak melakukan perbuatan yang mengarah pada keberpihakan kepada salah satu pasangan calon.`)].join('\n'), version: 1 },
  identity: { nama: 'Siti Aminah, S.Sos.', nomorIdentitas: '198001012005012001', labelNomor: 'NIP', pangkatGolongan: 'Penata (III/c)', jabatan: 'Analis Kepegawaian', unitKerja: 'Badan Kepegawaian dan Pengembangan SDM' },
  place: 'Contoh', dateText: '25 November 2026', signedAtText: '25 November 2026 09.00 WIB', typedName: 'Siti Aminah', drawnSignature: null, method: 'online',
  textSha256: 'a'.repeat(64), signatureId: '00000000-0000-4000-8000-000000000001', keyId: 'k1', verifyUrl: 'https://netra.example/verifikasi/00000000-0000-4000-8000-000000000001',
};

async function run(label: string, workers: number) {
  const pdf = createPdfRenderer(workers);
  await pdf.render('pledge', input); // warm-up (fonts, worker start)
  // A 5 ms ticker: how late each tick fires is how long other requests would have waited.
  const lateness: number[] = [];
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < N) {
      next++;
      await pdf.render('pledge', input);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  lateness.push(Math.max(0, performance.now() - last - 5)); // the wait since the last tick, up to the end
  await pdf.close();
  lateness.sort((a, b) => a - b);
  const at = (q: number) => lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))]!.toFixed(1);
  console.log(`${label.padEnd(52)} ${(N / seconds).toFixed(1).padStart(6)} PDFs/s   event loop late by p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${lateness.at(-1)!.toFixed(1)} ms (${lateness.length} ticks)`);
}

await run('in the calling thread (PDF_WORKERS=0)', 0);
await run(`worker pool (${defaultPdfWorkers()} worker(s), this machine's default)`, defaultPdfWorkers());
