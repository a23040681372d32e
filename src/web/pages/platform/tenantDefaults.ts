import type { RegionT, TenantCreateBodyT } from '../../api/types';

export type TenantKind = TenantCreateBodyT['kind'];
export const TENANT_KINDS: readonly TenantKind[] = ['kabupaten', 'kota', 'provinsi', 'instansi'];

/** Kind of a Kemendagri region: 2-digit codes are provinces, "Kota …" are cities. */
export function kindOfRegion(region: RegionT): TenantKind {
  if (!region.code.includes('.')) return 'provinsi';
  return /^kota\b/i.test(region.name) ? 'kota' : 'kabupaten';
}

const bareName = (name: string) => name.replace(/^(kabupaten|kota|provinsi)\s+/i, '').trim();

/** Suggested instansi name, e.g. "Pemerintah Kabupaten Banyumas". */
export function suggestName(region: RegionT): string {
  return kindOfRegion(region) === 'provinsi' ? `Pemerintah Provinsi ${bareName(region.name)}` : `Pemerintah ${region.name}`;
}

/** Suggested slug, e.g. "kab-banyumas", "kota-bandung", "prov-jawa-barat". */
export function suggestSlug(region: RegionT): string {
  const prefix = { kabupaten: 'kab', kota: 'kota', provinsi: 'prov', instansi: 'instansi' }[kindOfRegion(region)];
  const words = bareName(region.name)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${words}`.slice(0, 40).replace(/-+$/, '');
}
