/**
 * Audit events for what a reporter does (submit, reply, add evidence, receipt sign-in). They join the
 * tenant's hash chain like every other event, but carry no precise time, no request id, no user and
 * no address: `occurred_at` is 00:00 UTC of the Pemda's calendar day and the actor is a label only.
 * (recordAudit stamps `new Date()` and the request id, which would date a submission to the
 * millisecond and tie it to a log line.) Known residue: the position of the event in the chain sits
 * between neighbouring staff events; see docs/SECURITY.md.
 */
import type { DbOrTx } from '../../db/client.js';
import { toJsonValue } from '../../lib/canonical-json.js';
import { insertAuditEvent, type NewAuditRow } from '../audit/audit.repository.js';

export const REPORTER_LABEL = 'pelapor';
export const REPORTER_REQUEST_ID = 'pelapor';

/** The day as the audit timestamp: midnight UTC of an ISO date. */
export const dayInstant = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

export interface ReporterAuditInput {
  tenantId: string;
  /** The Pemda-local calendar day of the action. */
  day: string;
  action: string;
  entityId: string | null;
  after?: unknown;
  /** Only for a terbuka report sent by a signed-in employee, who chose to be known. */
  actorUserId?: string | null;
  /** The label in place of a person: `pelapor` unless the system acts (the clean-copy job). */
  actorLabel?: string;
}

/** The day-precision, label-only row of a reporter's action (for a statement that writes it with the audited rows). */
export function reporterAuditRow(input: ReporterAuditInput): NewAuditRow {
  return {
    tenantId: input.tenantId,
    occurredAt: dayInstant(input.day),
    actorUserId: input.actorUserId ?? null,
    actorLabel: input.actorLabel ?? REPORTER_LABEL,
    action: input.action,
    entityType: 'report',
    entityId: input.entityId,
    before: null,
    after: toJsonValue(input.after ?? null),
    requestId: REPORTER_REQUEST_ID,
  };
}

/** Appends a day-precision, label-only event in the caller's transaction (sealed later, like every entry). */
export async function recordReporterAudit(tx: DbOrTx, input: ReporterAuditInput): Promise<void> {
  await insertAuditEvent(tx, reporterAuditRow(input));
}
