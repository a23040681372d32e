/** Wilayah reference (Kemendagri codes) from idn-area-data: global data, loaded once, never per tenant. */
import { getProvinces, getRegencies } from 'idn-area-data';

export interface Region {
  code: string;
  name: string;
  provinceName: string;
}

let cache: Promise<Region[]> | null = null;

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
}

/** 38 provinces and 514 regencies/cities, e.g. {code: "33.01", name: "Kabupaten Cilacap"}. */
export function loadRegions(): Promise<Region[]> {
  cache ??= (async () => {
    const provinces = await getProvinces();
    const provinceName = new Map(provinces.map((p) => [p.code, titleCase(p.name)]));
    const regencies = await getRegencies();
    return [
      ...provinces.map((p) => ({ code: p.code, name: `Provinsi ${titleCase(p.name)}`, provinceName: titleCase(p.name) })),
      ...regencies.map((r) => ({ code: r.code, name: titleCase(r.name), provinceName: provinceName.get(r.province_code) ?? '' })),
    ];
  })();
  return cache;
}

export async function findRegion(code: string): Promise<Region | undefined> {
  return (await loadRegions()).find((r) => r.code === code);
}

export async function searchRegions(q: string, limit = 20): Promise<Region[]> {
  const needle = q.toLowerCase();
  return (await loadRegions()).filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.code.startsWith(needle)).slice(0, limit);
}
