import type { z } from 'zod';
import { RECAP_KIND_LABELS, type RecapView } from '../../../shared/contracts/recaps.contract.js';
import { formatIsoDateId } from '../../lib/dates.js';
import type { RecapRow } from './recaps.repository.js';

/** A recap row as the list shows it: what it covers in words, never a storage path. */
export function presentRecap(r: RecapRow, createdByName: string | null, events: Map<string, string>, campaigns: Map<string, string>): z.infer<typeof RecapView> {
  const p = r.params;
  const what = r.kind === 'compliance' ? (campaigns.get(p.campaignId ?? '') ?? 'Kampanye') : (events.get(p.eventId ?? '') ?? 'Seluruh pemilihan');
  const period = p.from && p.to ? `${formatIsoDateId(p.from)} – ${formatIsoDateId(p.to)}` : p.to ? `s.d. ${formatIsoDateId(p.to)}` : '';
  return {
    id: r.id,
    kind: r.kind,
    title: RECAP_KIND_LABELS[r.kind],
    params: { eventId: p.eventId ?? null, campaignId: p.campaignId ?? null, from: p.from ?? null, to: p.to ?? null },
    subject: [what, period].filter(Boolean).join(' · '),
    status: r.status,
    progress: r.progress,
    hasPdf: r.pdfFileId !== null,
    hasXlsx: r.xlsxFileId !== null,
    createdByName: r.scheduleKey ? 'Terjadwal' : (createdByName ?? 'Sistem'),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    error: r.error,
    isScheduled: r.scheduleKey !== null,
  };
}
