/** The one place that turns errors into `{error:{code,message,details}}` responses. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode } from '../../shared/errors.js';
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

export function apiNotFound(requestId: string) {
  return body('ROUTE_NOT_FOUND', { requestId });
}
