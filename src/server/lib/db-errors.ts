/** Driver-independent checks of PostgreSQL errors (PGlite's error classes are minified: use codes). */
function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => pgCode(error) === '23505';
export const isForeignKeyViolation = (error: unknown) => pgCode(error) === '23503';

/**
 * SQLSTATE class 22 (data exception): a value the database cannot take, e.g. a NUL byte in text
 * (22021), year 0 in a date (22008), an integer out of range (22003). Always caused by the input.
 */
export const isDataException = (error: unknown) => pgCode(error)?.startsWith('22') ?? false;
