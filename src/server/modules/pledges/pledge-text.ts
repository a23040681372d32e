/**
 * Default ikrar and pakta texts (domain §3; the wording a BKPSDM usually copies from the KASN/SE
 * format) and the canonical text that is hashed and signed. Pure functions.
 */
import { createHash } from 'node:crypto';

export const DEFAULT_IKRAR = {
  title: 'IKRAR NETRALITAS APARATUR SIPIL NEGARA',
  body: [
    'Kami Aparatur Sipil Negara dan Pegawai Non-ASN di lingkungan {{instansi}} berikrar:',
    '1. Menjaga dan menegakkan prinsip netralitas Aparatur Sipil Negara di instansi tempat kami bertugas dalam melaksanakan fungsi pelayanan publik, baik sebelum, selama, maupun sesudah {{pemilihan}};',
    '2. Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman kepada Aparatur Sipil Negara dan seluruh elemen masyarakat, serta tidak memihak kepada pasangan calon mana pun;',
    '3. Menggunakan media sosial secara bijak, tidak menyebarkan ujaran kebencian dan berita bohong (hoaks);',
    '4. Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun.',
    'Demikian ikrar ini kami ucapkan dengan penuh kesadaran, integritas dan tanggung jawab, demi terwujudnya Aparatur Sipil Negara yang bermartabat, beretika dan demokratis serta menjaga persatuan dan kesatuan Negara Kesatuan Republik Indonesia.',
  ].join('\n'),
};

export const DEFAULT_PAKTA = {
  title: 'PAKTA INTEGRITAS NETRALITAS',
  body: [
    'Dalam rangka {{pemilihan}}, dengan ini saya menyatakan:',
    '- Akan bersikap netral dan tidak berpihak kepada peserta pemilihan mana pun;',
    '- Tidak akan ikut kampanye, termasuk menggunakan atribut partai atau atribut Aparatur Sipil Negara, dan tidak akan mengerahkan Aparatur Sipil Negara lain (PP 94/2021 Pasal 5 huruf n);',
    '- Tidak akan menggunakan fasilitas negara, membuat keputusan atau melakukan tindakan yang menguntungkan atau merugikan peserta pemilihan, mengadakan kegiatan yang mengarah kepada keberpihakan, atau memberikan dukungan disertai fotokopi KTP;',
    '- Tidak akan mengunggah, menanggapi (menyukai, mengomentari), membagikan atau mengikuti akun dan grup pemenangan peserta pemilihan di media sosial, dan tidak berfoto dengan gestur keberpihakan (SKB 2022);',
    '- Bersedia menerima sanksi sesuai ketentuan peraturan perundang-undangan apabila melanggar pakta integritas ini.',
    'Demikian pakta integritas ini saya buat dengan sebenar-benarnya tanpa paksaan dari pihak mana pun.',
  ].join('\n'),
};

export interface TextContext {
  instansi: string;
  pemilihan: string;
}

/** Fills {{instansi}} and {{pemilihan}}; unknown placeholders stay visible so a reviewer notices them. */
export function fillTemplate(body: string, ctx: TextContext): string {
  return body.replace(/\{\{(instansi|pemilihan)\}\}/g, (_, key: keyof TextContext) => ctx[key]);
}

/**
 * What is wrong with an ikrar or pakta text before it is saved, in words for the admin (empty when
 * nothing is): a misspelt placeholder would reach every signer as literal "{{…}}", and a pakta without
 * "-" lines would leave the signer nothing to tick.
 */
export function templateProblems(kind: 'ikrar' | 'pakta', body: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const unknown = [...body.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1]!).filter((name) => name !== 'instansi' && name !== 'pemilihan');
  const stray = body.replace(/\{\{([^{}]*)\}\}/g, '').match(/\{\{|\}\}/);
  if (unknown.length || stray) {
    const named = unknown.length ? `Penanda {{${[...new Set(unknown)].join('}}, {{')}}} tidak dikenal` : 'Ada penanda yang tidak lengkap';
    problems.body = `${named}. Penanda yang dapat dipakai hanya {{instansi}} dan {{pemilihan}}.`;
  }
  if (kind === 'pakta' && undertakingsOf(body).length === 0) {
    problems.undertakings = 'Pakta harus memuat minimal satu pernyataan: baris yang diawali tanda "-". Setiap pernyataan dicentang oleh pegawai.';
  }
  return problems;
}

/** The pakta's undertakings: its lines that start with "-" (each is ticked by the signer). */
export function undertakingsOf(paktaBody: string): string[] {
  return paktaBody
    .split('\n')
    .filter((line) => line.trim().startsWith('-'))
    .map((line) => line.trim().replace(/^-\s*/, ''));
}

export const IDENTITY_LABELS: [string, string][] = [
  ['nama', 'Nama'],
  ['nomorIdentitas', 'NIP/NI PPPK/NIK'],
  ['pangkatGolongan', 'Pangkat/Golongan'],
  ['jabatan', 'Jabatan'],
  ['unitKerja', 'Unit Kerja'],
];

export interface CanonicalInput {
  ikrar: { title: string; body: string; version: number };
  pakta: { title: string; body: string; version: number };
  identity: Record<string, string>;
  context: TextContext;
  place: string;
  dateText: string;
  typedName: string;
}

/** The exact text an employee signs: both texts, the identity block, place/date and typed name. */
export function canonicalPledgeText(input: CanonicalInput): string {
  const identity = IDENTITY_LABELS.map(([key, label]) => `${label}: ${input.identity[key] ?? '-'}`).join('\n');
  return [
    `${input.ikrar.title} (versi ${input.ikrar.version})`,
    fillTemplate(input.ikrar.body, input.context),
    '',
    `${input.pakta.title} (versi ${input.pakta.version})`,
    'Yang bertanda tangan di bawah ini:',
    identity,
    fillTemplate(input.pakta.body, input.context),
    '',
    `${input.place}, ${input.dateText}`,
    `Ditandatangani secara elektronik oleh: ${input.typedName}`,
  ]
    .join('\n')
    .normalize('NFC');
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

