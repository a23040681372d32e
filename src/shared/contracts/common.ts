import { z } from 'zod';

/** Error body of every failed API call. */
export const ErrorBody = z.object({
  error: z.object({
    /** Stable machine code, e.g. VALIDATION_FAILED. */
    code: z.string(),
    /** Indonesian message safe to show to the user. */
    message: z.string(),
    /** Structured details (field errors, request id…), or null. */
    details: z.unknown(),
  }),
});

export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });

/** Server-side pagination used by every list. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const Ok = z.object({ ok: z.literal(true) });
