/**
 * The rules of the workflow, without I/O: given the case, its subjects, its history and an action,
 * either refuse with a clear Indonesian reason or return a plan (next state, subject changes,
 * documents to issue, what the reporter is told). The service applies the plan in one transaction.
 */
import {
  ASN_TIERS,
  CASE_ACTION_FROM,
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  REPORTER_CLOSE_MESSAGES,
  REPORTER_STATE_MESSAGES,
  SANCTIONS,
  TIER_LABELS,
  type CaseDocumentKind,
  type CaseState,
  type CloseReason,
  type Tier,
} from '../../../shared/case-workflow.js';
import type { CaseActionBody } from '../../../shared/contracts/cases.contract.js';
import { AppError } from '../../http/app-error.js';
import type { CaseRow, EventRow, SubjectRow } from './cases.repository.js';

export interface PlannedDocument {
  kind: CaseDocumentKind;
  subjectId: string | null;
}

export interface Plan {
  toState: CaseState;
  closeReason?: CloseReason;
  external?: CaseRow['external'];
  subjectPatches: { id: string; patch: Partial<SubjectRow> }[];
  /** What the event records (besides the body itself). */
  eventData: Record<string, unknown>;
  reason: string | null;
  documents: PlannedDocument[];
  /** A plain message for the reporters of linked reports (state changes only). */
  reporterMessage: string | null;
  mergeInto?: string;
}

/** Facts the planner needs from other modules (catalogue items). */
export interface PlanFacts {
  itemTier: (code: string) => Tier | null;
  ppkName: string;
  /** The tenant's workflow setting: tiers that go through a Tim Pemeriksa (always incl. sedang/berat/PTDH). */
  examinationTiers: readonly Tier[];
  /** The tenant's calendar day: records of what happened cannot be dated after it. */
  today: string;
}

/** Dates of things that already happened (a clarification held, an SK signed) cannot lie in the future. */
function assertPast(today: string, fields: Record<string, string | null | undefined>): void {
  const future = Object.entries(fields).filter(([, v]) => v && v > today);
  if (future.length) throw new AppError('VALIDATION_FAILED', Object.fromEntries(future.map(([k]) => [k, 'Tanggal tidak boleh setelah hari ini.'])));
}

const refuse = (message: string, details: Record<string, unknown> = {}) => new AppError('CASE_REQUIREMENT', details, message);

// ---------- per-subject progress, derived from the (non-withdrawn) events ----------

export interface SubjectProgress {
  summonses: { summonsNo: number; appearOn: string; stage: CaseState; attended: boolean | null }[];
  clarified: boolean;
  bapRecorded: boolean;
  absences: Set<string>;
}

/** Events withdrawn by a later `withdrawal` event no longer count. */
export function liveEvents(events: EventRow[]): EventRow[] {
  const withdrawn = new Set(events.filter((e) => e.kind === 'withdrawal' && e.correctsSeq).map((e) => e.correctsSeq));
  return events.filter((e) => !withdrawn.has(e.seq));
}

export function progressOf(events: EventRow[], subjectId: string): SubjectProgress {
  const p: SubjectProgress = { summonses: [], clarified: false, bapRecorded: false, absences: new Set() };
  for (const e of liveEvents(events)) {
    const d = e.data as Record<string, unknown>;
    if (d.subjectId !== subjectId) continue;
    const stage = e.fromState as CaseState;
    if (e.kind === 'summon') p.summonses.push({ summonsNo: Number(d.summonsNo), appearOn: String(d.appearOn), stage, attended: null });
    if (e.kind === 'record_absence') {
      p.absences.add(`${stage}:${d.summonsNo}`);
      const s = p.summonses.find((x) => x.stage === stage && x.summonsNo === Number(d.summonsNo));
      if (s) s.attended = false;
    }
    if (e.kind === 'record_clarification') p.clarified = true;
    if (e.kind === 'record_bap') p.bapRecorded = true;
  }
  return p;
}

/** Both summonses of a stage ignored: the decision may be taken on the evidence (PP 94/2021). */
const ignoredBoth = (p: SubjectProgress, stage: CaseState) => p.absences.has(`${stage}:1`) && p.absences.has(`${stage}:2`);

const handled = (subjects: SubjectRow[]) => subjects.filter((s) => s.track !== 'desa');

function subjectOf(subjects: SubjectRow[], id: string): SubjectRow {
  const s = subjects.find((x) => x.id === id);
  if (!s) throw new AppError('VALIDATION_FAILED', { subjectId: 'Terlapor tidak termasuk kasus ini.' });
  return s;
}

function requireEvery<T extends { subjectId: string }>(subjects: SubjectRow[], entries: T[], what: string): void {
  const ids = new Set(entries.map((e) => e.subjectId));
  if (ids.size !== entries.length) throw new AppError('VALIDATION_FAILED', { subjects: 'Setiap terlapor hanya boleh disebut sekali.' });
  const missing = subjects.filter((s) => !ids.has(s.id));
  if (missing.length) throw refuse(`${what} belum diisi untuk: ${missing.map((s) => s.name).join(', ')}.`, { missing: missing.map((s) => s.id) });
}

function tierAllowedFor(s: SubjectRow, tier: Tier): boolean {
  return s.track === 'non_asn' ? tier === 'kontrak' : ASN_TIERS.includes(tier);
}

const stateChange = (toState: CaseState): Pick<Plan, 'toState' | 'reporterMessage'> => ({ toState, reporterMessage: REPORTER_STATE_MESSAGES[toState] ?? null });
const close = (reason: CloseReason): Pick<Plan, 'toState' | 'closeReason' | 'reporterMessage'> => ({ toState: 'closed', closeReason: reason, reporterMessage: REPORTER_CLOSE_MESSAGES[reason] });

/** Refuses an action that is not legal from the case's state, naming what is possible instead. */
export function assertActionAllowed(c: CaseRow, action: CaseActionBody['action']): void {
  if (CASE_ACTION_FROM[action].includes(c.state)) return;
  throw new AppError(
    'CASE_TRANSITION',
    { state: c.state, action, allowedFrom: CASE_ACTION_FROM[action] },
    `"${CASE_ACTION_LABELS[action]}" tidak dapat dilakukan saat kasus berada pada tahap ${CASE_STATE_LABELS[c.state]}.`,
  );
}

export function planAction(c: CaseRow, subjects: SubjectRow[], events: EventRow[], body: CaseActionBody, facts: PlanFacts): Plan {
  assertActionAllowed(c, body.action);
  const base: Plan = { toState: c.state, subjectPatches: [], eventData: {}, reason: null, documents: [], reporterMessage: null };
  const live = handled(subjects);
  switch (body.action) {
    case 'start_verification':
      return { ...base, ...stateChange('verification'), reason: body.note ?? null };

    case 'request_info':
      return { ...base, eventData: { message: body.message } };

    case 'reject':
      return { ...base, ...close('rejected'), reason: body.reason };

    case 'route_out': {
      if (subjects.length === 0) throw refuse('Tambahkan terlapor terlebih dahulu.');
      const asn = subjects.filter((s) => s.track !== 'desa');
      if (asn.length) throw refuse(`Hanya terlapor kepala/perangkat desa yang dialihkan. Pegawai Pemda ditangani di sini: ${asn.map((s) => s.name).join(', ')}.`);
      return { ...base, ...close('routed_out'), reason: body.reason, eventData: { target: body.target }, documents: [{ kind: 'surat_penerusan', subjectId: null }] };
    }

    case 'verify': {
      if (subjects.length === 0) throw refuse('Kasus belum memiliki terlapor. Tambahkan pegawai yang dilaporkan.');
      const desa = subjects.filter((s) => s.track === 'desa');
      if (desa.length) throw refuse(`Terlapor ${desa.map((s) => s.name).join(', ')} adalah kepala/perangkat desa: alihkan ke Bawaslu/DPMD, bukan diproses sebagai disiplin ASN.`);
      requireEvery(live, body.subjects, 'Penetapan pelanggaran');
      const patches = body.subjects.map((entry) => {
        const s = subjectOf(subjects, entry.subjectId);
        const itemTier = facts.itemTier(entry.itemCode);
        if (!itemTier) throw new AppError('VALIDATION_FAILED', { itemCode: `Kode pelanggaran ${entry.itemCode} tidak ada pada katalog yang berlaku.` });
        if (!tierAllowedFor(s, entry.tier)) throw refuse(s.track === 'non_asn' ? `${s.name} adalah pegawai non-ASN: gunakan tingkat sanksi menurut perjanjian kerja.` : `Tingkat "${TIER_LABELS[entry.tier]}" tidak berlaku untuk ASN.`);
        const departs = (s.proposedItemCode && s.proposedItemCode !== entry.itemCode) || (s.track === 'asn' && entry.tier !== itemTier);
        if (departs && !entry.overrideReason) {
          throw refuse(`Penetapan untuk ${s.name} berbeda dari usulan Netra (${s.proposedItemCode ?? '-'}, ${TIER_LABELS[itemTier]}): tuliskan alasannya.`, { subjectId: s.id });
        }
        return { id: s.id, patch: { itemCode: entry.itemCode, tier: entry.tier, overrideReason: departs ? (entry.overrideReason ?? null) : null } };
      });
      return { ...base, ...stateChange('clarification'), subjectPatches: patches, reason: body.note ?? null };
    }

    case 'summon': {
      const s = subjectOf(live, body.subjectId);
      const p = progressOf(events, s.id);
      const same = p.summonses.filter((x) => x.stage === c.state && x.summonsNo === body.summonsNo);
      if (same.length) throw refuse(`Surat panggilan ${body.summonsNo === 1 ? 'I' : 'II'} untuk ${s.name} sudah diterbitkan pada tahap ini.`);
      if (body.summonsNo === 2 && !p.absences.has(`${c.state}:1`)) throw refuse('Surat panggilan II hanya diterbitkan bila panggilan I tidak dihadiri. Catat ketidakhadiran terlebih dahulu.');
      const first = p.summonses.find((x) => x.stage === c.state && x.summonsNo === 1);
      return { ...base, eventData: { subjectId: s.id, summonsNo: body.summonsNo, appearOn: body.appearOn, appearTime: body.appearTime, place: body.place, previousSummonsOn: first?.appearOn ?? null }, documents: [{ kind: 'surat_panggilan', subjectId: s.id }] };
    }

    case 'record_absence': {
      const s = subjectOf(live, body.subjectId);
      const p = progressOf(events, s.id);
      if (!p.summonses.some((x) => x.stage === c.state && x.summonsNo === body.summonsNo)) throw refuse(`Belum ada surat panggilan ${body.summonsNo === 1 ? 'I' : 'II'} untuk ${s.name}.`);
      if (p.absences.has(`${c.state}:${body.summonsNo}`)) throw refuse('Ketidakhadiran untuk panggilan ini sudah dicatat.');
      return { ...base, eventData: { subjectId: s.id, summonsNo: body.summonsNo, note: body.note ?? null } };
    }

    case 'record_clarification': {
      assertPast(facts.today, { heldOn: body.heldOn });
      const s = subjectOf(live, body.subjectId);
      return { ...base, eventData: { subjectId: s.id, heldOn: body.heldOn, statement: body.statement, attendees: body.attendees }, documents: [{ kind: 'ba_klarifikasi', subjectId: s.id }] };
    }

    case 'finish_clarification': {
      const pending = live.filter((s) => {
        const p = progressOf(events, s.id);
        return !p.clarified && !ignoredBoth(p, 'clarification');
      });
      if (pending.length) throw refuse(`Klarifikasi belum dicatat (atau dua panggilan belum diabaikan) untuk: ${pending.map((s) => s.name).join(', ')}.`);
      const examined = live.filter((s) => s.tier && facts.examinationTiers.includes(s.tier));
      // The tiers in force are recorded, so the history explains the route even after the setting changes.
      return {
        ...base,
        ...stateChange(examined.length ? 'examination' : 'conclusion'),
        eventData: { examinationTiers: [...facts.examinationTiers], examinedSubjects: examined.map((s) => s.id) },
        reason: body.note ?? null,
      };
    }

    case 'form_examination_team': {
      const roles = new Set(body.members.map((m) => m.role));
      const missing = (['atasan_langsung', 'pengawasan', 'kepegawaian'] as const).filter((r) => !roles.has(r));
      if (missing.length) throw refuse('Tim Pemeriksa terdiri atas atasan langsung, unsur pengawasan dan unsur kepegawaian (PP 94/2021).', { missing });
      return { ...base, eventData: { members: body.members } };
    }

    case 'record_bap': {
      assertPast(facts.today, { heldOn: body.heldOn });
      const s = subjectOf(live, body.subjectId);
      if (!examinationTeam(events).length) throw refuse('Bentuk Tim Pemeriksa sebelum mencatat BAP.');
      if (!body.signedByExamined && !body.refusalNote) throw new AppError('VALIDATION_FAILED', { refusalNote: 'Jelaskan mengapa pegawai tidak menandatangani BAP.' });
      return { ...base, eventData: { subjectId: s.id, heldOn: body.heldOn, questions: body.questions, signedByExamined: body.signedByExamined, refusalNote: body.refusalNote ?? null }, documents: [{ kind: 'bap', subjectId: s.id }] };
    }

    case 'finish_examination': {
      if (!examinationTeam(events).length) throw refuse('Tim Pemeriksa belum dibentuk.');
      const pending = live.filter((s) => s.tier && facts.examinationTiers.includes(s.tier)).filter((s) => {
        const p = progressOf(events, s.id);
        return !p.bapRecorded && !ignoredBoth(p, 'examination');
      });
      if (pending.length) throw refuse(`BAP belum dicatat (atau dua panggilan pemeriksaan belum diabaikan) untuk: ${pending.map((s) => s.name).join(', ')}.`);
      return { ...base, ...stateChange('conclusion'), reason: body.note ?? null };
    }

    case 'conclude': {
      requireEvery(live, body.findings, 'Kesimpulan');
      const patches = body.findings.map((f) => ({ id: subjectOf(live, f.subjectId).id, patch: { finding: f.finding, findingReason: f.reason } }));
      const anyProven = body.findings.some((f) => f.finding === 'proven');
      return { ...base, ...(anyProven ? stateChange('recommendation') : close('not_proven')), subjectPatches: patches, documents: [{ kind: 'laporan_hasil_pemeriksaan', subjectId: null }] };
    }

    case 'recommend': {
      const proven = live.filter((s) => s.finding === 'proven');
      requireEvery(proven, body.recommendations, 'Rekomendasi');
      const patches = body.recommendations.map((r) => {
        const s = subjectOf(proven, r.subjectId);
        if (!tierAllowedFor(s, r.tier)) throw refuse(`Tingkat "${TIER_LABELS[r.tier]}" tidak berlaku untuk ${s.name}.`);
        return { id: s.id, patch: { recommendedTier: r.tier } };
      });
      return {
        ...base,
        ...stateChange('awaiting_ppk'),
        subjectPatches: patches,
        eventData: { ppkName: facts.ppkName, recommendations: body.recommendations },
        documents: [{ kind: 'surat_rekomendasi', subjectId: null }, ...proven.map((s) => ({ kind: 'draft_sk' as const, subjectId: s.id }))],
      };
    }

    case 'decide': {
      for (const d of body.decisions) assertPast(facts.today, { skDate: d.skDate });
      const proven = live.filter((s) => s.finding === 'proven');
      requireEvery(proven, body.decisions, 'Keputusan');
      const patches = body.decisions.map((d) => {
        const s = subjectOf(proven, d.subjectId);
        const tier = s.recommendedTier;
        if (!tier) throw refuse(`Belum ada rekomendasi untuk ${s.name}.`);
        if (d.sanction && !(SANCTIONS[tier] as readonly string[]).includes(d.sanction)) {
          throw new AppError('SANCTION_OUTSIDE_TIER', { subjectId: s.id, tier, allowed: SANCTIONS[tier] }, `Sanksi untuk ${s.name} harus dipilih dari tingkat ${TIER_LABELS[tier]}.`);
        }
        if (!d.sanction && !d.note) throw new AppError('VALIDATION_FAILED', { note: 'Tuliskan alasan bila PPK memutuskan tidak menjatuhkan sanksi.' });
        return { id: s.id, patch: { sanction: d.sanction, skNumber: d.skNumber, skDate: d.skDate } };
      });
      const anySanction = body.decisions.some((d) => d.sanction);
      return {
        ...base,
        ...(anySanction ? stateChange('follow_up') : close('decided_no_sanction')),
        subjectPatches: patches,
        eventData: { ppkName: facts.ppkName, decisions: body.decisions },
        documents: body.decisions.filter((d) => d.sanction).map((d) => ({ kind: 'draft_sk' as const, subjectId: d.subjectId })),
      };
    }

    case 'record_follow_up': {
      for (const x of body.executions) assertPast(facts.today, { executedOn: x.executedOn, idisRecordedOn: x.idisRecordedOn });
      const sanctioned = live.filter((s) => s.sanction);
      requireEvery(sanctioned, body.executions, 'Pelaksanaan sanksi');
      const patches = body.executions.map((x) => ({ id: subjectOf(sanctioned, x.subjectId).id, patch: { followUp: { executedOn: x.executedOn, note: x.note, idisRecordedOn: x.idisRecordedOn ?? null } } }));
      return { ...base, ...close('executed'), subjectPatches: patches };
    }

    case 'forward': {
      const common = { eventData: { target: body.target, mode: body.mode }, reason: body.reason, documents: [{ kind: 'surat_penerusan' as const, subjectId: null }] };
      if (body.mode === 'parallel') return { ...base, ...common };
      return { ...base, ...common, ...stateChange('forwarded'), external: { target: body.target, letterNumber: null, returnTo: c.state } };
    }

    case 'receive_external': {
      assertPast(facts.today, { letterDate: body.letterDate });
      const back = c.external?.returnTo ?? 'verification';
      const data = { result: body.result, letterNumber: body.letterNumber ?? null, letterDate: body.letterDate ?? null, target: c.external?.target ?? null };
      if (body.result === 'closed') return { ...base, ...close('forwarded'), external: null, eventData: data, reason: body.summary };
      return { ...base, ...stateChange(back), external: null, eventData: data, reason: body.summary };
    }

    case 'merge':
      if (body.targetCaseId === c.id) throw refuse('Kasus tidak dapat digabung ke dirinya sendiri.');
      return { ...base, ...close('merged'), mergeInto: body.targetCaseId, reason: body.reason, eventData: { targetCaseId: body.targetCaseId } };
  }
}

/** The Tim Pemeriksa as last formed (a later formation replaces an earlier one). */
export function examinationTeam(events: EventRow[]): { name: string; title: string; role: string }[] {
  const formed = liveEvents(events).filter((e) => e.kind === 'form_examination_team');
  const last = formed[formed.length - 1];
  return last ? ((last.data as { members: { name: string; title: string; role: string }[] }).members ?? []) : [];
}
