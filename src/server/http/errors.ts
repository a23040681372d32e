/** The one place that turns errors into `{error:{code,message,details}}` responses. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode } from '../../shared/errors.js';
import { isDataException } from '../lib/db-errors.js';
import { AppError } from './app-error.js';

function body(code: ErrorCode, details: unknown, message: string = ERRORS[code].message) {
  return { error: { code, message, details } };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  FST_FILES_LIMIT: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'BAD_REQUEST',
};

/**
 * Busboy's errors for a malformed multipart body (no boundary, cut off) are plain Errors without a
 * status, so they fell through to 500; they are the client's fault (found by the endpoint fuzzer).
 */
const BROKEN_MULTIPART = /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data)$/;

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(body(error.code, error.details, error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      return reply.status(400).send(body('VALIDATION_FAILED', { issues, in: error.validationContext }));
    }
    if (error.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', null));
    if (!error.statusCode && BROKEN_MULTIPART.test(error.message)) {
      return reply.status(400).send(body('BAD_REQUEST', null, 'Formulir unggahan (multipart/form-data) rusak atau terpotong. Kirim ulang.'));
    }
    // A value PostgreSQL refuses (a NUL byte, year 0, an out-of-range number) reached a query: the input's
    // fault, not the server's, and the transaction it was in has rolled back (found by the endpoint fuzzer).
    if (isDataException(error)) {
      request.log.warn({ err: error }, 'input refused by the database');
      return reply.status(400).send(body('VALIDATION_FAILED', null, 'Data yang dikirim memuat nilai yang tidak dapat disimpan (misalnya karakter NUL atau tanggal di luar rentang).'));
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return reply.status(ERRORS[mapped].status).send(body(mapped, null));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      return reply.status(error.statusCode).send(body('BAD_REQUEST', null));
    }
    // Unknown: log with the request id, never leak the stack or message.
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', { requestId: request.id }));
  });
}

/**
 * Fastify's `frameworkErrors`: refusals before routing (a path with broken percent-encoding, a path
 * parameter over maxParamLength) otherwise answer with Fastify's own body, outside the error shape.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled framework error');
    void reply.status(500).send(body('INTERNAL', { requestId: request.id }));
    return;
  }
  void reply.status(status).send(body('BAD_REQUEST', null, 'Alamat permintaan tidak sah.'));
}

export function apiNotFound(requestId: string) {
  return body('ROUTE_NOT_FOUND', { requestId });
}
