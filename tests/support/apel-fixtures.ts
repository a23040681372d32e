/** Builders for apel report tests: dates in the Pemda's zone, photos with EXIF, a campaign with school apel. */
import sharp from 'sharp';
import { localIsoDate } from '../../src/server/lib/dates.js';
import type { TestClient } from './harness.js';
import { createOpenCampaign } from './pledge-fixtures.js';

/** A calendar day in Asia/Jakarta (the demo tenant's zone), offset from today. */
export function jakartaDay(offsetDays = 0): string {
  return localIsoDate(new Date(Date.now() + offsetDays * 86_400_000), 'Asia/Jakarta');
}

/** A small JPEG carrying EXIF that must not survive: capture time, camera, owner, GPS position. */
export function jpegWithExif(dateTimeOriginal = '2026:01:15 08:30:00', width = 64): Promise<Buffer> {
  return sharp({ create: { width, height: 48, channels: 3, background: '#6a8caf' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'KameraUji', Model: 'X-100', Artist: 'Pemilik Ponsel', Copyright: 'Rahasia' },
      IFD2: { DateTimeOriginal: dateTimeOriginal },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 12/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
    })
    .toBuffer();
}

export function plainPng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 3, background: '#335533' } }).png().toBuffer();
}

interface UnitItem { id: string; name: string; unitType: string; parentId: string | null; employeeCount: number }

/** An open campaign whose apel cascade includes schools, and the units a test needs. */
export async function setupApelCampaign(admin: TestClient) {
  const campaign = await createOpenCampaign(admin, { apelUnitTypes: ['dinas', 'badan', 'kecamatan', 'kelurahan', 'uptd', 'sekolah'], apelReportDeadline: jakartaDay(7), signDeadline: jakartaDay(7) });
  const units: UnitItem[] = (await admin.get('/api/units')).body.items;
  const disdik = units.find((u) => u.name.startsWith('Dinas Pendidikan'))!;
  const schools = units.filter((u) => u.unitType === 'sekolah' && u.parentId === disdik.id).sort((a, b) => b.employeeCount - a.employeeCount);
  const kecamatan = units.find((u) => u.unitType === 'kecamatan')!;
  const bagian = units.find((u) => u.unitType === 'bagian' && u.parentId === disdik.id)!;
  return { campaign, disdik, schools, kecamatan, bagian };
}

export const apelBody = (unitId: string, overrides: Record<string, unknown> = {}) => ({
  unitId,
  heldOn: jakartaDay(0),
  place: 'Halaman sekolah',
  leaderName: 'Drs. Bambang Sutrisno, M.Pd.',
  readerName: 'Siti Aminah, S.Pd.',
  witnesses: ['Bawaslu Kabupaten Contoh', 'KPU Kabupaten Contoh'],
  notes: 'Apel dilaksanakan pukul 07.30 WIB.',
  ...overrides,
});
