/**
 * Bulk case data for bench/cases.ts, generated with set-based SQL (insert … select from generate_series)
 * in one transaction on one connection: going through the API would take hours for 50,000 cases.
 * The rows keep the shapes the app writes (createCaseInTx, actOnCase, addCaseNote, issueDocuments):
 * numbers KS-YYYY-NNNN per year, an event per workflow step with the step's data json (subjectId,
 * ppkName, recommendations, decisions…), version = 1 + assignment at creation + every later event,
 * due dates only on open cases, documents with their stored_file row, counters moved past the numbers used.
 * Not generated: the audit entries of those past writes (the chain is hashed row by row), report links.
 */
import type pg from 'pg';
import { ACT_KINDS, ACT_KIND_LABELS } from '../src/shared/contracts/reports.contract.js';
import { DEFAULT_STEP_DAYS, type CaseState, type CloseReason } from '../src/shared/case-workflow.js';

type Step = readonly [kind: string, to?: CaseState];
const VERIFYING: Step[] = [['created', 'registered'], ['start_verification', 'verification']];
const CLARIFYING: Step[] = [...VERIFYING, ['verify', 'clarification'], ['summon'], ['record_clarification']];
const CONCLUDING: Step[] = [...CLARIFYING, ['finish_clarification', 'conclusion']];
const RECOMMENDING: Step[] = [...CONCLUDING, ['conclude', 'recommendation']];
const AWAITING_PPK: Step[] = [...RECOMMENDING, ['recommend', 'awaiting_ppk']];
const FOLLOWING_UP: Step[] = [...AWAITING_PPK, ['decide', 'follow_up']];

interface Bucket {
  state: CaseState;
  closeReason?: CloseReason;
  /** Open buckets: a number of cases; closed buckets: a share of the rest. */
  count?: number;
  share?: number;
  steps: Step[];
  /** Open cases: their current step started within this many days (so some are overdue). */
  spanDays?: number;
}

/** ~3,000 open cases across every state (300 awaiting the PPK), the rest closed, mostly executed. */
const BUCKETS: Bucket[] = [
  { state: 'registered', count: 250, steps: VERIFYING.slice(0, 1), spanDays: 6 },
  { state: 'verification', count: 450, steps: VERIFYING, spanDays: 14 },
  { state: 'clarification', count: 700, steps: CLARIFYING, spanDays: 25 },
  { state: 'examination', count: 350, steps: [...CLARIFYING, ['finish_clarification', 'examination'], ['form_examination_team']], spanDays: 25 },
  { state: 'conclusion', count: 300, steps: CONCLUDING, spanDays: 10 },
  { state: 'recommendation', count: 200, steps: RECOMMENDING, spanDays: 8 },
  // The known weak point (domain §6): recommendations wait weeks for the PPK.
  { state: 'awaiting_ppk', count: 300, steps: AWAITING_PPK, spanDays: 40 },
  { state: 'follow_up', count: 350, steps: FOLLOWING_UP, spanDays: 25 },
  { state: 'forwarded', count: 100, steps: [...VERIFYING, ['forward', 'forwarded']], spanDays: 10 },
  { state: 'closed', closeReason: 'executed', share: 0.53, steps: [...FOLLOWING_UP, ['record_follow_up', 'closed']] },
  { state: 'closed', closeReason: 'not_proven', share: 0.26, steps: [...CONCLUDING, ['conclude', 'closed']] },
  { state: 'closed', closeReason: 'rejected', share: 0.12, steps: [...VERIFYING, ['reject', 'closed']] },
  { state: 'closed', closeReason: 'decided_no_sanction', share: 0.04, steps: [...AWAITING_PPK, ['decide', 'closed']] },
  { state: 'closed', closeReason: 'merged', share: 0.025, steps: [...VERIFYING, ['merge', 'closed']] },
  { state: 'closed', closeReason: 'routed_out', share: 0.01, steps: [['created', 'registered'], ['route_out', 'closed']] },
  { state: 'closed', closeReason: 'forwarded', share: 0.015, steps: [...VERIFYING, ['forward', 'forwarded'], ['receive_external', 'closed']] },
];

/** Buckets as rows [lo, hi] of the case index, with each step's kind, state before and state after. */
function bucketRows(cases: number) {
  const open = BUCKETS.reduce((n, b) => n + (b.count ?? 0), 0);
  if (cases < open * 2) throw new Error(`BENCH_CASES must be at least ${open * 2}`);
  let lo = 1;
  return BUCKETS.map((b, i) => {
    const n = b.count ?? (i === BUCKETS.length - 1 ? cases - lo + 1 : Math.round((cases - open) * b.share!));
    let state: string | null = null;
    const froms: string[] = [];
    const tos: string[] = [];
    for (const [kind, to] of b.steps) {
      froms.push(kind === 'created' ? '' : state!); // actOnCase records the state it acted from; creation has none
      tos.push(to ?? '');
      if (to) state = to;
    }
    const row = { lo, hi: lo + n - 1, state: b.state, close_reason: b.closeReason ?? null, kinds: b.steps.map(([k]) => k), froms, tos, step_days: b.state === 'closed' ? 0 : DEFAULT_STEP_DAYS[b.state as keyof typeof DEFAULT_STEP_DAYS], span_days: b.spanDays ?? 0 };
    lo += n;
    return row;
  });
}

export interface CaseDataParams {
  tenantId: string;
  cases: number;
  events: number;
  electionEventId: string;
  contestId: string;
  /** Accounts that act: the Satgas handlers and the PPK. */
  satgasUserId: string;
  adminUserId: string;
  inspektoratUserId: string;
  ppkUserId: string;
}

export interface CaseDataResult {
  ms: number;
  counts: Record<string, number>;
}

const SUBJECT_NAMES = `jsonb_agg(s.name order by s.ord)`;
const perSubject = (fields: string) => `jsonb_agg(jsonb_build_object(${fields}) order by s.ord)`;

/** Generates the cases in one transaction, then VACUUM ANALYZE; returns the time taken and the row counts. */
export async function generateCaseData(client: pg.PoolClient, p: CaseDataParams): Promise<CaseDataResult> {
  const t0 = performance.now();
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  await q('begin');
  await q('select setseed(0.2026)'); // the same spread every run (uuids still differ)
  await q(`create temp table bench_plan on commit drop as
    with b as (select * from jsonb_to_recordset($1::jsonb) as x(lo int, hi int, state text, close_reason text, kinds text[], froms text[], tos text[], step_days int, span_days int)),
    raw as (
      select i, gen_random_uuid() as id, b.state, b.close_reason, b.kinds, b.froms, b.tos, cardinality(b.kinds) as path_len, b.step_days,
             interval '1 day' * (2 + random() * 6) as gap,
             now() - interval '30 days' - random() * interval '1050 days' as closed_created,
             now() - random() * make_interval(days => greatest(b.span_days, 1)) as open_last,
             random() as r_origin, random() as r_assign
      from generate_series(1, $2::int) i join b on i between b.lo and b.hi)
    select raw.*,
           case when state = 'closed' then closed_created else open_last - gap * (path_len - 1) end as created_at,
           case when state = 'closed' then closed_created + gap * (path_len - 1) else open_last end as last_at,
           -- the notes beyond the workflow steps, spread evenly to reach the event total
           greatest($3::int - (select sum(cardinality(b2.kinds) * (b2.hi - b2.lo + 1)) from b b2), 0) / $2::int
             + case when i <= greatest($3::int - (select sum(cardinality(b2.kinds) * (b2.hi - b2.lo + 1)) from b b2), 0) % $2::int then 1 else 0 end as notes
    from raw`, [JSON.stringify(bucketRows(p.cases)), p.cases, p.events]);
  await q('create index on bench_plan (i)');

  await q(`create temp table bench_emp on commit drop as
    select row_number() over (order by e.id_number) as rn, e.id, e.name, e.id_number, e.jabatan_name, e.unit_id, e.category, e.jabatan_class, u.name as unit_name, u.path as unit_path
    from employee e join unit u on u.tenant_id = e.tenant_id and u.id = e.unit_id where e.tenant_id = $1`, [p.tenantId]);
  await q(`create temp table bench_item on commit drop as
    select row_number() over (order by i.code) as rn, i.code, i.tier from violation_item i
    join violation_catalogue c on c.tenant_id = i.tenant_id and c.id = i.catalogue_id and c.is_current
    where i.tenant_id = $1 and i.tier in ('moral', 'ringan', 'sedang', 'berat')`, [p.tenantId]);
  // ~1.2 subjects per case: every fifth case concerns a second employee.
  await q(`create temp table bench_subj on commit drop as
    with n as (select (select count(*) from bench_emp) as emps, (select count(*) from bench_item) as items),
    pick as (
      select pl.id as case_id, pl.i, k.ord, (case k.ord when 1 then pl.i::bigint * 7919 else pl.i::bigint * 104729 + 13 end) % n.emps + 1 as rn, pl.i % n.items + 1 as item_rn
      from bench_plan pl cross join n cross join (values (1), (2)) k(ord)
      where k.ord = 1 or (pl.i % 5 = 0 and (pl.i::bigint * 7919) % n.emps <> (pl.i::bigint * 104729 + 13) % n.emps))
    select pick.case_id, pick.i, pick.ord, gen_random_uuid() as id, e.id as employee_id, e.name, e.id_number, e.jabatan_name, e.unit_id, e.unit_name, e.unit_path, e.category, e.jabatan_class,
           case when e.category in ('pns', 'cpns', 'pppk', 'pppk_paruh_waktu') then 'asn' else 'non_asn' end as track, it.code, it.tier
    from pick join bench_emp e on e.rn = pick.rn join bench_item it on it.rn = pick.item_rn`);

  await q(`create temp table bench_case on commit drop as
    select pl.*, s1.id as s1_id, s1.name as s1_name, agg.names, agg.verify_json, agg.findings_json, agg.recs_json, agg.decisions_json, agg.exec_json,
           (case when pl.r_origin < 0.45 then 'laporan' when pl.r_origin < 0.65 then 'temuan_patroli' when pl.r_origin < 0.85 then 'temuan_medsos'
                 when pl.r_origin < 0.95 then 'rekomendasi_bawaslu' when pl.r_origin < 0.97 then 'penerusan_bkn' else 'temuan_atasan' end) as origin,
           (case when pl.r_assign < 0.45 then $1::uuid when pl.r_assign < 0.75 then $2::uuid when pl.r_assign < 0.9 then $3::uuid end) as assignee,
           (array['satgas', 'admin.bkpsdm', 'inspektorat'])[case when pl.r_assign < 0.45 or pl.r_assign >= 0.9 then 1 when pl.r_assign < 0.75 then 2 else 3 end] as actor_label,
           $4::text[] as act_kinds
    from bench_plan pl
    join bench_subj s1 on s1.case_id = pl.id and s1.ord = 1
    join (select s.case_id, ${SUBJECT_NAMES} as names,
                 ${perSubject(`'subjectId', s.id, 'itemCode', s.code, 'tier', case when s.track = 'asn' then s.tier else 'kontrak' end, 'overrideReason', null`)} as verify_json,
                 ${perSubject(`'subjectId', s.id, 'finding', 'proven', 'reason', 'Unggahan dan keterangan saksi cocok dengan pengakuan terlapor.'`)} as findings_json,
                 ${perSubject(`'subjectId', s.id, 'tier', case when s.track = 'asn' then s.tier else 'kontrak' end, 'reasoning', 'Perbuatan terbukti; tidak ada hal yang meringankan.'`)} as recs_json,
                 ${perSubject(`'subjectId', s.id, 'sanction', case when s.track <> 'asn' then 'teguran_tertulis_kontrak' when s.tier = 'moral' then 'pernyataan_terbuka' when s.tier = 'ringan' then 'teguran_tertulis' when s.tier = 'sedang' then 'potong_tpp_25_6_bulan' else 'jabatan_pelaksana_12_bulan' end, 'skNumber', '800.1.6.4/SK/' || s.i, 'skDate', null`)} as decisions_json,
                 ${perSubject(`'subjectId', s.id, 'executedOn', null, 'note', 'Sanksi dilaksanakan.', 'idisRecordedOn', null`)} as exec_json
          from bench_subj s group by s.case_id) agg on agg.case_id = pl.id`,
    [p.satgasUserId, p.adminUserId, p.inspektoratUserId, [...ACT_KINDS]]);

  await insertCases(q, p);
  await insertSubjects(q, p);
  await insertEvents(q, p);
  await insertDocumentsAndEvidence(q, p);
  await insertExclusionsAndCounters(q, p);
  await q('commit');
  // What autovacuum would have done by the time a tenant has 50,000 cases: statistics and visibility maps.
  await q('vacuum (analyze)');
  const counts: Record<string, number> = {};
  for (const table of ['case_file', 'case_subject', 'case_event', 'case_document', 'case_evidence', 'case_exclusion', 'stored_file']) {
    counts[table] = Number((await q(`select count(*)::int as n from ${table} where tenant_id = $1`, [p.tenantId])).rows[0].n);
  }
  return { ms: performance.now() - t0, counts };
}

type Q = (text: string, params?: unknown[]) => Promise<pg.QueryResult>;

/** String(n).padStart(4, '0') as the app numbers cases and letters (lpad alone would cut 5 digits to 4). */
const PAD4 = (n: string) => `lpad((${n})::text, greatest(4, length((${n})::text)), '0')`;
const JAKARTA_DAY = (ts: string) => `((${ts}) at time zone 'Asia/Jakarta')::date`;

/** When the case's step of that kind happened (null when its path has none). */
const STEP_AT = (kind: string) => `c.created_at + c.gap * (array_position(c.kinds, '${kind}') - 1)`;
/** The PPK named on a recommendation: who held the office then (a Pj. between the terms). */
const PPK_NAME = (at: string) => `case when ${at} < '2024-09-25' then 'Bupati H. Darmawan Setiadi, S.H., M.Si.' when ${at} < '2025-02-20' then 'Pj. Bupati Drs. Hendra Kusuma, M.Si.' else 'Bupati Ir. Bambang Wicaksono, M.T.' end`;

async function insertCases(q: Q, p: CaseDataParams) {
  const labels = ACT_KINDS.map((k) => ACT_KIND_LABELS[k]);
  await q(`insert into case_file (tenant_id, id, number, origin, origin_ref, title, summary, state, close_reason, election_event_id, election_contest_id, act_kind, act_date, discovered_on, place,
                                  catalogue_id, assignee_user_id, due_on, step_started_at, escalation_level, external, merged_into, ppk_name, recommended_at, decided_at, version, created_by, created_at, updated_at, closed_at)
    select $1, c.id,
           'KS-' || extract(year from c.created_at at time zone 'Asia/Jakarta') || '-' || ${PAD4(`row_number() over (partition by extract(year from c.created_at at time zone 'Asia/Jakarta') order by c.created_at, c.i)`)},
           c.origin,
           case when c.origin in ('rekomendasi_bawaslu', 'penerusan_bkn') then jsonb_build_object('number', 'B-' || c.i || '/Bawaslu/PM.06/' || extract(year from c.created_at), 'date', ${JAKARTA_DAY('c.created_at')} - 3, 'from', case c.origin when 'penerusan_bkn' then 'Badan Kepegawaian Negara' else 'Bawaslu Kabupaten Contoh' end) end,
           left(($2::text[])[c.i % ${ACT_KINDS.length} + 1] || ' — ' || c.s1_name, 200),
           'Dugaan pelanggaran netralitas oleh ' || c.s1_name || ': ' || lower(($2::text[])[c.i % ${ACT_KINDS.length} + 1]) || '.',
           c.state, c.close_reason,
           case when c.created_at > now() - interval '180 days' then $3::uuid end, case when c.created_at > now() - interval '180 days' then $4::uuid end,
           c.act_kinds[c.i % ${ACT_KINDS.length} + 1], ${JAKARTA_DAY('c.created_at')} - 3, ${JAKARTA_DAY('c.created_at')} - 1,
           (array['Facebook', 'Instagram', 'TikTok', 'Lapangan Alun-alun', 'Kantor kecamatan'])[c.i % 5 + 1],
           (select id from violation_catalogue where tenant_id = $1 and is_current),
           c.assignee,
           case when c.state <> 'closed' then ${JAKARTA_DAY('c.last_at')} + ceil(c.step_days * 1.4)::int end,
           c.last_at,
           case when c.state <> 'closed' and ${JAKARTA_DAY('c.last_at')} + ceil(c.step_days * 1.4)::int < ${JAKARTA_DAY('now()')}
                then least(3, (${JAKARTA_DAY('now()')} - (${JAKARTA_DAY('c.last_at')} + ceil(c.step_days * 1.4)::int)) / 3) else 0 end,
           case when c.state = 'forwarded' then jsonb_build_object('target', 'bawaslu', 'letterNumber', null, 'returnTo', 'verification') end,
           case when c.close_reason = 'merged' then (select m.id from bench_plan m where m.i = c.i % 1000 + 1) end,
           case when 'recommend' = any(c.kinds) then ${PPK_NAME(STEP_AT('recommend'))} end, ${STEP_AT('recommend')}, ${STEP_AT('decide')},
           1 + (c.assignee is not null)::int + (c.path_len - 1) + c.notes,
           $5::uuid, c.created_at,
           case when c.notes > 0 then least(now(), c.last_at + c.notes * interval '3 hours') else c.last_at end,
           case when c.state = 'closed' then c.last_at end
    from bench_case c`, [p.tenantId, labels, p.electionEventId, p.contestId, p.satgasUserId]);
}

/** Subject columns fill in as the case passes verify, conclude, recommend, decide and the follow-up. */
async function insertSubjects(q: Q, p: CaseDataParams) {
  await q(`insert into case_subject (tenant_id, case_id, id, employee_id, name, id_number, position, unit_id, unit_name, category, jabatan_class, track, proposed_item_code, item_code, tier,
                                     finding, finding_reason, recommended_tier, sanction, sk_number, sk_date, follow_up, added_at)
    select $1, s.case_id, s.id, s.employee_id, s.name, s.id_number, s.jabatan_name, s.unit_id, s.unit_name, s.category, s.jabatan_class, s.track,
           case when s.track = 'asn' then s.code end,
           case when 'verify' = any(c.kinds) then s.code end,
           case when 'verify' = any(c.kinds) then case when s.track = 'asn' then s.tier else 'kontrak' end end,
           case when 'conclude' = any(c.kinds) then case when c.close_reason = 'not_proven' then 'not_proven' else 'proven' end end,
           case when 'conclude' = any(c.kinds) then 'Kesimpulan Satgas atas klarifikasi dan bukti.' end,
           case when 'recommend' = any(c.kinds) then case when s.track = 'asn' then s.tier else 'kontrak' end end,
           case when 'decide' = any(c.kinds) and c.close_reason is distinct from 'decided_no_sanction' then
             case when s.track <> 'asn' then 'teguran_tertulis_kontrak' when s.tier = 'moral' then 'pernyataan_terbuka' when s.tier = 'ringan' then 'teguran_tertulis' when s.tier = 'sedang' then 'potong_tpp_25_6_bulan' else 'jabatan_pelaksana_12_bulan' end end,
           case when 'decide' = any(c.kinds) then '800.1.6.4/SK/' || s.i end,
           case when 'decide' = any(c.kinds) then ${JAKARTA_DAY(`c.created_at + c.gap * (array_position(c.kinds, 'decide') - 1)`)} end,
           case when 'record_follow_up' = any(c.kinds) then jsonb_build_object('executedOn', ${JAKARTA_DAY('c.last_at')}, 'note', 'Sanksi dilaksanakan.', 'idisRecordedOn', ${JAKARTA_DAY('c.last_at')}) end,
           c.created_at
    from bench_subj s join bench_case c on c.id = s.case_id`, [p.tenantId]);
}

async function insertEvents(q: Q, p: CaseDataParams) {
  const at = `c.created_at + c.gap * (g.seq - 1)`;
  const day = JAKARTA_DAY(at);
  await q(`insert into case_event (tenant_id, case_id, seq, kind, from_state, to_state, actor_user_id, actor_label, at, reason, data)
    select $1, c.id, g.seq, c.kinds[g.seq], nullif(c.froms[g.seq], ''), nullif(c.tos[g.seq], ''),
           case when c.kinds[g.seq] = 'decide' then $2::uuid else coalesce(c.assignee, $3::uuid) end,
           case when c.kinds[g.seq] = 'decide' then 'bupati' else c.actor_label end,
           ${at},
           case c.kinds[g.seq] when 'reject' then 'Laporan tidak memuat identitas terlapor maupun bukti.' when 'route_out' then 'Terlapor adalah perangkat desa.'
                               when 'forward' then 'Terdapat unsur pidana pemilihan.' when 'merge' then 'Perbuatan dan terlapor sama dengan kasus lain.' end,
           case c.kinds[g.seq]
             when 'created' then jsonb_build_object('origin', c.origin, 'reportIds', '[]'::jsonb, 'subjects', c.names, 'assignee', c.assignee, 'captures', '[]'::jsonb)
             when 'verify' then jsonb_build_object('subjects', c.verify_json)
             when 'summon' then jsonb_build_object('subjectId', c.s1_id, 'summonsNo', 1, 'appearOn', ${day} + 3, 'appearTime', '09:00', 'place', 'Ruang Rapat BKPSDM', 'previousSummonsOn', null)
             when 'record_clarification' then jsonb_build_object('subjectId', c.s1_id, 'heldOn', ${day}, 'statement', 'Terlapor mengakui mengunggah konten tersebut.', 'attendees', jsonb_build_array('Satgas', 'Terlapor'))
             when 'form_examination_team' then jsonb_build_object('members', jsonb_build_array(jsonb_build_object('name', 'Atasan langsung', 'title', 'Kepala Bidang', 'role', 'atasan_langsung'),
                                                   jsonb_build_object('name', 'Inspektur Pembantu II', 'title', 'Inspektorat', 'role', 'pengawasan'), jsonb_build_object('name', 'Kepala Bidang Disiplin', 'title', 'BKPSDM', 'role', 'kepegawaian')))
             when 'conclude' then case when c.close_reason = 'not_proven' then jsonb_build_object('findings', c.findings_json, 'closeReason', 'not_proven') else jsonb_build_object('findings', c.findings_json) end
             when 'recommend' then jsonb_build_object('ppkName', ${PPK_NAME(at)}, 'recommendations', c.recs_json)
             when 'decide' then jsonb_build_object('ppkName', ${PPK_NAME(at)}, 'decisions', c.decisions_json) || case when c.close_reason = 'decided_no_sanction' then '{"closeReason":"decided_no_sanction"}'::jsonb else '{}'::jsonb end
             when 'record_follow_up' then jsonb_build_object('executions', c.exec_json, 'closeReason', 'executed')
             when 'reject' then jsonb_build_object('reason', 'Laporan tidak memuat identitas terlapor maupun bukti.', 'closeReason', 'rejected')
             when 'route_out' then jsonb_build_object('target', 'dpmd', 'closeReason', 'routed_out')
             when 'forward' then jsonb_build_object('target', 'bawaslu', 'mode', 'full')
             when 'receive_external' then jsonb_build_object('result', 'closed', 'letterNumber', 'B-' || c.i || '/Bawaslu', 'letterDate', ${day}, 'target', 'bawaslu', 'closeReason', 'forwarded')
             when 'merge' then jsonb_build_object('targetCaseId', (select m.id from bench_plan m where m.i = c.i % 1000 + 1), 'closeReason', 'merged')
             else '{}'::jsonb end
    from bench_case c cross join lateral generate_series(1, c.path_len) g(seq)`, [p.tenantId, p.ppkUserId, p.satgasUserId]);
  // Internal notes (addCaseNote) after the last step, to reach the event total.
  await q(`insert into case_event (tenant_id, case_id, seq, kind, actor_user_id, actor_label, at, data)
    select $1, c.id, c.path_len + g.k, 'note', coalesce(c.assignee, $2::uuid), c.actor_label, least(now(), c.last_at + g.k * interval '3 hours'),
           jsonb_build_object('body', 'Catatan ' || g.k || ': menghubungi atasan terlapor untuk jadwal klarifikasi.')
    from bench_case c cross join lateral generate_series(1, c.notes) g(k)`, [p.tenantId, p.satgasUserId]);
}

/** issueDocuments' letters per step (draft SK per proven subject), each with its stored file; evidence on a third of the cases. */
async function insertDocumentsAndEvidence(q: Q, p: CaseDataParams) {
  await q(`create temp table bench_doc on commit drop as
    with m(event_kind, doc_kind, per_subject) as (values ('summon', 'surat_panggilan', false), ('record_clarification', 'ba_klarifikasi', false), ('conclude', 'laporan_hasil_pemeriksaan', false),
                                                         ('recommend', 'surat_rekomendasi', false), ('recommend', 'draft_sk', true), ('decide', 'draft_sk', true), ('forward', 'surat_penerusan', false), ('route_out', 'surat_penerusan', false))
    select c.id as case_id, c.i, gen_random_uuid() as id, gen_random_uuid() as file_id, m.doc_kind, m.event_kind, g.seq, c.created_at + c.gap * (g.seq - 1) as at,
           case when m.per_subject then s.id when m.event_kind in ('summon', 'record_clarification') then c.s1_id end as subject_id, s.i as subject_case_i, coalesce(c.assignee, $1::uuid) as created_by
    from bench_case c cross join lateral generate_series(1, c.path_len) g(seq)
    join m on m.event_kind = c.kinds[g.seq]
    left join bench_subj s on m.per_subject and s.case_id = c.id
    where not (m.event_kind = 'decide' and c.close_reason = 'decided_no_sanction')`, [p.satgasUserId]);
  await q(`insert into stored_file (tenant_id, id, purpose, file_name, mime_type, size, sha256, storage_path, created_by, created_at)
    select $1, d.file_id, 'case_document', d.doc_kind || '-' || d.i || '.pdf', 'application/pdf', 30000 + d.i % 9000, md5(d.file_id::text) || md5(d.id::text), '/bench/files/' || d.file_id, d.created_by, d.at
    from bench_doc d`, [p.tenantId]);
  await q(`insert into case_document (tenant_id, case_id, id, kind, number, subject_id, event_seq, file_id, sha256, created_by, created_at)
    select $1, d.case_id, d.id, d.doc_kind,
           case when d.doc_kind = 'draft_sk' and d.event_kind = 'decide' then '800.1.6.4/SK/' || d.subject_case_i
                when d.doc_kind = 'draft_sk' then 'RANCANGAN/' || cf.number
                else '800.1.6.4/' || ${PAD4(`row_number() over (partition by extract(year from d.at at time zone 'Asia/Jakarta'), d.doc_kind = 'draft_sk' order by d.at, d.id)`)} || '/Satgas-Netralitas/' || extract(year from d.at at time zone 'Asia/Jakarta') end,
           d.subject_id, d.seq, d.file_id, md5(d.file_id::text) || md5(d.id::text), d.created_by, d.at
    from bench_doc d join case_file cf on cf.tenant_id = $1 and cf.id = d.case_id`, [p.tenantId]);
  await q(`create temp table bench_evidence on commit drop as
    select c.id as case_id, gen_random_uuid() as id, gen_random_uuid() as file_id, c.created_at, coalesce(c.assignee, $1::uuid) as added_by from bench_case c where c.i % 3 = 0`, [p.satgasUserId]);
  await q(`insert into stored_file (tenant_id, id, purpose, file_name, mime_type, size, sha256, storage_path, created_by, created_at)
    select $1, e.file_id, 'case_evidence', 'bukti-kasus-' || e.file_id, 'application/octet-stream', 250000, md5(e.file_id::text) || md5(e.id::text), '/bench/files/' || e.file_id, e.added_by, e.created_at from bench_evidence e`, [p.tenantId]);
  await q(`insert into case_evidence (tenant_id, case_id, id, source, file_id, sha256, mime_type, size, description, added_by, added_at)
    select $1, e.case_id, e.id, 'upload', e.file_id, md5(e.file_id::text) || md5(e.id::text), 'image/jpeg', 250000, 'Tangkapan layar unggahan', e.added_by, e.created_at from bench_evidence e`, [p.tenantId]);
}

/**
 * Conflicts of interest as exclusions.ts derives them: the satgas and admin.bkpsdm accounts are linked
 * to employees of BKPSDM (as in the demo decree), so both are kept away from every case about a BKPSDM
 * employee. Counters move past the numbers used so the next case or letter continues the sequence.
 */
async function insertExclusionsAndCounters(q: Q, p: CaseDataParams) {
  await q(`update user_account u set employee_id = x.head_employee_id
    from (values ($2::uuid, 'Bidang Disiplin dan Kinerja'), ($3::uuid, 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia')) v(user_id, unit_name)
    join unit x on x.tenant_id = $1 and x.name = v.unit_name
    where u.tenant_id = $1 and u.id = v.user_id`, [p.tenantId, p.satgasUserId, p.adminUserId]);
  await q(`insert into case_exclusion (tenant_id, case_id, user_id, reason)
    select distinct on (s.case_id, v.user_id) $1, s.case_id, v.user_id, 'Bekerja pada perangkat daerah yang sama dengan terlapor ' || s.name
    from bench_subj s
    join unit opd on opd.tenant_id = $1 and opd.name = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' and s.unit_path like opd.path || '%'
    cross join (values ($2::uuid), ($3::uuid)) v(user_id)
    order by s.case_id, v.user_id, s.ord`, [p.tenantId, p.satgasUserId, p.adminUserId]);
  await q(`insert into tenant_counter (tenant_id, scope, value)
    select $1, 'case:' || split_part(number, '-', 2), max(split_part(number, '-', 3)::int) from case_file where tenant_id = $1 group by 2
    union all
    select $1, 'letter:' || split_part(number, '/', 4), max(split_part(number, '/', 2)::int) from case_document where tenant_id = $1 and number like '%/Satgas-Netralitas/%' group by 2
    on conflict (tenant_id, scope) do update set value = greatest(tenant_counter.value, excluded.value)`, [p.tenantId]);
}
