import { ApiError } from './client';

/**
 * Per-field messages from a failed request, keyed by dotted path (e.g. `idNumber`, `admin.password`).
 * The server sends either `{ field: reason }` (domain checks, Indonesian) or
 * `{ issues: [{ path: '/admin/password', message }] }` (schema validation).
 */
export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return {};
  const details = err.details as Record<string, unknown>;
  const out: Record<string, string> = {};
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues as unknown[]) {
      if (typeof issue !== 'object' || issue === null) continue;
      const { path, message } = issue as { path?: unknown; message?: unknown };
      if (typeof path !== 'string' || typeof message !== 'string') continue;
      const key = path.replace(/^\//, '').replace(/\//g, '.');
      if (key && !out[key]) out[key] = message;
    }
    return out;
  }
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' && key !== 'requestId') out[key] = value;
  }
  return out;
}
