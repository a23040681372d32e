/**
 * The short quiz an announcement may ask for before an employee acknowledges it: three questions on
 * the rules everyone must know (SKB Netralitas ASN 2022, PP 94/2021). The server checks the answers.
 */
export interface QuizQuestion {
  id: string;
  question: string;
  options: readonly string[];
  /** Index of the right option. */
  answer: number;
  /** Shown after a wrong answer. */
  explanation: string;
}

export const NEUTRALITY_QUIZ: readonly QuizQuestion[] = [
  {
    id: 'medsos',
    question: 'Seorang ASN menyukai (like) dan membagikan unggahan kampanye calon bupati dari akun media sosial pribadinya, di luar jam kerja. Bagaimana hukumnya?',
    options: ['Boleh, karena memakai akun pribadi', 'Boleh, asalkan di luar jam kerja', 'Tidak boleh: termasuk pelanggaran netralitas ASN'],
    answer: 2,
    explanation: 'Mengunggah, mengomentari, membagikan, menyukai atau mengikuti akun pemenangan calon adalah pelanggaran, dari akun mana pun dan kapan pun (SKB 2022).',
  },
  {
    id: 'boleh',
    question: 'Manakah yang boleh dilakukan ASN dalam pemilihan?',
    options: ['Memberikan suara di TPS secara rahasia', 'Menghadiri deklarasi calon dan berfoto dengan gestur nomor urut', 'Memasang spanduk calon di pagar rumah'],
    answer: 0,
    explanation: 'ASN tetap memiliki hak pilih dan menggunakannya secara rahasia di TPS; dua lainnya adalah pelanggaran.',
  },
  {
    id: 'sanksi',
    question: 'Menurut PP 94/2021, sanksi terberat bagi PNS yang terbukti tidak netral (misalnya ikut kampanye setelah penetapan calon) adalah…',
    options: ['Teguran lisan', 'Pemberhentian dari PNS', 'Tidak ada sanksi bila dilakukan di luar jam kerja'],
    answer: 1,
    explanation: 'Pelanggaran disiplin netralitas dapat dijatuhi hukuman disiplin berat sampai pemberhentian.',
  },
];
