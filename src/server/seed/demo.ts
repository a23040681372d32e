/**
 * The demo Pemda "Kabupaten Contoh": a realistic unit tree (OPD, bagian, UPTD, kecamatan, kelurahan
 * named after a real regency's districts from idn-area-data) and ~3,000 generated employees of every
 * category with valid NIP/NI PPPK/NIK, plus one account per role. Deterministic (seeded PRNG).
 */
import { prng } from '../lib/prng.js';
import { randomUUID } from 'node:crypto';
import { getDistricts, getVillages } from 'idn-area-data';
import { PNS_GOLONGAN, type EmployeeCategory, type JabatanClass, type Role, type UnitType } from '../../shared/enums.js';
import { employee } from '../db/schema/index.js';
import type { AppDeps } from '../deps.js';
import { systemContext } from '../lib/context.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { insertUser } from '../modules/auth/auth.repository.js';
import { insertTenant } from '../modules/tenants/tenants.repository.js';
import { insertUnit, unitNameKey, updateUnitRow } from '../modules/units/units.repository.js';
import { FIRST_FEMALE, FIRST_MALE, GELAR_BELAKANG, LAST } from './demo-names.js';
import { ensureCatalogue } from '../modules/catalogue/catalogue.service.js';
import { seedDemoHolidays, seedDemoSatgas } from './demo-satgas.js';

export const DEMO_PASSWORD = 'Netra-Demo-2026!';
const DEMO_REGENCY = '33.01'; // district and kelurahan names are borrowed from this regency


interface DemoUnit {
  id: string;
  name: string;
  type: UnitType;
  path: string;
  headJabatan: string;
  headClass: JabatanClass;
  staff: string[];
  weight: number;
}

const OPD: [string, UnitType, string, string[]][] = [
  ['Sekretariat Daerah', 'sekretariat_daerah', 'Sekretaris Daerah', ['Bagian Tata Pemerintahan', 'Bagian Hukum', 'Bagian Umum', 'Bagian Organisasi']],
  ['Sekretariat DPRD', 'sekretariat_dprd', 'Sekretaris DPRD', ['Bagian Persidangan']],
  ['Inspektorat Daerah', 'inspektorat', 'Inspektur', []],
  ['Dinas Pendidikan dan Kebudayaan', 'dinas', 'Kepala Dinas Pendidikan dan Kebudayaan', ['Bidang Pembinaan SD', 'Bidang Pembinaan SMP']],
  ['Dinas Kesehatan', 'dinas', 'Kepala Dinas Kesehatan', ['Bidang Pelayanan Kesehatan']],
  ['Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas', 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang', ['Bidang Bina Marga']],
  ['Dinas Kependudukan dan Pencatatan Sipil', 'dinas', 'Kepala Dinas Kependudukan dan Pencatatan Sipil', []],
  ['Dinas Sosial', 'dinas', 'Kepala Dinas Sosial', []],
  ['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'badan', 'Kepala BKPSDM', ['Bidang Pengadaan dan Informasi', 'Bidang Disiplin dan Kinerja']],
  ['Badan Perencanaan Pembangunan Daerah', 'badan', 'Kepala Bappeda', []],
  ['Badan Pengelolaan Keuangan dan Aset Daerah', 'badan', 'Kepala BPKAD', []],
  ['Badan Kesatuan Bangsa dan Politik', 'badan', 'Kepala Kesbangpol', []],
  ['Satuan Polisi Pamong Praja', 'satpol_pp', 'Kepala Satuan Polisi Pamong Praja', []],
  ['RSUD', 'rsud', 'Direktur RSUD', []],
];

const STAFF: Partial<Record<UnitType, string[]>> = {
  sekolah: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya', 'Pengelola Perpustakaan', 'Operator Sekolah'],
  uptd: ['Perawat Terampil', 'Bidan Ahli Pertama', 'Dokter Ahli Pertama', 'Sanitarian Terampil', 'Pengadministrasi Umum'],
  rsud: ['Perawat Ahli Pertama', 'Dokter Ahli Muda', 'Apoteker Ahli Pertama', 'Radiografer Terampil', 'Pengadministrasi Keuangan'],
  kelurahan: ['Pengadministrasi Pemerintahan', 'Pengelola Layanan Kemasyarakatan', 'Pengadministrasi Umum'],
  kecamatan: ['Analis Kebijakan Ahli Pertama', 'Pengadministrasi Umum', 'Pengelola Keuangan'],
};
const DEFAULT_STAFF = ['Analis Kebijakan Ahli Pertama', 'Pengadministrasi Umum', 'Pranata Komputer Ahli Pertama', 'Pengelola Keuangan', 'Arsiparis Terampil', 'Auditor Ahli Muda'];

export interface DemoResult {
  tenantId: string;
  accounts: { username: string; role: Role; password: string; note: string }[];
  employeeLogin: { idNumber: string; name: string; email: string };
  employees: number;
  units: number;
}

function pad(n: number, width = 2) {
  return String(n).padStart(width, '0');
}

/** Loads the demo Pemda into an empty database (one transaction, one audit event). */
export async function seedDemo(deps: AppDeps, options: { employees: number; slug?: string; name?: string }): Promise<DemoResult> {
  const tenantName = options.name ?? 'Kabupaten Contoh';
  const slug = options.slug ?? 'kab-contoh';
  const random = prng([...slug].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 20241127));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const units: DemoUnit[] = [];
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);

  return deps.db.transaction(async (tx) => {
    const tenant = await insertTenant(tx, { slug, name: `Pemerintah ${tenantName}`, kind: 'kabupaten', wilayahCode: DEMO_REGENCY, timezone: 'Asia/Jakarta', address: 'Jl. Jenderal Sudirman No. 1, Kabupaten Contoh' });
    const ctx = systemContext(tenant.id, 'sistem (data demo)');
    const add = async (name: string, type: UnitType, parent: { id: string; path: string } | null, headJabatan: string, headClass: JabatanClass, weight: number) => {
      const id = randomUUID();
      const path = `${parent?.path ?? '/'}${id}/`;
      await insertUnit(tx, { tenantId: tenant.id, id, parentId: parent?.id ?? null, name, nameKey: unitNameKey(name), unitType: type, path });
      const unit: DemoUnit = { id, name, type, path, headJabatan, headClass, staff: STAFF[type] ?? DEFAULT_STAFF, weight };
      units.push(unit);
      return unit;
    };

    const root = await add(`Pemerintah ${tenantName}`, 'pemda', null, 'Bupati', 'lainnya', 0);
    let disdik: DemoUnit | undefined;
    let dinkes: DemoUnit | undefined;
    for (const [name, type, head, subs] of OPD) {
      const opd = await add(type === 'rsud' ? `RSUD ${tenantName}` : name, type, root, head, type === 'rsud' ? 'administrator' : 'jpt_pratama', type === 'rsud' ? 12 : 6);
      if (name.startsWith('Dinas Pendidikan')) disdik = opd;
      if (name === 'Dinas Kesehatan') dinkes = opd;
      for (const sub of subs) await add(sub, 'bagian', opd, sub.startsWith('Bagian') ? `Kepala ${sub}` : `Kepala ${sub}`, 'administrator', 3);
    }
    const districts = (await getDistricts()).filter((d) => d.regency_code === DEMO_REGENCY).slice(0, 6);
    const villages = await getVillages();
    for (const [i, d] of districts.entries()) {
      const name = d.name.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\B\w+/g, (w) => w.toLowerCase());
      const kec = await add(`Kecamatan ${name}`, 'kecamatan', root, `Camat ${name}`, 'kepala_wilayah', 3);
      for (const v of villages.filter((v) => v.district_code === d.code).slice(0, 3)) {
        const vname = v.name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
        await add(`Kelurahan ${vname}`, 'kelurahan', kec, `Lurah ${vname}`, 'kepala_wilayah', 1);
      }
      await add(`Puskesmas ${name}`, 'uptd', dinkes!, `Kepala Puskesmas ${name}`, 'pengawas', 4);
      await add(`SD Negeri ${i + 1} ${name}`, 'sekolah', disdik!, `Kepala SD Negeri ${i + 1} ${name}`, 'fungsional', 3);
      await add(`SMP Negeri ${i + 1} ${name}`, 'sekolah', disdik!, `Kepala SMP Negeri ${i + 1} ${name}`, 'fungsional', 3);
    }
    await add('UPTD Laboratorium Kesehatan Daerah', 'uptd', dinkes!, 'Kepala UPTD Laboratorium Kesehatan Daerah', 'pengawas', 2);

    // Employees: heads first, then staff spread by weight.
    const staffUnits = units.filter((u) => u.weight > 0);
    const totalWeight = staffUnits.reduce((s, u) => s + u.weight, 0);
    const rows: (typeof employee.$inferInsert)[] = [];
    const usedIds = new Set<string>();
    const heads = new Map<string, string>();
    let demoEmployee: DemoResult['employeeLogin'] | null = null;
    const golongans = Object.keys(PNS_GOLONGAN);
    for (let i = 0; i < options.employees; i++) {
      const isHead = i < staffUnits.length;
      let unit: DemoUnit;
      if (isHead) unit = staffUnits[i]!;
      else {
        let r = random() * totalWeight;
        unit = staffUnits.find((u) => (r -= u.weight) < 0) ?? staffUnits[0]!;
      }
      const roll = random();
      const category: EmployeeCategory = isHead ? 'pns' : roll < 0.58 ? 'pns' : roll < 0.6 ? 'cpns' : roll < 0.78 ? 'pppk' : roll < 0.84 ? 'pppk_paruh_waktu' : roll < 0.92 ? 'honorer' : roll < 0.97 ? 'ppnpn' : 'thl';
      const male = random() < 0.48;
      const year = category === 'cpns' ? 1995 + Math.floor(random() * 6) : 1966 + Math.floor(random() * 34);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const birth = `${year}${pad(month)}${pad(day)}`;
      let idNumber = '';
      do {
        const serial = pad(1 + Math.floor(random() * 20), 3);
        if (category === 'pns' || category === 'cpns') {
          const tmt = category === 'cpns' ? 2024 : Math.min(2019, year + 22 + Math.floor(random() * 8));
          idNumber = `${birth}${tmt}${pad(1 + Math.floor(random() * 12))}${male ? 1 : 2}${serial}`;
        } else if (category === 'pppk' || category === 'pppk_paruh_waktu') {
          idNumber = `${birth}${2021 + Math.floor(random() * 5)}21${male ? 1 : 2}${serial}`;
        } else {
          idNumber = `3301${pad(1 + Math.floor(random() * 24))}${pad(male ? day : day + 40)}${pad(month)}${String(year).slice(2)}${pad(1 + Math.floor(random() * 999), 4)}`;
        }
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const first = pick(male ? FIRST_MALE : FIRST_FEMALE);
      const isGraduate = category !== 'thl' && random() < 0.7;
      const name = `${first} ${pick(LAST)}${isGraduate ? `, ${pick(GELAR_BELAKANG)}` : ''}`;
      const jabatanName = isHead ? unit.headJabatan : category === 'honorer' || category === 'ppnpn' || category === 'thl' ? 'Tenaga Administrasi' : pick(unit.staff);
      const jabatanClass: JabatanClass = isHead ? unit.headClass : !['pns', 'cpns', 'pppk', 'pppk_paruh_waktu'].includes(category) ? 'lainnya' : /Ahli|Terampil|Guru|Perawat|Bidan|Dokter|Apoteker|Auditor|Arsiparis|Radiografer|Sanitarian|Pranata/.test(jabatanName) ? 'fungsional' : 'pelaksana';
      const golongan = category === 'pns' ? (isHead ? pick(['IV/a', 'IV/b', 'IV/c']) : pick(golongans.slice(4, 13))) : category === 'cpns' ? 'III/a' : category.startsWith('pppk') ? pick(['V', 'VII', 'IX', 'X']) : null;
      const scheme = category === 'pns' || category === 'cpns' ? 'pns' : category.startsWith('pppk') ? 'pppk' : null;
      const email = random() < 0.8 || i === staffUnits.length ? `${first.toLowerCase()}.${idNumber.slice(-6)}@contoh.go.id` : null;
      const id = randomUUID();
      if (isHead) heads.set(unit.id, id);
      if (!isHead && !demoEmployee && email && category === 'pns') demoEmployee = { idNumber, name, email };
      const phone = random() < 0.6 ? `08${pad(Math.floor(random() * 1e10), 10)}` : null;
      rows.push({
        tenantId: tenant.id, id, idType: category === 'pns' || category === 'cpns' ? 'nip' : scheme === 'pppk' ? 'ni_pppk' : 'nik', idNumber, name,
        sex: male ? 'L' : 'P', birthDate: `${year}-${pad(month)}-${pad(day)}`, category, golonganScheme: scheme, golongan, jabatanName, jabatanClass,
        unitId: unit.id, supervisorId: isHead ? null : (heads.get(unit.id) ?? null), email, phone,
      });
    }
    // Drizzle inserts in chunks: a few thousand rows take well under a second, inside the one transaction.
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(employee).values(rows.slice(i, i + 1000));
    for (const [unitId, headId] of heads) await updateUnitRow(tx, tenant.id, unitId, { headEmployeeId: headId });
    const accounts: DemoResult['accounts'] = [
      { username: 'superadmin', role: 'superadmin', password: DEMO_PASSWORD, note: 'pengelola platform' },
      { username: 'admin.bkpsdm', role: 'admin', password: DEMO_PASSWORD, note: 'admin BKPSDM' },
      { username: 'satgas', role: 'satgas', password: DEMO_PASSWORD, note: 'anggota Satgas netralitas' },
      { username: 'pimpinan.disdik', role: 'pimpinan_unit', password: DEMO_PASSWORD, note: 'Kepala Dinas Pendidikan (melihat subtree-nya)' },
      { username: 'bupati', role: 'ppk', password: DEMO_PASSWORD, note: 'PPK' },
      { username: 'inspektorat', role: 'inspektorat', password: DEMO_PASSWORD, note: 'Inspektorat' },
      { username: 'kustodian', role: 'custodian', password: DEMO_PASSWORD, note: 'kustodian identitas pelapor (hanya menyetujui buka identitas)' },
    ];
    for (const a of accounts) {
      await insertUser(tx, {
        tenantId: tenant.id,
        username: a.username,
        displayName: a.note,
        passwordHash,
        roles: [a.role],
        scopeUnitId: a.role === 'pimpinan_unit' ? disdik!.id : null,
      });
    }
    await ensureCatalogue(tx, tenant.id, ctx);
    await seedDemoSatgas(tx, tenant.id, tenantName);
    await seedDemoHolidays(tx, tenant.id);
    await recordAudit(tx, ctx, { action: 'seed.demo', entityType: 'tenant', entityId: tenant.id, after: { units: units.length, employees: rows.length, accounts: accounts.map((a) => a.username) } });
    return { tenantId: tenant.id, accounts, employeeLogin: demoEmployee!, employees: rows.length, units: units.length };
  });
}
