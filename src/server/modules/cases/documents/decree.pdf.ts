/**
 * Draft keputusan of the PPK imposing the sanction, in the Keputusan layout of Tata Naskah Dinas
 * (Menimbang, Mengingat, MEMUTUSKAN, Menetapkan, KESATU…). Before the PPK chooses it is a RANCANGAN
 * listing the options inside the recommended tier; a kode etik breach takes the PP 42/2004 sanksi
 * moral wording instead of hukuman disiplin.
 */
import type { Content } from 'pdfmake/interfaces';
import { SANCTIONS, type Sanction } from '../../../../shared/case-workflow.js';
import { formatIsoDateId } from '../../../lib/dates.js';
import type { CaseDocumentInputOf } from './case-document.types.js';
import { copiesBlock, identityTable, LAWS, lowerFirst, type Margin, paragraph, renderCaseDocumentPdf, sanctionCode, sanctionLabel, SATGAS_NAME, signatureRight } from './letter-parts.js';

type DecreeInput = CaseDocumentInputOf<'draft_sk'>;

const USUAL_COPIES = [
  'Kepala Badan Kepegawaian Negara',
  'Kepala Kantor Regional Badan Kepegawaian Negara',
  'Inspektur Daerah',
  'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  'Atasan langsung yang bersangkutan',
];

const MORAL: readonly Sanction[] = SANCTIONS.moral;

/** Moral when the tier says so, or (tier not given) when every option is a PP 42/2004 statement. */
function isMoral(p: DecreeInput): boolean {
  if (p.tier) return p.tier === 'moral';
  const options = p.chosenSanction ? [p.chosenSanction] : p.sanctionOptions;
  return options.length > 0 && options.every((o) => MORAL.includes(sanctionCode(o) as Sanction));
}

/** "hukuman disiplin berat" from the tier label, "hukuman disiplin berupa pemberhentian …" otherwise. */
function tierPhrase(p: DecreeInput, moral: boolean): string {
  if (moral) return 'sanksi moral';
  return /^hukuman disiplin/i.test(p.tierLabel) ? lowerFirst(p.tierLabel) : `hukuman disiplin berupa ${lowerFirst(p.tierLabel)}`;
}

/** What the keputusan is "TENTANG". */
function topic(p: DecreeInput, moral: boolean): string {
  const kind = moral ? 'sanksi moral' : 'hukuman disiplin';
  if (p.chosenSanction) return `Penjatuhan ${kind} berupa ${lowerFirst(sanctionLabel(p.chosenSanction))}`;
  return `Penjatuhan ${tierPhrase(p, moral)}`;
}

/** "Keputusan Penjatuhan Hukuman Disiplin — <nama>", prefixed "Rancangan" before the PPK chooses. */
export function decreeTitle(p: DecreeInput): string {
  return `${p.chosenSanction ? '' : 'Rancangan '}Keputusan Penjatuhan ${isMoral(p) ? 'Sanksi Moral' : 'Hukuman Disiplin'} — ${p.subject.name}`;
}

/** "Menimbang : a. …", label and colon in their own columns as the Keputusan layout has them. */
function clause(label: string, body: Content[], margin: Margin = [0, 0, 0, 8]): Content {
  const isDictum = /^KE[A-Z]+$/.test(label); // KESATU, KEDUA, KETIGA are printed bold
  return { columns: [{ width: 70, text: label, bold: isDictum }, { width: 10, text: ':' }, { width: '*', stack: body }], margin };
}

const offence = (p: DecreeInput) => (p.subject.item ? `${p.subject.item.code}, yaitu ${lowerFirst(p.subject.item.act)}` : 'pelanggaran netralitas Aparatur Sipil Negara');
const offenceBasis = (p: DecreeInput) => (p.subject.item ? `, sebagaimana diatur dalam ${p.subject.item.legalBasis}` : '');

function considerations(p: DecreeInput, moral: boolean, about: string): Content {
  const who = `Sdr. ${p.subject.name}${p.subject.idNumber ? `, NIP/NIK ${p.subject.idNumber}` : ''}`;
  const breach = moral
    ? `bahwa perbuatan tersebut dilakukan sebelum penetapan calon sehingga merupakan pelanggaran kode etik Pegawai Negeri Sipil yang dikenai sanksi moral sebagaimana dimaksud dalam Pasal 15 ${LAWS.pp42};`
    : `bahwa perbuatan tersebut merupakan pelanggaran disiplin yang diancam ${tierPhrase(p, false)} menurut ${LAWS.pp94};`;
  return {
    ol: [
      `bahwa berdasarkan laporan hasil pemeriksaan dan rekomendasi ${SATGAS_NAME} atas kasus nomor ${p.case.number}, ${who} terbukti melakukan ${offence(p)};`,
      breach,
      `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan ${p.ppk.title} tentang ${about};`,
    ],
    type: 'lower-alpha',
    alignment: 'justify',
  };
}

function legalBases(p: DecreeInput, moral: boolean): string[] {
  if (p.legalBasis.length) return p.legalBasis;
  return ['Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;', `${moral ? LAWS.pp42 : LAWS.pp94};`, `${LAWS.skb2022};`];
}

// PP 42/2004 Pasal 15: a closed statement is delivered privately, an open one announced in an official forum.
function moralDelivery(sanction: string): string {
  return sanctionCode(sanction) === 'pernyataan_terbuka'
    ? 'yang diumumkan melalui forum pertemuan resmi Pegawai Negeri Sipil, upacara bendera, media massa, dan/atau forum lain yang dipandang sesuai'
    : 'yang disampaikan secara tertulis oleh Pejabat Pembina Kepegawaian atau pejabat yang ditunjuk dalam pertemuan tertutup yang hanya dihadiri oleh yang bersangkutan dan pejabat yang menyampaikan';
}

/** The sanction sentence, or before the choice the options the PPK picks one from. */
function sanctionClause(p: DecreeInput, moral: boolean): Content[] {
  const kind = moral ? 'sanksi moral' : 'hukuman disiplin';
  if (!p.chosenSanction) {
    return [
      paragraph(`Menjatuhkan ${tierPhrase(p, moral)} berupa salah satu dari pilihan berikut, yang ditetapkan oleh ${p.ppk.title}:`, [0, 0, 0, 2]),
      { ol: p.sanctionOptions.map(sanctionLabel), type: 'lower-alpha', margin: [12, 0, 0, 4] },
    ];
  }
  const delivery = moral ? `, ${moralDelivery(p.chosenSanction)}` : '';
  return [paragraph(`Menjatuhkan ${kind} berupa ${sanctionLabel(p.chosenSanction)}${delivery}.`)];
}

function dicta(p: DecreeInput, moral: boolean): Content[] {
  const first: Content[] = moral
    ? [paragraph('Menyatakan bahwa pegawai:', [0, 0, 0, 2]), identityTable(p.subject, [0, 0, 0, 2]), paragraph(`telah melanggar kode etik Pegawai Negeri Sipil, yaitu ${offence(p)}${offenceBasis(p)}.`), ...sanctionClause(p, moral)]
    : [...sanctionClause(p, moral), paragraph('kepada:', [0, 0, 0, 2]), identityTable(p.subject, [0, 0, 0, 2]), paragraph(`karena yang bersangkutan terbukti melakukan ${offence(p)}${offenceBasis(p)}.`)];
  const second = moral
    ? `Sanksi moral sebagaimana dimaksud dalam Diktum KESATU dibuat secara tertulis dan menyebutkan jenis pelanggaran kode etik yang dilakukan, sesuai Pasal 15 ${LAWS.pp42}.`
    : `Hukuman disiplin sebagaimana dimaksud dalam Diktum KESATU dilaksanakan sesuai ${LAWS.pp94} dan dicatat dalam Sistem Informasi ASN melalui aplikasi I'DIS. Terhadap keputusan ini yang bersangkutan dapat mengajukan upaya administratif sesuai ketentuan peraturan perundang-undangan.`;
  return [
    clause('KESATU', first),
    clause('KEDUA', [paragraph(second)]),
    clause('KETIGA', [paragraph('Keputusan ini mulai berlaku pada tanggal ditetapkan, dan salinannya disampaikan kepada yang bersangkutan untuk diketahui dan dilaksanakan.')]),
  ];
}

const centred = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, alignment: 'center', bold: true, ...extra }) as Content;

/** Renders the draft keputusan. */
export function renderDecreePdf(p: DecreeInput): Promise<Buffer> {
  const moral = isMoral(p);
  const about = topic(p, moral);
  const office = p.ppk.title.toUpperCase();
  const isDraft = !p.chosenSanction;
  return renderCaseDocumentPdf({
    head: p.head,
    title: decreeTitle(p),
    watermark: isDraft ? 'RANCANGAN' : undefined,
    content: [
      ...(isDraft ? [{ text: 'RANCANGAN', bold: true, alignment: 'right' as const, color: '#b71c1c', margin: [0, 0, 0, 6] as Margin }] : []),
      centred(office, { fontSize: 13, margin: [0, 0, 0, 14] }),
      centred(`KEPUTUSAN ${office}`),
      centred(`NOMOR ${p.head.number}`, { bold: false }),
      centred('TENTANG', { bold: false, margin: [0, 6, 0, 2] }),
      centred(about.toUpperCase()),
      centred('DENGAN RAHMAT TUHAN YANG MAHA ESA', { margin: [0, 12, 0, 6] }),
      centred(`${office},`, { margin: [0, 0, 0, 12] }),
      clause('Menimbang', [considerations(p, moral, about)]),
      clause('Mengingat', [{ ol: legalBases(p, moral), alignment: 'justify' }]),
      centred('MEMUTUSKAN:', { margin: [0, 6, 0, 8] }),
      clause('Menetapkan', [paragraph(`KEPUTUSAN ${office} TENTANG ${about.toUpperCase()}.`)]),
      ...dicta(p, moral),
      signatureRight({ roleLines: [`Ditetapkan di ${p.head.place}`, `pada tanggal ${isDraft ? '....................' : formatIsoDateId(p.head.issuedOn)}`, '', `${office},`], name: p.ppk.name, nip: p.ppk.nip }),
      copiesBlock(p.head, USUAL_COPIES),
      ...(isDraft
        ? [paragraph(`Catatan: rancangan ini belum memuat sanksi yang dipilih. ${p.ppk.title} menetapkan satu sanksi dari pilihan dalam tingkat ${lowerFirst(p.tierLabel)} sebelum keputusan ditandatangani.`, [0, 14, 0, 0])]
        : []),
    ],
  });
}
