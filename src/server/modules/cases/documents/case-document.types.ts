/**
 * What the case documents are rendered from. The case service gathers this from the database; the
 * renderers (one per kind) only lay it out, so they are pure and tested on their own.
 * Dates are 'YYYY-MM-DD' strings (the tenant's calendar day).
 */
import type { CaseDocumentKind, Tier } from '../../../../shared/case-workflow.js';

export interface LetterHead {
  instansi: string;
  address: string | null;
  /** Place in the date line, e.g. "Contoh". */
  place: string;
  issuedOn: string;
  /** Full letter number, e.g. "800.1.6.4/0007/Satgas-Netralitas/2026". */
  number: string;
  /** Tembusan; when absent each document prints its usual list. */
  copiesTo?: string[];
}

export interface Signatory {
  title: string;
  name: string | null;
  nip?: string | null;
}

export interface SatgasOnLetter {
  decreeNumber: string;
  decreeSignedOn: string;
  signerTitle: string;
  chair: Signatory | null;
  secretary: Signatory | null;
  members: { position: string; name: string; title: string }[];
}

export interface CaseOnLetter {
  number: string;
  title: string;
  summary: string;
  originLabel: string;
  actKindLabel: string | null;
  actDate: string | null;
  place: string | null;
  electionName: string | null;
  contestName: string | null;
  penetapanCalonOn: string | null;
  catalogueTitle: string | null;
}

export interface ItemOnLetter {
  code: string;
  act: string;
  legalBasis: string;
  tierLabel: string;
}

export interface SubjectOnLetter {
  name: string;
  idNumber: string | null;
  position: string | null;
  unitName: string | null;
  categoryLabel: string | null;
  /** Pangkat/golongan (e.g. "Penata, III/c"), printed in identity blocks when known. */
  rank?: string | null;
  item: ItemOnLetter | null;
}

export interface EvidenceOnLetter {
  description: string;
  sha256: string;
}

export type CaseDocumentInput =
  | {
      kind: 'surat_panggilan';
      head: LetterHead;
      satgas: SatgasOnLetter | null;
      case: CaseOnLetter;
      subject: SubjectOnLetter;
      summonsNo: 1 | 2;
      appearOn: string;
      appearTime: string;
      appearPlace: string;
      /** For the second summons: the date of the first one the employee ignored. */
      previousSummonsOn: string | null;
      /** Whom the employee reports to; defaults to the Satgas secretary. */
      meetWith?: string | null;
    }
  | {
      kind: 'ba_klarifikasi';
      head: LetterHead;
      satgas: SatgasOnLetter | null;
      case: CaseOnLetter;
      subject: SubjectOnLetter;
      heldOn: string;
      /** Where the clarification took place, e.g. "Ruang Rapat BKPSDM". */
      heldAt?: string | null;
      statement: string;
      attendees: string[];
      clarifier: Signatory;
    }
  | {
      kind: 'bap';
      head: LetterHead;
      case: CaseOnLetter;
      subject: SubjectOnLetter;
      heldOn: string;
      heldAt?: string | null;
      team: { name: string; title: string; role: string }[];
      questions: { q: string; a: string }[];
      signedByExamined: boolean;
      refusalNote: string | null;
    }
  | {
      kind: 'laporan_hasil_pemeriksaan';
      head: LetterHead;
      satgas: SatgasOnLetter | null;
      case: CaseOnLetter;
      findings: { subject: SubjectOnLetter; finding: 'proven' | 'not_proven'; reason: string }[];
      chronology: { on: string; text: string }[];
      evidence: EvidenceOnLetter[];
    }
  | {
      kind: 'surat_rekomendasi';
      head: LetterHead;
      satgas: SatgasOnLetter | null;
      case: CaseOnLetter;
      ppk: Signatory;
      recommendations: { subject: SubjectOnLetter; tierLabel: string; sanctionOptions: string[]; reasoning: string }[];
    }
  | {
      kind: 'draft_sk';
      head: LetterHead;
      case: CaseOnLetter;
      ppk: Signatory;
      subject: SubjectOnLetter;
      tierLabel: string;
      /** The tier itself: a moral sanction (PP 42/2004) takes another decree wording than hukuman disiplin. */
      tier?: Tier;
      sanctionOptions: string[];
      /** Filled once the PPK has chosen; a draft before that lists the options. */
      chosenSanction: string | null;
      legalBasis: string[];
    }
  | {
      kind: 'surat_penerusan';
      head: LetterHead;
      satgas: SatgasOnLetter | null;
      case: CaseOnLetter;
      target: { label: string; kind: 'bawaslu' | 'gakkumdu' | 'bkn' | 'dpmd' };
      reason: string;
      subjects: SubjectOnLetter[];
      evidence: EvidenceOnLetter[];
    };

export type CaseDocumentInputOf<K extends CaseDocumentKind> = Extract<CaseDocumentInput, { kind: K }>;

/** One row of the BKN (SBT/I'DIS) and Bawaslu export. */
export interface CaseExportRow {
  caseNumber: string;
  registeredOn: string;
  origin: string;
  channelRef: string | null;
  electionName: string | null;
  contestName: string | null;
  actDate: string | null;
  discoveredOn: string | null;
  place: string | null;
  actKind: string | null;
  summary: string;
  subjectName: string;
  subjectIdNumber: string | null;
  subjectCategory: string | null;
  subjectPosition: string | null;
  subjectUnit: string | null;
  itemCode: string | null;
  itemAct: string | null;
  list: string | null;
  tier: string | null;
  finding: string | null;
  recommendedTier: string | null;
  recommendedOn: string | null;
  sanction: string | null;
  skNumber: string | null;
  skDate: string | null;
  executedOn: string | null;
  idisRecordedOn: string | null;
  state: string;
  closeReason: string | null;
  forwardedTo: string | null;
}
