/**
 * Issuing the case's letters and records: gather the facts (tenant, Satgas decree, catalogue item,
 * subject, the event that asked for the document), number the letter, render it (documents/), store
 * it fsynced, and record it in the same transaction as the event. A re-issue is a new numbered row.
 */
import {
  CASE_DOCUMENT_LABELS,
  CASE_ORIGIN_LABELS,
  FORWARD_TARGET_LABELS,
  SANCTIONS,
  SANCTION_LABELS,
  SATGAS_POSITION_LABELS,
  TIER_LABELS,
  type CaseDocumentKind,
  type ForwardTarget,
  type Sanction,
  type Tier,
} from '../../../shared/case-workflow.js';
import { ACT_KIND_LABELS, type ActKind } from '../../../shared/contracts/reports.contract.js';
import { EMPLOYEE_CATEGORY_LABELS } from '../../../shared/enums.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import type { RequestContext } from '../../lib/context.js';
import { readStoredFile, writeStoredFile } from '../../lib/file-store.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCaseSettings } from '../case-settings/case-settings.service.js';
import { nextCounter } from '../case-settings/counters.repository.js';
import { listItems, findCatalogue } from '../catalogue/catalogue.service.js';
import { insertStoredFile } from '../pledges/pledges.repository.js';
import { activeSatgas } from '../satgas/satgas.service.js';
import { findTenantById } from '../tenants/tenants.repository.js';
import type { CaseDocumentInput, CaseOnLetter, LetterHead, SatgasOnLetter, SubjectOnLetter } from './documents/case-document.types.js';
import { renderCaseDocument } from './documents/render.js';
import { findElection, insertDocument, listDocuments, listEvents, listEvidence, listSubjects, lockCase, type CaseRow, type EventRow, type SubjectRow } from './cases.repository.js';
import type { PlannedDocument } from './cases.workflow.js';
import { examinationTeam, liveEvents } from './cases.workflow.js';
import { readableCase, tenantToday } from './cases.service.js';

interface Facts {
  head: Omit<LetterHead, 'number'>;
  letterCode: string;
  ppk: { title: string; name: string | null };
  satgas: SatgasOnLetter | null;
  case: CaseOnLetter;
  subjects: SubjectRow[];
  events: EventRow[];
  items: Awaited<ReturnType<typeof listItems>>;
  evidence: { description: string; sha256: string }[];
}

async function gatherFacts(tx: DbOrTx, tenantId: string, c: CaseRow, today: string): Promise<Facts> {
  const tenant = (await findTenantById(tx, tenantId))!;
  const settings = await getCaseSettings(tx, tenantId);
  const election = await findElection(tx, tenantId, c.electionEventId, c.electionContestId);
  const catalogue = c.catalogueId ? await findCatalogue(tx, tenantId, c.catalogueId) : null;
  const team = await activeSatgas(tx, tenantId, today);
  const person = (position: string) => {
    const m = team?.members.find((x) => x.position === position);
    return m ? { title: m.title, name: m.name, nip: m.employeeIdNumber } : null;
  };
  return {
    head: { instansi: tenant.name, address: tenant.address, place: settings.letterPlace ?? tenant.name.replace(/^(Pemerintah\s+)?(Kabupaten|Kota|Provinsi)\s+/i, ''), issuedOn: today },
    letterCode: settings.letterCode,
    ppk: { title: settings.ppkTitle, name: settings.ppkName },
    satgas: team
      ? { decreeNumber: team.decree.number, decreeSignedOn: team.decree.signedOn, signerTitle: team.decree.signerTitle, chair: person('ketua') ?? person('wakil_ketua'), secretary: person('sekretaris'), members: team.members.map((m) => ({ position: SATGAS_POSITION_LABELS[m.position], name: m.name, title: m.title })) }
      : null,
    case: {
      number: c.number,
      title: c.title,
      summary: c.summary,
      originLabel: CASE_ORIGIN_LABELS[c.origin],
      actKindLabel: c.actKind ? (ACT_KIND_LABELS[c.actKind as ActKind] ?? c.actKind) : null,
      actDate: c.actDate,
      place: c.place,
      electionName: election?.event.name ?? null,
      contestName: election?.contest?.name ?? null,
      penetapanCalonOn: election?.contest?.penetapanCalonOn ?? null,
      catalogueTitle: catalogue ? `${catalogue.title} (versi ${catalogue.version})` : null,
    },
    subjects: await listSubjects(tx, tenantId, c.id),
    events: await listEvents(tx, tenantId, c.id),
    items: c.catalogueId ? await listItems(tx, tenantId, c.catalogueId) : [],
    evidence: (await listEvidence(tx, tenantId, c.id)).map((e) => ({ description: e.e.description, sha256: e.e.sha256 })),
  };
}

function subjectOnLetter(f: Facts, s: SubjectRow): SubjectOnLetter {
  const item = s.itemCode ? f.items.find((i) => i.code === s.itemCode) : undefined;
  return {
    name: s.name,
    idNumber: s.idNumber,
    position: s.position,
    unitName: s.unitName,
    categoryLabel: s.category ? (EMPLOYEE_CATEGORY_LABELS[s.category as keyof typeof EMPLOYEE_CATEGORY_LABELS] ?? s.category) : null,
    item: item ? { code: item.code, act: item.act, legalBasis: item.legalBasis, tierLabel: TIER_LABELS[(s.tier ?? item.tier) as Tier] } : null,
  };
}

const sanctionOptions = (tier: Tier | null) => (tier ? (SANCTIONS[tier] as readonly Sanction[]).map((x) => SANCTION_LABELS[x]) : []);

/** The latest live event of a kind (for this subject when given): a document is drawn from it. */
function latest(f: Facts, kinds: string[], subjectId: string | null): EventRow | undefined {
  return liveEvents(f.events)
    .filter((e) => kinds.includes(e.kind) && (!subjectId || (e.data as { subjectId?: string }).subjectId === subjectId))
    .at(-1);
}

function need<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new AppError('CASE_REQUIREMENT', {}, message);
  return value;
}

/** Builds the renderer input of one document kind from the facts (and the event that asked for it). */
function inputFor(f: Facts, kind: CaseDocumentKind, subjectId: string | null, head: LetterHead, trigger: EventRow | undefined): CaseDocumentInput {
  const subject = subjectId ? need(f.subjects.find((s) => s.id === subjectId), 'Terlapor tidak ditemukan pada kasus ini.') : null;
  const ppk = { title: f.ppk.title, name: f.ppk.name };
  switch (kind) {
    case 'surat_panggilan': {
      const e = need(trigger?.kind === 'summon' ? trigger : latest(f, ['summon'], subjectId), 'Belum ada panggilan yang dicatat untuk terlapor ini.');
      const d = e.data as { summonsNo: 1 | 2; appearOn: string; appearTime: string; place: string; previousSummonsOn: string | null };
      return { kind, head, satgas: f.satgas, case: f.case, subject: subjectOnLetter(f, subject!), summonsNo: d.summonsNo, appearOn: d.appearOn, appearTime: d.appearTime, appearPlace: d.place, previousSummonsOn: d.previousSummonsOn };
    }
    case 'ba_klarifikasi': {
      const e = need(trigger?.kind === 'record_clarification' ? trigger : latest(f, ['record_clarification'], subjectId), 'Klarifikasi belum dicatat untuk terlapor ini.');
      const d = e.data as { heldOn: string; statement: string; attendees: string[] };
      return { kind, head, satgas: f.satgas, case: f.case, subject: subjectOnLetter(f, subject!), heldOn: d.heldOn, statement: d.statement, attendees: d.attendees ?? [], clarifier: { title: 'Anggota Satgas Netralitas ASN', name: e.actorLabel } };
    }
    case 'bap': {
      const e = need(trigger?.kind === 'record_bap' ? trigger : latest(f, ['record_bap'], subjectId), 'BAP belum dicatat untuk terlapor ini.');
      const d = e.data as { heldOn: string; questions: { q: string; a: string }[]; signedByExamined: boolean; refusalNote: string | null };
      return { kind, head, case: f.case, subject: subjectOnLetter(f, subject!), heldOn: d.heldOn, team: examinationTeam(f.events), questions: d.questions, signedByExamined: d.signedByExamined, refusalNote: d.refusalNote };
    }
    case 'laporan_hasil_pemeriksaan': {
      const concluded = f.subjects.filter((s) => s.finding);
      if (!concluded.length) throw new AppError('CASE_REQUIREMENT', {}, 'Kesimpulan belum dicatat.');
      const chronology = liveEvents(f.events)
        .filter((e) => e.toState || ['summon', 'record_clarification', 'record_absence', 'record_bap', 'form_examination_team', 'forward'].includes(e.kind))
        .map((e) => ({ on: e.at.toISOString().slice(0, 10), text: chronologyText(e, f.subjects) }));
      return { kind, head, satgas: f.satgas, case: f.case, findings: concluded.map((s) => ({ subject: subjectOnLetter(f, s), finding: s.finding as 'proven' | 'not_proven', reason: s.findingReason ?? '' })), chronology, evidence: f.evidence };
    }
    case 'surat_rekomendasi': {
      const e = need(trigger?.kind === 'recommend' ? trigger : latest(f, ['recommend'], null), 'Rekomendasi belum dicatat.');
      const recs = (e.data as { recommendations: { subjectId: string; tier: Tier; reasoning: string }[] }).recommendations;
      return { kind, head, satgas: f.satgas, case: f.case, ppk, recommendations: recs.map((r) => ({ subject: subjectOnLetter(f, need(f.subjects.find((s) => s.id === r.subjectId), 'Terlapor tidak ditemukan.')), tierLabel: TIER_LABELS[r.tier], sanctionOptions: sanctionOptions(r.tier), reasoning: r.reasoning })) };
    }
    case 'draft_sk': {
      const tier = need(subject!.recommendedTier, 'Belum ada rekomendasi tingkat sanksi untuk terlapor ini.');
      const item = subject!.itemCode ? f.items.find((i) => i.code === subject!.itemCode) : undefined;
      return {
        kind,
        head,
        case: f.case,
        ppk,
        subject: subjectOnLetter(f, subject!),
        tierLabel: TIER_LABELS[tier],
        sanctionOptions: sanctionOptions(tier),
        chosenSanction: subject!.sanction ? SANCTION_LABELS[subject!.sanction as Sanction] : null,
        legalBasis: [item?.legalBasis, tier === 'moral' ? 'Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil' : 'Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil', 'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara', 'Keputusan Bersama MenPANRB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN'].filter((x): x is string => Boolean(x)),
      };
    }
    case 'surat_penerusan': {
      const e = need(trigger && ['forward', 'route_out'].includes(trigger.kind) ? trigger : latest(f, ['forward', 'route_out'], null), 'Belum ada penerusan yang dicatat.');
      const target = (e.data as { target: ForwardTarget }).target;
      return { kind, head, satgas: f.satgas, case: f.case, target: { label: FORWARD_TARGET_LABELS[target], kind: target }, reason: e.reason ?? '', subjects: f.subjects.map((s) => subjectOnLetter(f, s)), evidence: f.evidence };
    }
  }
}

function chronologyText(e: EventRow, subjects: SubjectRow[]): string {
  const d = e.data as { subjectId?: string; summonsNo?: number };
  const who = d.subjectId ? subjects.find((s) => s.id === d.subjectId)?.name : null;
  const label: Record<string, string> = {
    created: 'Kasus didaftarkan',
    summon: `Surat panggilan ${d.summonsNo === 2 ? 'II' : 'I'} diterbitkan`,
    record_absence: `Tidak hadir memenuhi panggilan ${d.summonsNo === 2 ? 'II' : 'I'}`,
    record_clarification: 'Klarifikasi dilaksanakan',
    form_examination_team: 'Tim Pemeriksa dibentuk',
    record_bap: 'Pemeriksaan dilaksanakan (BAP)',
    forward: 'Diteruskan ke instansi berwenang',
  };
  const base = label[e.kind] ?? CASE_DOCUMENT_LABELS[e.kind as CaseDocumentKind] ?? (e.toState ? `Tahap berubah: ${e.kind}` : e.kind);
  return who ? `${base} (${who})` : base;
}

async function letterNumber(tx: DbOrTx, tenantId: string, f: Facts, kind: CaseDocumentKind, subject: SubjectRow | undefined): Promise<string> {
  const year = f.head.issuedOn.slice(0, 4);
  if (kind === 'draft_sk') return subject?.skNumber ?? `RANCANGAN/${f.case.number}`;
  const n = await nextCounter(tx, tenantId, `letter:${year}`);
  return `${f.letterCode}/${String(n).padStart(4, '0')}/Satgas-Netralitas/${year}`;
}

async function storeDocument(deps: AppDeps, tx: Tx, ctx: RequestContext, c: CaseRow, f: Facts, doc: PlannedDocument, trigger: EventRow | undefined) {
  const subject = doc.subjectId ? f.subjects.find((s) => s.id === doc.subjectId) : undefined;
  const number = await letterNumber(tx, ctx.tenantId, f, doc.kind, subject);
  const bytes = await renderCaseDocument(inputFor(f, doc.kind, doc.subjectId, { ...f.head, number }, trigger));
  const file = await writeStoredFile(deps.config.DATA_DIR, ctx.tenantId, 'case_document', bytes);
  await insertStoredFile(tx, { tenantId: ctx.tenantId, id: file.id, purpose: 'case_document', fileName: `${doc.kind}-${c.number}.pdf`, mimeType: 'application/pdf', size: file.size, sha256: file.sha256, storagePath: file.storagePath, createdBy: ctx.actor.userId });
  return insertDocument(tx, { tenantId: ctx.tenantId, caseId: c.id, kind: doc.kind, number, subjectId: doc.subjectId, eventSeq: trigger?.seq ?? null, fileId: file.id, sha256: file.sha256, createdBy: ctx.actor.userId });
}

/** Called by the workflow inside the action's transaction (after subject patches and the event). */
export async function issueDocuments(deps: AppDeps, tx: Tx, ctx: RequestContext, c: CaseRow, trigger: EventRow, planned: PlannedDocument[], today: string) {
  if (planned.length === 0) return [];
  const f = await gatherFacts(tx, ctx.tenantId, c, today);
  const out = [];
  for (const doc of planned) out.push(await storeDocument(deps, tx, ctx, c, f, doc, trigger));
  return out;
}

/** Re-issues a document from the case's current data (e.g. after a correction): a new number, the old one kept. */
export async function reissueDocument(deps: AppDeps, ctx: RequestContext, caseId: string, kind: CaseDocumentKind, subjectId: string | null) {
  await readableCase(deps.db, ctx, caseId, 'case.handle');
  return deps.db.transaction(async (tx) => {
    const c = (await lockCase(tx, ctx.tenantId, caseId))!;
    const { today } = await tenantToday(tx, ctx.tenantId);
    const f = await gatherFacts(tx, ctx.tenantId, c, today);
    const needsSubject = ['surat_panggilan', 'ba_klarifikasi', 'bap', 'draft_sk'].includes(kind);
    if (needsSubject && !subjectId) throw new AppError('VALIDATION_FAILED', { subjectId: 'Pilih terlapor untuk dokumen ini.' });
    const doc = await storeDocument(deps, tx, ctx, c, f, { kind, subjectId: needsSubject ? subjectId : null }, undefined);
    await recordAudit(tx, ctx, { action: 'case.document.reissue', entityType: 'case', entityId: caseId, after: { kind, number: doc.number, sha256: doc.sha256 } });
    return doc;
  });
}

/** A stored document for download; the reading is audited like evidence. */
export async function openCaseDocument(deps: AppDeps, ctx: RequestContext, caseId: string, documentId: string) {
  await readableCase(deps.db, ctx, caseId);
  const row = (await listDocuments(deps.db, ctx.tenantId, caseId)).find((d) => d.d.id === documentId);
  if (!row) throw new AppError('NOT_FOUND', { documentId });
  const bytes = await readStoredFile(row.storagePath);
  await deps.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.document.open', entityType: 'case', entityId: caseId, after: { documentId, number: row.d.number, sha256: row.d.sha256 } }));
  return { bytes, fileName: `${row.d.kind}-${row.d.number.replace(/[^\w.-]+/g, '_')}.pdf` };
}
