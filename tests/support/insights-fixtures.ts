/**
 * Crafted data for the insight tests: election events, cases with subjects and events, and reports
 * inserted straight into the tables, so every expected figure can be computed by hand.
 */
import { randomUUID } from 'node:crypto';
import type { TestApp } from './harness.js';

let counter = 0;
const q = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : `'${v.replace(/'/g, "''")}'`);

export async function exec(t: TestApp, query: string): Promise<{ rows: Record<string, unknown>[] }> {
  return (await t.deps.db.execute(query as never)) as unknown as { rows: Record<string, unknown>[] };
}

export async function insertEvent(t: TestApp, tenantId: string, name: string, createdAt: string): Promise<string> {
  const id = randomUUID();
  await exec(t, `insert into election_event (tenant_id, id, kind, name, stages, created_at) values ('${tenantId}', '${id}', 'pilkada', ${q(name)}, '[{"kind":"tahapan_mulai","startsOn":"2025-01-01","endsOn":null}]'::jsonb, '${createdAt}')`);
  return id;
}

export interface CraftedSubject {
  name?: string;
  itemCode?: string | null;
  finding?: 'proven' | 'not_proven' | null;
  sanction?: string | null;
  unitId?: string | null;
  category?: string | null;
  jabatanClass?: string | null;
}

export interface CraftedCase {
  eventId: string | null;
  state: string;
  closeReason?: string | null;
  origin?: string;
  /** ISO timestamp. */
  createdAt: string;
  subjects: CraftedSubject[];
  /** n identical subjects: shorthand for big groups. */
  repeat?: number;
  mergedInto?: string | null;
  dueOn?: string | null;
  recommendedAt?: string | null;
  decidedAt?: string | null;
  ppkName?: string | null;
  /** Events: [kind, at, from, to]. */
  events?: [string, string, string | null, string | null][];
}

/** Inserts a case with its subjects and events; returns its id. */
export async function insertCase(t: TestApp, tenantId: string, c: CraftedCase): Promise<string> {
  const id = randomUUID();
  counter += 1;
  await exec(
    t,
    `insert into case_file (tenant_id, id, number, origin, title, summary, state, close_reason, election_event_id, merged_into, due_on, step_started_at,
                            ppk_name, recommended_at, decided_at, created_at, updated_at, closed_at)
     values ('${tenantId}', '${id}', 'KS-T-${String(counter).padStart(5, '0')}', ${q(c.origin ?? 'temuan_patroli')}, 'Kasus uji', 'Ringkasan kasus uji', ${q(c.state)},
             ${q(c.closeReason)}, ${q(c.eventId)}, ${q(c.mergedInto)}, ${q(c.dueOn)}, '${c.createdAt}', ${q(c.ppkName)}, ${q(c.recommendedAt)}, ${q(c.decidedAt)},
             '${c.createdAt}', '${c.createdAt}', ${c.state === 'closed' ? `'${c.createdAt}'` : 'null'})`,
  );
  const subjects = c.repeat ? Array.from({ length: c.repeat }, () => c.subjects[0]!) : c.subjects;
  for (const [i, s] of subjects.entries()) {
    await exec(
      t,
      `insert into case_subject (tenant_id, case_id, name, track, item_code, finding, sanction, unit_id, category, jabatan_class, added_at)
       values ('${tenantId}', '${id}', ${q(s.name ?? `Terlapor Rahasia ${counter}-${i}`)}, 'asn', ${q(s.itemCode)}, ${q(s.finding)}, ${q(s.sanction)}, ${q(s.unitId)},
               ${q(s.category ?? 'pns')}, ${q(s.jabatanClass ?? 'pelaksana')}, '${c.createdAt}')`,
    );
  }
  for (const [seq, [kind, at, from, to]] of (c.events ?? []).entries()) {
    await exec(t, `insert into case_event (tenant_id, case_id, seq, kind, from_state, to_state, actor_label, at) values ('${tenantId}', '${id}', ${seq + 1}, ${q(kind)}, ${q(from)}, ${q(to)}, 'uji', '${at}')`);
  }
  return id;
}

export interface CraftedReport {
  eventId: string | null;
  status: string;
  receivedOn: string;
  caseId?: string | null;
  channel?: string;
}

export async function insertReport(t: TestApp, tenantId: string, r: CraftedReport): Promise<string> {
  const id = randomUUID();
  counter += 1;
  await exec(
    t,
    `insert into report (tenant_id, id, number, identity_mode, channel, status, reported, description, warnings, received_on, receipt_hash, election_event_id, case_id)
     values ('${tenantId}', '${id}', 'LP-T${String(counter).padStart(6, '0')}', 'anonim', ${q(r.channel ?? 'web_publik')}, ${q(r.status)},
             '{"name":"Nama Terlapor Publik","agency":null,"position":null,"idNumber":null}'::jsonb, 'Uraian', '[]'::jsonb, '${r.receivedOn}', 'x', ${q(r.eventId)}, ${q(r.caseId)})`,
  );
  return id;
}

/** Ids of units by name (demo tenant). */
export async function unitIdByName(t: TestApp, tenantId: string, nameLike: string): Promise<{ id: string; name: string; path: string }> {
  const rows = (await exec(t, `select id, name, path from unit where tenant_id = '${tenantId}' and name ilike ${q(nameLike)} order by path limit 1`)).rows;
  if (!rows[0]) throw new Error(`no unit ${nameLike}`);
  return rows[0] as { id: string; name: string; path: string };
}
