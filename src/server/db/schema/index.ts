/** The Drizzle schema: one pg-core definition for PGlite and PostgreSQL. */
export * from './tenants.js';
export * from './organisation.js';
export * from './users.js';
export * from './audit.js';
export * from './platform.js';
export * from './pledges.js';
export * from './reports.js';
export * from './cases.js';
export * from './monitoring.js';
export * from './insights.js';
export * from './sosialisasi.js';
export * from './national.js';
export * from './unit-stats.js';
