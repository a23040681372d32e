import type { Messages } from './id';
import { pledgesEn } from './pledges.en';
import { apelEn } from './apel.en';
import { reportsEn } from './reports.en';
import { receiptEn } from './receipt.en';
import { casesEn } from './cases.en';
import { handlingEn } from './handling.en';
import { monitoringEn } from './monitoring.en';
import { insightsEn } from './insights.en';
import { nationalEn } from './national.en';
import { sosialisasiEn } from './sosialisasi.en';

/** English UI text (same shape as id.ts). */
export const en: Messages = {
  app: { name: 'Netra', subtitle: 'Civil servant neutrality', loading: 'Loading…' },
  common: {
    save: 'Save', cancel: 'Cancel', close: 'Close', refresh: 'Refresh', back: 'Back',
    yes: 'Yes', no: 'No', copy: 'Copy', copied: 'Copied', togglePassword: 'Show/hide password', none: '—', all: 'All', saved: 'Changes saved.',
    total: 'Total: {{formatted}}', page: 'Page', errorTitle: 'Something went wrong', active: 'Active', inactive: 'Inactive',
    dataAsOf: 'Data as of {{time}}', dataAsOfHint: 'Per-unit figures are recomputed every minute when something changed (at once for a small agency); the list of employees who have not signed is always live.',
  },
  errors: {
    network: 'Cannot reach the server. Check your internet connection.',
    http: 'Request failed (HTTP {{status}}).',
    unknown: 'An unknown error occurred.',
    notFound: 'Page not found.',
    forbidden: 'You are not allowed to open this page.',
  },
  nav: {
    groups: { data: 'Master data', neutrality: 'Neutrality', reports: 'Reports', monitoring: 'Social media monitoring', handling: 'Case handling', system: 'System' },
    home: 'Home', units: 'Work units', employees: 'Employees', import: 'Import employees',
    audit: 'Audit log', outbox: 'Outbox (dev)', security: 'Account security', logout: 'Sign out',
    language: 'Change language', menu: 'Toggle menu', tenants: 'Agencies',
    campaigns: 'Pledge & pact', elections: 'Elections', corrections: 'Wrong-data reports',
  },
  login: {
    title: 'Sign in to Netra', tenant: 'Agency (Pemda)', staffTab: 'Staff', employeeTab: 'Employee (NIP)',
    username: 'Username', password: 'Password', totp: 'Authenticator code (TOTP)',
    totpHint: 'Open your authenticator app and enter the 6-digit code.', submit: 'Sign in',
    idNumber: 'NIP / NI PPPK / NIK', sendCode: 'Send code', code: 'One-time code',
    codeHint: 'Enter the 6-digit code sent to your email.', changeId: 'Change number',
    resend: 'Resend code', devOutboxHint: 'Demo mode: read the code in the Outbox (dev).',
  },
  home: {
    campaigns: 'Running pledge campaigns', campaignProgress: 'Signing progress of {{name}}', signDeadline: 'Signing deadline: {{date}}',
    welcome: 'Welcome, {{name}}', tenant: 'Agency', roles: 'Roles', units: 'Work units',
    employees: 'Active employees', quickLinks: 'Shortcuts',
  },
  dashboard: {
    title: 'Active employees overview', byCategory: 'By category', byJabatanClass: 'By position class',
    byUnit: 'Units with the most employees', byUnitHint: 'Select a bar or row to see that unit\'s employees.',
    chart: 'Chart', table: 'Table', view: 'View', count: 'Count', share: 'Share',
    empty: 'No active employees yet.'
  },
  tenants: {
    title: 'Agencies', intro: 'Regional governments and agencies using this Netra installation.',
    register: 'Register agency', slug: 'Agency code (slug)', slugHint: 'Lowercase letters, digits and hyphens, e.g. kab-banyumas.',
    name: 'Agency name', kind: 'Agency type', region: 'Region (Kemendagri code)',
    regionPlaceholder: 'Type a province or regency/city name', regionEmpty: 'No region found.',
    timezone: 'Time zone', address: 'Address', admin: 'First admin (BKPSDM)', username: 'Admin username',
    usernameHint: 'Lowercase letters, digits, dot, underscore or hyphen (3–40).', displayName: 'Display name',
    email: 'Admin email', password: 'Initial password', passwordHint: 'At least 12 characters.',
    colSlug: 'Code', colKind: 'Type', colRegion: 'Region', employees: 'Employees', units: 'Units', status: 'Status', empty: 'No agencies yet.',
    created: 'Agency {{name}} registered.'
  },
  employeeHome: {
    title: 'Employee home', intro: 'Your personnel data is shown below. Contact the HR admin if anything is wrong.',
    noEmployee: 'This account is not linked to an employee record.',
  },
  units: {
    title: 'Work units', empty: 'No units yet.', select: 'Select a unit in the tree to see its details.',
    employeeCount: '{{count}} employees', addChild: 'Add sub-unit', newUnitTitle: 'New sub-unit under {{parent}}',
    detail: 'Unit details', name: 'Unit name', code: 'Unit code', type: 'Unit type', parent: 'Parent unit',
    head: 'Head of unit', noHead: 'Not assigned', created: 'Unit created.', expandAll: 'Expand all',
    collapseAll: 'Collapse all', filter: 'Filter units', viewEmployees: 'Show employees of this unit',
  },
  employees: {
    title: 'Employees', search: 'Search employees', searchPlaceholder: 'NIP or name', unit: 'Work unit',
    includeSubunits: 'Include sub-units', category: 'Category', jabatanClass: 'Position class', status: 'Status',
    export: 'Export XLSX', empty: 'No matching employees.', idNumber: 'Identity number', idType: 'Number type',
    name: 'Name', sex: 'Sex', birthDate: 'Date of birth', golongan: 'Grade', pangkat: 'Rank',
    jabatanName: 'Position', email: 'Email', phone: 'Phone', supervisor: 'Supervisor',
    isActive: 'Active employee', warnings: 'Data warnings', detail: 'Employee details', edit: 'Edit data',
    pageSize: 'Rows per page', resetFilters: 'Clear filters', filterToggle: 'Filter',
    add: 'Add employee', addTitle: 'Add employee', addAnother: 'Add another employee',
    created: 'Employee {{name}} added.', createdWithWarnings: 'Saved with {{count}} data warning(s); please check the details.',
    idNumberHint: '18-digit NIP for PNS/CPNS, NI PPPK for PPPK, NIK for non-ASN staff.',
    jabatanHint: 'The position class is derived from the position name.',
  },
  imports: {
    title: 'Import employees', stepUpload: 'Upload', stepMapping: 'Mapping', stepPreview: 'Review',
    stepDone: 'Done', dropTitle: 'Drag a CSV or XLSX file here, or click to choose',
    dropHint: 'SIMPEG/SIASN export or the Netra template. One file, up to 100 MB.', fileInput: 'Employee data file',
    rejected: 'File rejected. Use CSV or XLSX.', uploading: 'Uploading… {{percent}}%',
    mappingIntro: 'Match each file column with a Netra field. Columns you do not need can be ignored.',
    ignore: '(ignore)', columnDescription: 'File column', defaultCategory: 'Default category',
    defaultCategoryHint: 'Used when the file has no category column.', missing: 'Required fields not mapped: {{fields}}',
    duplicate: 'Fields mapped more than once: {{fields}}', validate: 'Check data',
    processing: 'Processing {{processed}} of {{total}} rows…', totalRows: 'Rows', validRows: 'Valid rows',
    errorRows: 'Rows with errors', warningRows: 'Rows with warnings', issues: 'Findings', row: 'Row', column: 'Column',
    value: 'Value', reason: 'Reason', severity: 'Severity', error: 'Error', warning: 'Warning', noIssues: 'No findings.',
    unknownUnits: 'Units that do not exist yet ({{count}})', createMissingUnits: 'Create missing units',
    skipInvalidRows: 'Skip invalid rows',
    deactivateMissing: 'Deactivate employees missing from the file (full import)', commit: 'Save to master data',
    editMapping: 'Change mapping', summary: 'Import summary', inserted: 'New employees', updated: 'Updated',
    unchanged: 'Unchanged', deactivated: 'Deactivated', unitsCreated: 'New units', toEmployees: 'Go to employee list',
    again: 'Import another file', failed: 'Import failed', file: 'File: {{name}}', severityFilter: 'Show',
  },
  audit: {
    title: 'Audit log', seq: 'No.', time: 'Time', actor: 'Actor', action: 'Action', entity: 'Object',
    requestId: 'Request ID', verify: 'Verify chain integrity', verifyOk: 'Audit chain intact ({{checked}} entries checked).',
    verifyBroken: 'Audit chain broken at entry {{seq}}: {{reason}}', empty: 'No entries yet.',
  },
  outbox: {
    title: 'Outbox (dev)', intro: 'Mail sent in development/demo mode is shown here instead of going to SMTP.',
    empty: 'The outbox is empty.', to: 'To', toLogin: 'Back to sign in',
  },
  security: {
    title: 'Account security', totpOn: 'Two-step authentication (TOTP) is on.', totpOff: 'Two-step authentication is off.',
    setup: 'Set up authenticator', secret: 'Secret key', uri: 'otpauth URI',
    setupHint: 'Add the account to an authenticator app (e.g. Google Authenticator) with this key, then enter its code.',
    code: 'Authenticator code', enable: 'Enable', enabled: 'Two-step authentication enabled.',
  },
  ...pledgesEn,
  ...apelEn,
  ...reportsEn,
  ...receiptEn,
  ...casesEn,
  ...handlingEn,
  ...monitoringEn,
  ...insightsEn,
  ...nationalEn,
  ...sosialisasiEn,
  enums: {
    unitType: {
      pemda: 'Regional government', sekretariat_daerah: 'Regional Secretariat', sekretariat_dprd: 'DPRD Secretariat',
      inspektorat: 'Inspectorate', dinas: 'Agency (Dinas)', badan: 'Board (Badan)', satpol_pp: 'Civil police (Satpol PP)',
      kecamatan: 'District', kelurahan: 'Sub-district', uptd: 'Technical unit (UPTD)', rsud: 'Regional hospital',
      sekolah: 'School', bagian: 'Section', lainnya: 'Other',
    },
    category: {
      pns: 'PNS', cpns: 'CPNS', pppk: 'PPPK', pppk_paruh_waktu: 'Part-time PPPK', ppnpn: 'PPNPN',
      honorer: 'Honorary', thl: 'Daily contract (THL)', outsourcing: 'Outsourcing',
    },
    jabatanClass: {
      jpt_utama: 'JPT Utama', jpt_madya: 'JPT Madya', jpt_pratama: 'JPT Pratama', administrator: 'Administrator',
      pengawas: 'Supervisor', fungsional: 'Functional', pelaksana: 'Staff', kepala_wilayah: 'Territorial head',
      lainnya: 'Other',
    },
    idType: { nip: 'NIP', ni_pppk: 'NI PPPK', nik: 'NIK', internal: 'Internal number' },
    sex: { L: 'Male', P: 'Female' },
    campaignStatus: { draft: 'Draft', open: 'Open', closed: 'Closed' },
    electionKind: { pemilu: 'General election', pilkada: 'Regional election' },
    stageKind: {
      tahapan_mulai: 'Start of stages', pendaftaran_calon: 'Candidate registration', penetapan_calon: 'Candidate confirmation',
      kampanye: 'Campaign period', pemungutan_suara: 'Voting', selesai: 'Finished',
    },
    contestKind: {
      presiden: 'President and Vice President', dpr: 'DPR', dpd: 'DPD', dprd_provinsi: 'Provincial DPRD',
      dprd_kabkota: 'Regency/City DPRD', gubernur: 'Governor and Vice Governor', bupati_walikota: 'Regent/Mayor and deputy',
    },
    tenantKind: { kabupaten: 'Regency', kota: 'City', provinsi: 'Province', instansi: 'Other agency' },
    status: { active: 'Active', inactive: 'Inactive', all: 'All' },
    role: {
      superadmin: 'Superadmin', admin: 'Admin', satgas: 'Task force', pimpinan_unit: 'Unit head', ppk: 'PPK',
      inspektorat: 'Inspectorate', pegawai: 'Employee',
    },
    importField: {
      idNumber: 'NIP / NI PPPK / NIK', name: 'Name', category: 'Employee category', unit: 'Work unit',
      parentUnit: 'Parent unit', golongan: 'Grade', jabatanName: 'Position name', jabatanClass: 'Position class',
      sex: 'Sex', birthDate: 'Date of birth', supervisorIdNumber: 'Supervisor NIP', email: 'Email',
      phone: 'Phone number',
    },
  },
};
