import { z } from 'zod';
import { UNIT_TYPES } from '../enums.js';

export const UnitView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  unitType: z.enum(UNIT_TYPES),
  headEmployeeId: z.uuid().nullable(),
  /** Name of the head, for display. */
  headName: z.string().nullable(),
  /** Active employees directly in this unit. */
  employeeCount: z.number().int(),
});

/** The whole tree (or the actor's subtree) as a flat list; the client nests it by parentId. */
export const UnitTree = z.object({ items: z.array(UnitView) });

export const UnitCreateBody = z.object({
  name: z.string().trim().min(2).max(200),
  code: z.string().trim().max(50).nullable().optional(),
  unitType: z.enum(UNIT_TYPES),
  parentId: z.uuid(),
  headEmployeeId: z.uuid().nullable().optional(),
});

export const UnitUpdateBody = z
  .object({
    name: z.string().trim().min(2).max(200),
    code: z.string().trim().max(50).nullable(),
    unitType: z.enum(UNIT_TYPES),
    parentId: z.uuid(),
    headEmployeeId: z.uuid().nullable(),
  })
  .partial();
