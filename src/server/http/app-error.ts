import { ERRORS, type ErrorCode } from '../../shared/errors.js';

/** An expected failure with a stable code; the message shown to users comes from the vocabulary unless given. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: unknown = null,
    userMessage?: string,
  ) {
    super(userMessage ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}

export const notFound = (details: unknown = null) => new AppError('NOT_FOUND', details);
export const forbidden = (details: unknown = null) => new AppError('FORBIDDEN', details);
