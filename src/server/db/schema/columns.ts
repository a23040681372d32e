/** Column helpers shared by the schema files. */
import { timestamp } from 'drizzle-orm/pg-core';
export { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** timestamptz with millisecond-exact Date values on both drivers. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
