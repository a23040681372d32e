/**
 * Surat rekomendasi from the Satgas to the PPK. The Satgas recommends a tier; the PPK picks the
 * sanction inside it (domain §1.5), so the letter lists the options the PPK may choose from.
 */
import type { Content } from 'pdfmake/interfaces';
import type { CaseDocumentInputOf } from './case-document.types.js';
import { caseAllegation, copiesBlock, identityRows, itemRows, labelledRows, paragraph, renderCaseDocumentPdf, sanctionLabel, SATGAS_NAME, satgasLetterOpening, satgasSignature, signatureRight } from './letter-parts.js';

type RecommendationInput = CaseDocumentInputOf<'surat_rekomendasi'>;

const USUAL_COPIES = ['Kepala Badan Kepegawaian Negara', 'Inspektur Daerah', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'Arsip'];

// PP 94/2021 makes acting on a proven breach a duty; Perban BKN 1/2023 lets BKN block SIASN data when the PPK does not.
const FOLLOW_UP_DUTY =
  'Kami ingatkan bahwa menurut Peraturan Pemerintah Nomor 94 Tahun 2021, pejabat yang berwenang wajib menjatuhkan sanksi atas pelanggaran yang telah terbukti, dan pejabat yang tidak melakukannya dapat dijatuhi sanksi pula. Tindak lanjut rekomendasi ini dipantau oleh Badan Kepegawaian Negara; sesuai Peraturan Badan Kepegawaian Negara Nomor 1 Tahun 2023, apabila tidak ditindaklanjuti, BKN dapat melakukan pengendalian berupa pemblokiran data kepegawaian pada Sistem Informasi ASN (SIASN) sehingga layanan kepegawaian tidak dapat diproses sampai keputusan ditetapkan. Keputusan yang ditetapkan beserta dokumen pemeriksaannya mohon disampaikan kepada kami untuk dicatat dalam aplikasi I\'DIS.';

/** "Surat Rekomendasi kepada <PPK> — <nomor kasus>". */
export function recommendationTitle(p: RecommendationInput): string {
  return `Surat Rekomendasi kepada ${p.ppk.title} — ${p.case.number}`;
}

function recommendationBlock(r: RecommendationInput['recommendations'][number], index: number): Content {
  return {
    stack: [
      { text: `${index + 1}. ${r.subject.name}`, bold: true, margin: [0, 4, 0, 2] },
      labelledRows([...identityRows(r.subject), ...itemRows(r.subject, false), ['Tingkat sanksi yang direkomendasikan', r.tierLabel]], [12, 0, 0, 2], 150),
      { text: 'Pilihan sanksi dalam tingkat tersebut yang dapat ditetapkan:', margin: [12, 2, 0, 2] },
      { ol: r.sanctionOptions.map(sanctionLabel), type: 'lower-alpha', margin: [24, 0, 0, 4] },
      { text: [{ text: 'Pertimbangan: ', bold: true }, r.reasoning], alignment: 'justify', margin: [12, 0, 0, 8] },
    ],
  };
}

/** Renders the letter: header, addressee (the PPK), per-subject recommendation, the duty to follow up, signature. */
export function renderRecommendationPdf(p: RecommendationInput): Promise<Buffer> {
  return renderCaseDocumentPdf({
    head: p.head,
    title: recommendationTitle(p),
    content: [
      ...satgasLetterOpening(p.head, { nature: 'Rahasia', attachment: '1 (satu) berkas', subject: 'Rekomendasi penjatuhan sanksi atas pelanggaran netralitas Aparatur Sipil Negara' }, [p.ppk.title]),
      paragraph(
        `Berdasarkan hasil klarifikasi dan pemeriksaan ${SATGAS_NAME} atas ${caseAllegation(p.case)}, dengan hormat kami sampaikan rekomendasi sebagai berikut:`,
      ),
      ...p.recommendations.map(recommendationBlock),
      paragraph('Laporan hasil pemeriksaan beserta daftar bukti terlampir sebagai bahan pertimbangan dalam menetapkan keputusan.'),
      paragraph(FOLLOW_UP_DUTY),
      paragraph('Demikian rekomendasi ini disampaikan. Atas perhatian dan tindak lanjutnya diucapkan terima kasih.'),
      signatureRight(satgasSignature(p.satgas)),
      copiesBlock(p.head, USUAL_COPIES),
    ],
  });
}
