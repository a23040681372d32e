/**
 * Which catalogue item Netra proposes for an act (issue 5: "ethics or discipline follows from the
 * date"). Pure: the service loads the items and the contest, this decides.
 *
 * SKB 2/2022: an act before the contest's penetapan calon concerns a *bakal calon* and falls under the
 * kode etik list (sanksi moral, PP 42/2004); on or after that day it concerns a *calon* and falls under
 * the disiplin list (PP 94/2021). Items the SKB words for any time (stage 'any') apply either way.
 */
import type { CatalogueList } from '../../../shared/case-workflow.js';
import { TIER_LABELS, type Tier } from '../../../shared/case-workflow.js';
import type { ActKind } from '../../../shared/contracts/reports.contract.js';

export type Phase = 'bakal_calon' | 'calon';

export interface ProposalCandidate {
  code: string;
  list: CatalogueList;
  ordinal: number;
  stage: string;
  tier: Tier;
  act: string;
  actKinds: readonly string[];
}

export interface ProposalFacts {
  actKind: ActKind;
  actDate: string | null;
  contest: { name: string; penetapanCalonOn: string } | null;
}

export interface ProposalChoice {
  phase: Phase | null;
  item: ProposalCandidate | null;
  alternatives: ProposalCandidate[];
  reason: string;
}

const LIST_LABELS: Record<CatalogueList, string> = { kode_etik: 'kode etik', disiplin: 'disiplin', pp94: 'PP 94/2021 Pasal 5 huruf n' };

/** Lists in order of preference: the phase's own list first, then the lists whose items apply at any time. */
const LIST_ORDER: Record<Phase | 'unknown', CatalogueList[]> = {
  bakal_calon: ['kode_etik', 'disiplin', 'pp94'],
  calon: ['disiplin', 'pp94', 'kode_etik'],
  unknown: ['disiplin', 'pp94', 'kode_etik'],
};

/** The phase of an act: before penetapan calon → bakal_calon; on the day or after → calon. */
export function phaseOf(actDate: string, penetapanCalonOn: string): Phase {
  return actDate < penetapanCalonOn ? 'bakal_calon' : 'calon';
}

/**
 * Ranks the items that fit: preferred list first; within a list, the item naming the act kind
 * earliest in its actKinds; then the later item. The SKB lists put the general act before the
 * specific one (KE-2 campaigning online in general, KE-4 liking/sharing a post; KE-3 a declaration with
 * active support, KE-6 taking part), and a report's act kind names a specific act.
 */
function rank(items: ProposalCandidate[], actKind: ActKind, lists: CatalogueList[]): ProposalCandidate[] {
  return [...items].sort(
    (a, b) => lists.indexOf(a.list) - lists.indexOf(b.list) || a.actKinds.indexOf(actKind) - b.actKinds.indexOf(actKind) || b.ordinal - a.ordinal,
  );
}

const describe = (item: ProposalCandidate) => `${item.code} — ${TIER_LABELS[item.tier]}`;

/** The proposed item, the alternatives and the reason, in Indonesian. */
export function chooseItem(items: readonly ProposalCandidate[], facts: ProposalFacts): ProposalChoice {
  const fitting = items.filter((i) => i.actKinds.includes(facts.actKind));
  if (!facts.actDate || !facts.contest) {
    const missing = [!facts.actDate ? 'tanggal perbuatan' : null, !facts.contest ? 'kontestasi pemilihan' : null].filter(Boolean).join(' dan ');
    const anyStage = rank(fitting.filter((i) => i.stage === 'any'), facts.actKind, LIST_ORDER.unknown);
    const [item, ...alternatives] = anyStage;
    if (item) {
      return { phase: null, item, alternatives, reason: `Item ${describe(item)}, berlaku pada tahap mana pun. Lengkapi ${missing} untuk memeriksa apakah item lain lebih tepat.` };
    }
    return {
      phase: null,
      item: null,
      alternatives: [],
      reason: `Isi ${missing} untuk menentukan daftar: kode etik bila perbuatan sebelum penetapan calon, disiplin bila pada atau sesudah penetapan calon.`,
    };
  }
  const phase = phaseOf(facts.actDate, facts.contest.penetapanCalonOn);
  const phaseList: CatalogueList = phase === 'bakal_calon' ? 'kode_etik' : 'disiplin';
  const base = `Tanggal perbuatan ${facts.actDate} ${phase === 'bakal_calon' ? 'sebelum' : 'pada atau sesudah'} penetapan calon ${facts.contest.name} (${facts.contest.penetapanCalonOn}): daftar ${LIST_LABELS[phaseList]}.`;
  const [item, ...alternatives] = rank(fitting.filter((i) => i.stage === phase || i.stage === 'any'), facts.actKind, LIST_ORDER[phase]);
  if (!item) return { phase, item: null, alternatives: [], reason: `${base} Belum ada item katalog untuk jenis perbuatan ini; pilih item secara manual.` };
  if (item.list === phaseList) return { phase, item, alternatives, reason: `${base} Usulan: ${describe(item)}.` };
  return {
    phase,
    item,
    alternatives,
    reason: `${base} Tidak ada item ${LIST_LABELS[phaseList]} untuk jenis perbuatan ini; usulan dari daftar ${LIST_LABELS[item.list]} yang berlaku pada tahap mana pun: ${describe(item)}.`,
  };
}
