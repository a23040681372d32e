/** Matching the unit names of an import file against the unit tree, and naming the ones to create. */
import type { UnitType } from '../../../shared/enums.js';
import { unitNameKey } from '../units/units.repository.js';

export interface MatchableUnit {
  id: string;
  parentId: string | null;
  nameKey: string;
  path: string;
}

export type UnitMatch = { kind: 'found'; unitId: string } | { kind: 'unknown'; key: string } | { kind: 'ambiguous' };

/** The staged key of a row's unit: "parent|unit" in name keys ("" parent when the file has none). */
export function unitKeyOf(unitName: string, parentName: string | null): string {
  return `${parentName ? unitNameKey(parentName) : ''}|${unitNameKey(unitName)}`;
}

export class UnitMatcher {
  private readonly byName = new Map<string, MatchableUnit[]>();
  private readonly byId = new Map<string, MatchableUnit>();
  constructor(units: readonly MatchableUnit[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      const list = this.byName.get(u.nameKey) ?? [];
      list.push(u);
      this.byName.set(u.nameKey, list);
    }
  }

  /** Finds the unit named in a row; with a parent name, only units under a parent of that name count. */
  match(unitName: string, parentName: string | null): UnitMatch {
    let candidates = this.byName.get(unitNameKey(unitName)) ?? [];
    if (parentName && candidates.length > 0) {
      const parentKey = unitNameKey(parentName);
      const underParent = candidates.filter((c) => c.parentId && this.byId.get(c.parentId)?.nameKey === parentKey);
      // "Dinas Pendidikan" given as both unit and induk means the OPD itself.
      candidates = underParent.length > 0 ? underParent : candidates.filter((c) => c.nameKey === parentKey);
    }
    if (candidates.length === 1) return { kind: 'found', unitId: candidates[0]!.id };
    if (candidates.length > 1) return { kind: 'ambiguous' };
    return { kind: 'unknown', key: unitKeyOf(unitName, parentName) };
  }

  /** The single unit with this name, if exactly one exists. */
  findUnique(name: string): MatchableUnit | undefined {
    const list = this.byName.get(unitNameKey(name)) ?? [];
    return list.length === 1 ? list[0] : undefined;
  }
}

/** A sensible unit type from a unit's name, for units created by an import (editable afterwards). */
export function guessUnitType(name: string): UnitType {
  const n = name.toLowerCase();
  if (/^sekretariat daerah|^setda/.test(n)) return 'sekretariat_daerah';
  if (/sekretariat dprd|^setwan/.test(n)) return 'sekretariat_dprd';
  if (/^inspektorat/.test(n)) return 'inspektorat';
  if (/^dinas\b/.test(n)) return 'dinas';
  if (/^badan\b|^bappeda|^bkpsdm|^bpkad|^bapenda|^bpbd|^kesbangpol/.test(n)) return 'badan';
  if (/satuan polisi|satpol/.test(n)) return 'satpol_pp';
  if (/^kecamatan\b/.test(n)) return 'kecamatan';
  if (/^kelurahan\b/.test(n)) return 'kelurahan';
  if (/^rsud|rumah sakit/.test(n)) return 'rsud';
  if (/^(uptd?|puskesmas|laboratorium|pasar)\b/.test(n)) return 'uptd';
  if (/^(sd|smp|sma|smk|tk|paud)\b|sekolah/.test(n)) return 'sekolah';
  if (/^(bagian|bidang|sub ?bagian|seksi)\b/.test(n)) return 'bagian';
  return 'lainnya';
}
